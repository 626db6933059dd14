// Copyright 2026 The okrd Authors.

#include "core/web/findings_json.h"

namespace okr::web {

void WriteFinding(const Finding& f, JsonWriter* w) {
  w->BeginObject()
      .Key("rule").String(f.rule)
      .Key("level").String(SeverityName(f.level))
      .Key("location").OptionalString(f.location)
      .Key("subjects").BeginArray();
  for (const std::string& s : f.subjects) w->String(s);
  w->EndArray()
      .Key("message").String(f.message)
      .Key("score").OptionalNumber(f.score)
      .EndObject();
}

void WriteFindings(const std::vector<Finding>& all, JsonWriter* w) {
  w->BeginArray();
  for (const Finding& f : all) WriteFinding(f, w);
  w->EndArray();
}

}  // namespace okr::web
