// Copyright 2026 The okrd Authors.

#include "core/base/civil_time.h"

#include <catch2/catch.hpp>

namespace okr {
namespace {

TEST_CASE("Date round-trips through day numbers across eras") {
  CHECK(Date{1970, 1, 1}.ToDays() == 0);
  CHECK(Date{2000, 3, 1}.ToDays() == 11017);
  CHECK(Date{1969, 12, 31}.ToDays() == -1);
  for (int64_t d = -800000; d <= 800000; d += 997) {
    CHECK(Date::FromDays(d).ToDays() == d);
  }
  CHECK(Date::FromDays(Date{2024, 2, 29}.ToDays() + 1) == Date{2024, 3, 1});
}

TEST_CASE("Weekday is ISO, Monday = 0") {
  CHECK(Date{1970, 1, 1}.Weekday() == 3);   // Thursday
  CHECK(Date{2026, 11, 23}.Weekday() == 0);  // Monday
  CHECK(Date{1969, 12, 28}.Weekday() == 6);  // Sunday
}

TEST_CASE("Month and weekday abbreviations follow Date's numbering") {
  CHECK(MonthAbbreviation(1) == "Jan");
  CHECK(MonthAbbreviation(9) == "Sep");
  CHECK(MonthAbbreviation(12) == "Dec");
  CHECK(WeekdayAbbreviation(Date{2026, 11, 23}.Weekday()) == "Mon");
  CHECK(WeekdayAbbreviation(Date{1970, 1, 1}.Weekday()) == "Thu");
  CHECK(WeekdayAbbreviation(6) == "Sun");
}

TEST_CASE("ParseIsoDate accepts real dates only and says why") {
  REQUIRE(ParseIsoDate("2028-02-29").ok());
  CHECK(*ParseIsoDate("2028-02-29") == Date{2028, 2, 29});
  auto not_leap = ParseIsoDate("2027-02-29");
  REQUIRE_FALSE(not_leap.ok());
  CHECK(not_leap.status().message() == "\"2027-02-29\" is not a real date");
  CHECK_FALSE(ParseIsoDate("2027-2-1").ok());
  CHECK_FALSE(ParseIsoDate("2027-02-01x").ok());
  CHECK_FALSE(ParseIsoDate("+027-02-01").ok());
  CHECK_FALSE(ParseIsoDate("").ok());
}

TEST_CASE("UTC timestamps format and parse symmetrically") {
  CHECK(FormatUtcTimestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(FormatUtcTimestamp(-1) == "1969-12-31T23:59:59Z");
  const UnixSeconds t = 1795564800 + 3661;
  CHECK(*ParseUtcTimestamp(FormatUtcTimestamp(t)) == t);
  CHECK(*ParseUtcTimestamp("2026-11-24 01:02:03") ==
        Date{2026, 11, 24}.ToUnixSeconds() + 3723);
  CHECK(*ParseUtcTimestamp("2026-11-24") == Date{2026, 11, 24}.ToUnixSeconds());
  CHECK_FALSE(ParseUtcTimestamp("2026-11-24T25:00:00Z").ok());
  CHECK_FALSE(ParseUtcTimestamp("2026-11-24T1:00:00Z").ok());
}

}  // namespace
}  // namespace okr
