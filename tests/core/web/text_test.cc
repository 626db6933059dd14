// Copyright 2026 The okrd Authors.

#include "core/web/text.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace okr::web {
namespace {

TEST_CASE("Path segments and query values are percent-encoded",
          "[web][text]") {
  CHECK(EncodePathSegment("kr-eng-1.2_x~") == "kr-eng-1.2_x~");
  CHECK(EncodePathSegment("ada@acme.test") == "ada@acme.test");
  CHECK(EncodePathSegment("a b/c?d#e\"<") == "a%20b%2Fc%3Fd%23e%22%3C");
  CHECK(EncodeQueryValue("2026 Q4&x=@") == "2026%20Q4%26x%3D%40");
}

TEST_CASE("QueryParam decodes the first value", "[web][text]") {
  CHECK(QueryParam("cycle=2026-Q4", "cycle") == "2026-Q4");
  CHECK(QueryParam("a=1&cycle=2026%20Q4&cycle=x", "cycle") == "2026 Q4");
  CHECK(QueryParam("cycle=a+b", "cycle") == "a b");
  CHECK(QueryParam("cycle", "cycle") == "");
  CHECK(!QueryParam("cycles=1", "cycle"));
  CHECK(!QueryParam("", "cycle"));
  CHECK(QueryParam("cycle=%zz", "cycle") == "%zz");
}

TEST_CASE("Numbers and dates are formatted for people", "[web][text]") {
  CHECK(FormatPercent(0.4237) == "42%");
  CHECK(FormatPercent(1.7) == "100%");
  CHECK(FormatPercent(std::nan("")) == "0%");
  CHECK(FormatValue(12) == "12");
  CHECK(FormatValue(99.950) == "99.95");
  CHECK(FormatValue(-0.5) == "-0.5");
  CHECK(FormatValue(-0.001) == "0");
  CHECK(FormatValue(12000000) == "12,000,000");
  CHECK(FormatValue(-1234.5) == "-1,234.5");
  CHECK(FormatValue(999) == "999");
  CHECK(FormatValue(INFINITY) == "?");
  CHECK(FormatPoints(0.05) == "+5");
  CHECK(FormatPoints(-0.031) == "-3");
  CHECK(FormatPoints(0) == "0");
  CHECK(FormatDate({2026, 11, 24}) == "24 Nov 2026");
  CHECK(FormatInstant(Date{2026, 11, 24}.ToUnixSeconds() + 36300) ==
        "24 Nov 2026, 10:05 UTC");
  CHECK(FormatDaysAgo(3) == "3 days ago");
  CHECK(FormatDaysAgo(1) == "yesterday");
}

TEST_CASE("DecodeUtf8 resynchronises on bad bytes", "[web][text]") {
  size_t length = 0;
  CHECK(DecodeUtf8("\xC3\xB8", 0, &length) == 0xF8);
  CHECK(length == 2);
  CHECK(DecodeUtf8("\xF0\x9F\x9A\x80", 0, &length) == 0x1F680);
  CHECK(length == 4);
  CHECK(DecodeUtf8("\xC3", 0, &length) == kReplacementChar);
  CHECK(length == 1);
  CHECK(DecodeUtf8("\xF4\x90\x80\x80", 0, &length) == kReplacementChar);
}

}  // namespace
}  // namespace okr::web
