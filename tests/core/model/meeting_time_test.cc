// Copyright 2026 The okrd Authors.

#include "core/model/meeting_time.h"

#include <catch2/catch.hpp>

#include "core/model/validate.h"

namespace okr {
namespace {

TEST_CASE("weekday names and abbreviations in any case", "[model]") {
  CHECK(ParseWeekdayName("Monday") == 0);
  CHECK(ParseWeekdayName(" tue ") == 1);
  CHECK(ParseWeekdayName("TUES") == 1);
  CHECK(ParseWeekdayName("Wed") == 2);
  CHECK(ParseWeekdayName("thurs") == 3);
  CHECK(ParseWeekdayName("Thur") == 3);
  CHECK(ParseWeekdayName("fRiDaY") == 4);
  CHECK(ParseWeekdayName("Sun") == 6);
  CHECK_FALSE(ParseWeekdayName("Mo"));
  CHECK_FALSE(ParseWeekdayName("Funday"));
  CHECK_FALSE(ParseWeekdayName("Montag"));
  CHECK_FALSE(ParseWeekdayName(""));
  for (int d = 0; d < 7; ++d) CHECK(ParseWeekdayName(WeekdayName(d)) == d);
}

TEST_CASE("times of day from 00:00 to 23:59", "[model]") {
  CHECK(ParseClockTime("00:00") == 0);
  CHECK(ParseClockTime("9:05") == 9 * 60 + 5);
  CHECK(ParseClockTime("14:30:00") == 14 * 60 + 30);
  CHECK(ParseClockTime("23:59") == 1439);
  CHECK_FALSE(ParseClockTime("24:00"));
  CHECK_FALSE(ParseClockTime("12:60"));
  CHECK_FALSE(ParseClockTime("14:30:15"));
  CHECK_FALSE(ParseClockTime("2pm"));
  CHECK_FALSE(ParseClockTime("1430"));
  CHECK_FALSE(ParseClockTime("-1:00"));
  CHECK(FormatClockTime(9 * 60 + 5) == "09:05");
  CHECK(FormatClockTime(1439) == "23:59");
}

TEST_CASE("override ranges are validated with the organisation", "[model]") {
  CHECK(CadenceOverrideErrors({.weekday = 6, .start_minute = 1439,
                               .length_minutes = 5, .interval_weeks = 8})
            .empty());
  CHECK(CadenceOverrideErrors({.length_minutes = 241}) ==
        std::vector<std::string>{
            "length 241 is not between 5 and 240 minutes"});
  CHECK(CadenceOverrideErrors({.interval_weeks = 0}).size() == 1);
  CHECK(CadenceOverrideErrors({.weekday = 7}).size() == 1);
  CHECK(CadenceOverrideErrors({.start_minute = 1440}).size() == 1);

  Organisation org;
  org.units.push_back({.key = "acme", .name = "Acme",
                       .level = Level::kCompany,
                       .review = {.interval_weeks = 9}});
  org.people.push_back({.email = "ana@acme.test", .name = "Ana",
                        .one_on_one = {.length_minutes = 4}});
  const std::vector<std::string> errors = FindModelErrors(org);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] ==
        "unit \"acme\": review interval 9 is not between 1 and 8 weeks");
  CHECK(errors[1] ==
        "person \"ana@acme.test\": one-on-one length 4 is not between 5 and "
        "240 minutes");
}

}  // namespace
}  // namespace okr
