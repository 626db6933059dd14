// Copyright 2026 The okrd Authors.

#include "core/web/api.h"

#include <optional>
#include <set>

#include "core/web/json.h"
#include "core/web/views.h"
#include "core/web/views_internal.h"

namespace okr::web {
namespace {

ApiResult Error(std::string_view message) {
  JsonWriter w;
  w.BeginObject().Key("error").String(message).EndObject();
  return {404, std::move(w).Take()};
}

ApiResult Ok(JsonWriter w) { return {200, std::move(w).Take()}; }

std::optional<std::string_view> BandName(std::optional<ConfidenceBand> band) {
  if (!band) return std::nullopt;
  return ConfidenceBandName(*band);
}

void WriteBand(JsonWriter* w, std::optional<ConfidenceBand> band) {
  if (auto name = BandName(band)) {
    w->String(*name);
  } else {
    w->Null();
  }
}

void WriteRisks(JsonWriter* w, const std::vector<std::string>& risks) {
  w->Key("at_risk").Bool(!risks.empty()).Key("risks").BeginArray();
  for (const std::string& r : risks) w->String(r);
  w->EndArray();
}

void WriteCycle(JsonWriter* w, const CycleInfo& c) {
  w->BeginObject()
      .Key("name").String(c.name)
      .Key("start").String(c.start.ToString())
      .Key("end").String(c.end.ToString())
      .Key("phase").String(PhaseName(c.phase))
      .Key("days_left").Int(c.days_left)
      .Key("elapsed").Number(c.elapsed)
      .Key("current").Bool(c.is_current)
      .EndObject();
}

void WriteKr(JsonWriter* w, const KrView& kr) {
  w->BeginObject()
      .Key("key").String(kr.key)
      .Key("objective").String(kr.objective_key)
      .Key("title").String(kr.title)
      .Key("owner").OptionalString(kr.owner.email)
      .Key("kind").String(KrKindName(kr.kind))
      .Key("start").Number(kr.start)
      .Key("target").Number(kr.target)
      .Key("current").Number(kr.current)
      .Key("unit").String(kr.unit)
      .Key("weight").Number(kr.weight)
      .Key("due");
  if (kr.due) {
    w->String(kr.due->ToString());
  } else {
    w->Null();
  }
  w->Key("progress").Number(kr.progress)
      .Key("confidence").OptionalNumber(kr.confidence)
      .Key("band");
  WriteBand(w, kr.band);
  w->Key("trend").OptionalNumber(kr.trend);
  WriteRisks(w, kr.risks);
  w->EndObject();
}

void WriteObjective(JsonWriter* w, const ObjectiveView& o) {
  w->BeginObject()
      .Key("key").String(o.key)
      .Key("title").String(o.title)
      .Key("description").String(o.description)
      .Key("cycle").String(o.cycle)
      .Key("level").String(LevelName(o.level))
      .Key("unit").OptionalString(o.unit_key)
      .Key("owner").OptionalString(o.owner.email)
      .Key("committed").Bool(o.committed)
      .Key("progress").OptionalNumber(o.progress)
      .Key("confidence").OptionalNumber(o.confidence)
      .Key("band");
  WriteBand(w, o.band);
  w->Key("trend").OptionalNumber(o.trend)
      .Key("score_override").OptionalNumber(o.score_override)
      .Key("score_reason").OptionalString(o.score_reason);
  WriteRisks(w, o.risks);
  w->Key("key_results").BeginArray();
  for (const KrView& kr : o.krs) WriteKr(w, kr);
  w->EndArray().EndObject();
}

void WriteUnit(JsonWriter* w, const Unit& u) {
  w->BeginObject()
      .Key("key").String(u.key)
      .Key("name").String(u.name)
      .Key("parent").OptionalString(u.parent_key)
      .Key("level").String(LevelName(u.level))
      .Key("lead").OptionalString(u.lead_email);
}

void WritePerson(JsonWriter* w, const Person& p) {
  w->BeginObject()
      .Key("email").String(p.email)
      .Key("name").String(p.name)
      .Key("unit").OptionalString(p.unit_key)
      .Key("manager").OptionalString(p.manager_email)
      .Key("time_zone").OptionalString(p.time_zone);
}

void WriteObjectives(JsonWriter* w, const std::vector<ObjectiveView>& list) {
  w->BeginArray();
  for (const ObjectiveView& o : list) WriteObjective(w, o);
  w->EndArray();
}

ApiResult Index() {
  JsonWriter w;
  w.BeginObject().Key("resources").BeginArray();
  for (const char* r : {"/api/v1/cycles", "/api/v1/units", "/api/v1/people",
                        "/api/v1/objectives", "/api/v1/key-results",
                        "/api/v1/check-ins"}) {
    w.String(r);
  }
  w.EndArray().EndObject();
  return Ok(std::move(w));
}

ApiResult Cycles(const Organisation& org, const Date& today) {
  JsonWriter w;
  w.BeginObject().Key("cycles").BeginArray();
  for (const Cycle& c : org.cycles) WriteCycle(&w, MakeCycleInfo(org, c, today));
  w.EndArray().EndObject();
  return Ok(std::move(w));
}

ApiResult Units(const internal::OrgIndex& index, const Cycle& cycle,
                std::string_view key, const Date& today) {
  const Organisation& org = index.org();
  JsonWriter w;
  if (key.empty()) {
    w.BeginObject().Key("units").BeginArray();
    for (const Unit& u : org.units) {
      WriteUnit(&w, u);
      w.EndObject();
    }
    w.EndArray().EndObject();
    return Ok(std::move(w));
  }
  std::optional<UnitDetail> d = BuildUnitDetail(index, cycle, key, today);
  if (!d) return Error("no such unit");
  WriteUnit(&w, d->unit);
  w.Key("cycle").String(cycle.name).Key("objectives");
  WriteObjectives(&w, d->objectives);
  w.EndObject();
  return Ok(std::move(w));
}

ApiResult People(const internal::OrgIndex& index, const Cycle& cycle,
                 std::string_view email, const Date& today) {
  const Organisation& org = index.org();
  JsonWriter w;
  if (email.empty()) {
    w.BeginObject().Key("people").BeginArray();
    for (const Person& p : org.people) {
      WritePerson(&w, p);
      w.EndObject();
    }
    w.EndArray().EndObject();
    return Ok(std::move(w));
  }
  std::optional<PersonDetail> d = BuildPersonDetail(index, cycle, email, today);
  if (!d) return Error("no such person");
  WritePerson(&w, d->person);
  w.Key("cycle").String(cycle.name).Key("objectives");
  WriteObjectives(&w, d->objectives);
  w.Key("key_results").BeginArray();
  for (const KrView& kr : d->key_results) WriteKr(&w, kr);
  w.EndArray().EndObject();
  return Ok(std::move(w));
}

ApiResult Objectives(const internal::OrgIndex& index, const Cycle& cycle,
                     std::string_view key, const Date& today) {
  JsonWriter w;
  if (key.empty()) {
    w.BeginObject().Key("cycle").String(cycle.name).Key("objectives");
    WriteObjectives(&w, BuildObjectiveViews(index, cycle, today));
    w.EndObject();
    return Ok(std::move(w));
  }
  std::optional<ObjectiveView> o = BuildObjectiveView(index, key, today);
  if (!o) return Error("no such objective");
  WriteObjective(&w, *o);
  return Ok(std::move(w));
}

ApiResult KeyResults(const internal::OrgIndex& index, const Cycle& cycle,
                     std::string_view key, const Date& today) {
  const Organisation& org = index.org();
  JsonWriter w;
  if (key.empty()) {
    w.BeginObject().Key("cycle").String(cycle.name).Key("key_results")
        .BeginArray();
    for (const ObjectiveView& o : BuildObjectiveViews(index, cycle, today)) {
      for (const KrView& kr : o.krs) WriteKr(&w, kr);
    }
    w.EndArray().EndObject();
    return Ok(std::move(w));
  }
  for (const KeyResult& kr : org.key_results) {
    if (kr.key != key) continue;
    std::optional<ObjectiveView> o =
        BuildObjectiveView(org, kr.objective_key, today);
    if (!o) break;
    for (const KrView& row : o->krs) {
      if (row.key == key) WriteKr(&w, row);
    }
    return Ok(std::move(w));
  }
  return Error("no such key result");
}

ApiResult CheckIns(const Organisation& org, const Cycle& cycle) {
  std::set<std::string> objectives, krs;
  for (const Objective& o : org.objectives) {
    if (o.cycle == cycle.name) objectives.insert(o.key);
  }
  for (const KeyResult& kr : org.key_results) {
    if (objectives.count(kr.objective_key) != 0) krs.insert(kr.key);
  }
  JsonWriter w;
  w.BeginObject().Key("cycle").String(cycle.name).Key("check_ins").BeginArray();
  for (const CheckIn& c : org.check_ins) {
    const bool is_kr = c.target_kind == TargetKind::kKeyResult;
    if ((is_kr ? krs : objectives).count(c.target_key) == 0) continue;
    WriteCheckInJson(c, &w);
  }
  w.EndArray().EndObject();
  return Ok(std::move(w));
}

}  // namespace

void WriteCheckInJson(const CheckIn& c, JsonWriter* w) {
  w->BeginObject()
      .Key("id").Int(c.id)
      .Key("target_kind").String(TargetKindName(c.target_kind))
      .Key("target").String(c.target_key)
      .Key("at").String(FormatUtcTimestamp(c.at))
      .Key("author").OptionalString(c.author_email)
      .Key("value").OptionalNumber(c.value)
      .Key("confidence").OptionalNumber(c.confidence)
      .Key("status").String(c.status)
      .Key("learned").String(c.learned)
      .Key("next_steps").String(c.next_steps)
      .Key("challenges").String(c.challenges)
      .Key("source").String(c.source)
      .EndObject();
}

ApiResult RenderApi(const Organisation& org, std::string_view rest,
                    std::string_view cycle_name, const Date& today) {
  return RenderApi(internal::OrgIndex(org), rest, cycle_name, today);
}

ApiResult RenderApi(const internal::OrgIndex& index, std::string_view rest,
                    std::string_view cycle_name, const Date& today) {
  const Organisation& org = index.org();
  if (rest.empty()) return Index();
  const size_t slash = rest.find('/');
  const std::string_view resource = rest.substr(0, slash);
  const std::string_view key =
      slash == std::string_view::npos ? "" : rest.substr(slash + 1);
  const bool has_key = slash != std::string_view::npos;
  if (has_key && key.empty()) return Error("not found");
  if (resource == "cycles" && !has_key) return Cycles(org, today);
  const Cycle* cycle = FindCycle(org, cycle_name, today);
  if (cycle == nullptr) return Error("no such cycle");
  if (resource == "units") return Units(index, *cycle, key, today);
  if (resource == "people") return People(index, *cycle, key, today);
  if (resource == "objectives") return Objectives(index, *cycle, key, today);
  if (resource == "key-results") return KeyResults(index, *cycle, key, today);
  if (resource == "check-ins" && !has_key) return CheckIns(org, *cycle);
  return Error("not found");
}

}  // namespace okr::web
