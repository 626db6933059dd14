// Copyright 2026 The okrd Authors.
//
// The strict JSON-object and form parsers of write requests (3.4 of the
// reliability notes: duplicates, nesting, huge numbers, \u0000, lone
// surrogates; a NUL byte in a form body).

#include "core/web/request_body.h"

#include <catch2/catch.hpp>
#include <string>

namespace okr::web {
namespace {

TEST_CASE("a flat JSON object parses with its types", "[web][body]") {
  auto r = ParseFlatJsonObject(
      " {\"value\": -12.5e1, \"s\":\"a\\\"b\\u00e9\\ud83d\\ude00\\n\", "
      "\"t\": true, \"f\": false, \"n\": null} \n");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 5);
  CHECK((*r)[0].first == "value");
  CHECK((*r)[0].second.type == JsonScalar::Type::kNumber);
  CHECK((*r)[0].second.number == -125);
  CHECK((*r)[1].second.text == "a\"b\xC3\xA9\xF0\x9F\x98\x80\n");
  CHECK((*r)[2].second.boolean);
  CHECK((*r)[3].second.type == JsonScalar::Type::kBool);
  CHECK((*r)[4].second.type == JsonScalar::Type::kNull);
  CHECK(ParseFlatJsonObject("{}")->empty());
}

TEST_CASE("malformed or hostile JSON is refused", "[web][body]") {
  const std::string cases[] = {
      "", "[]", "{", "{\"a\":1,}", "{\"a\":1}x", "{\"a\":1}{}",
      "{\"a\":1,\"a\":2}", "{\"a\":{}}", "{\"a\":[1]}", "{\"a\":1e999}",
      "{\"a\":-}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":NaN}",
      "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}",
      "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"x\ny\"}", "{\"a\":\"\\x\"}",
      "{\"a\":\"\\u12\"}", "{\"a\":tru}", "{a:1}", "{\"a\" 1}",
      std::string("{\"a\":\"x\0y\"}", 11), std::string(10000, '[')};
  for (const std::string& text : cases) {
    INFO(text.substr(0, 40));
    auto r = ParseFlatJsonObject(text);
    CHECK_FALSE(r.ok());
    if (!r.ok()) CHECK(r.status().message().starts_with("invalid JSON at byte"));
  }
  std::string many = "{";
  for (int i = 0; i < 65; ++i) many += "\"k" + std::to_string(i) + "\":1,";
  many.back() = '}';
  CHECK_FALSE(ParseFlatJsonObject(many).ok());
}

TEST_CASE("form bodies decode strictly", "[web][body]") {
  auto r = ParseFormUrlEncoded("a=1&&b=x+y%2B%C3%A9&c&d=%0D%0A");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 4);
  CHECK(*FindFormField(*r, "b") == "x y+\xC3\xA9");
  CHECK(FindFormField(*r, "c")->empty());
  CHECK(*FindFormField(*r, "d") == "\r\n");
  CHECK(FindFormField(*r, "zz") == nullptr);
  CHECK(ParseFormUrlEncoded("a=%09")->front().second == "\t");
  // A raw or escaped NUL byte, other raw or escaped controls, broken
  // escapes.
  for (const std::string& body :
       {std::string("a=b\0c&d=e", 9), std::string("a=%00"), std::string("a=%zz"),
        std::string("a=%4"), std::string("a=%"), std::string("a=b\nc"),
        std::string("a=\x7f"), std::string("a=%01"), std::string("a=%1B"),
        std::string("a=%7f"), std::string("%07=1")}) {
    INFO(body);
    CHECK_FALSE(ParseFormUrlEncoded(body).ok());
  }
  std::string many;
  for (int i = 0; i < 11; ++i) many += "a=1&";
  CHECK_FALSE(ParseFormUrlEncoded(many, 10).ok());
  CHECK(ParseFormUrlEncoded(many, 11).ok());
}

TEST_CASE("media types ignore case and parameters", "[web][body]") {
  CHECK(MediaType("Application/JSON; charset=utf-8") == "application/json");
  CHECK(MediaType(" text/plain ") == "text/plain");
  CHECK(MediaType("").empty());
}

}  // namespace
}  // namespace okr::web
