// Copyright 2026 The okrd Authors.

#include "core/web/json.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace okr::web {
namespace {

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST_CASE("JSON strings escape quotes, backslashes and controls",
          "[web][json]") {
  CHECK(Quote("a\"b\\c") == R"("a\"b\\c")");
  CHECK(Quote("\n\r\t\b\f") == R"("\n\r\t\b\f")");
  CHECK(Quote(std::string("\0\x01\x1f\x7f", 4)) ==
        R"("\u0000\u0001\u001f\u007f")");
  CHECK(Quote("\xE2\x80\xA8|\xE2\x80\xA9") == R"("\u2028|\u2029")");
  CHECK(Quote("</script>") == R"("</script>")");
  CHECK(Quote("Ørsted 🚀") == "\"Ørsted 🚀\"");
  CHECK(Quote("\xff") == "\"\xEF\xBF\xBD\"");
}

TEST_CASE("JsonWriter builds documents nlohmann parses back", "[web][json]") {
  JsonWriter w;
  const std::string hostile = "\"}<script>\x01\xE2\x80\xA8";
  w.BeginObject()
      .Key("s").String(hostile)
      .Key("n").Number(0.1)
      .Key("i").Int(-42)
      .Key("inf").Number(std::numeric_limits<double>::infinity())
      .Key("b").Bool(true)
      .Key("none").OptionalNumber(std::nullopt)
      .Key("empty").OptionalString("")
      .Key("list").BeginArray().Int(1).BeginObject().EndObject().String("x")
      .EndArray()
      .EndObject();
  const std::string text = std::move(w).Take();
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["s"] == hostile);
  CHECK(doc["n"].get<double>() == 0.1);
  CHECK(doc["i"] == -42);
  CHECK(doc["inf"].is_null());
  CHECK(doc["b"] == true);
  CHECK(doc["none"].is_null());
  CHECK(doc["empty"].is_null());
  CHECK(doc["list"].size() == 3);
  CHECK(doc["list"][2] == "x");
}

}  // namespace
}  // namespace okr::web
