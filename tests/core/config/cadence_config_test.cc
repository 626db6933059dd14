// Copyright 2026 The okrd Authors.
//
// The [cadence] section: every key read, bad values named with their line,
// and every key documented in packaging/okrd.conf.

#include <catch2/catch.hpp>

#include "core/config/config.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

TEST_CASE("[cadence] keeps its defaults when absent", "[config]") {
  auto c = ParseConfig("", "okrd.conf");
  REQUIRE(c.ok());
  CHECK(c->cadence.one_on_one_minutes == 20);
  CHECK(c->cadence.review_interval_weeks == 2);
  CHECK(c->cadence.day_start_minute == 9 * 60);
  CHECK(c->cadence.day_end_minute == 17 * 60);
  CHECK(c->cadence.holidays.empty());
}

TEST_CASE("[cadence] reads lengths, intervals, hours and holidays", "[config]") {
  auto c = ParseConfig(
      "[cadence]\n"
      "one_on_one_minutes = 15\n"
      "one_on_one_interval_weeks = 2\n"
      "review_minutes = 45\n"
      "review_interval_weeks = 1\n"
      "working_hours = 08:30-16:00\n"
      "holidays = 2026-12-24, 2026-12-25,2027-01-01\n",
      "okrd.conf");
  INFO(c.status().message());
  REQUIRE(c.ok());
  CHECK(c->cadence.one_on_one_minutes == 15);
  CHECK(c->cadence.one_on_one_interval_weeks == 2);
  CHECK(c->cadence.review_minutes == 45);
  CHECK(c->cadence.review_interval_weeks == 1);
  CHECK(c->cadence.day_start_minute == 8 * 60 + 30);
  CHECK(c->cadence.day_end_minute == 16 * 60);
  CHECK(c->cadence.holidays ==
        std::vector<Date>{{2026, 12, 24}, {2026, 12, 25}, {2027, 1, 1}});
}

TEST_CASE("[cadence] bad values name the line and what is expected",
          "[config]") {
  auto c = ParseConfig(
      "[cadence]\n"
      "one_on_one_minutes = 0\n"
      "working_hours = 17:00-09:00\n"
      "holidays = 2026-12-24, Christmas\n"
      "review_interval_weeks = 9\n"
      "working_hours = 9-17\n",
      "okrd.conf");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() ==
        "okrd.conf:2: one_on_one_minutes: expected a whole number from 5 to 240\n"
        "okrd.conf:3: working_hours: expected HH:MM-HH:MM, at least an hour, "
        "e.g. 09:00-17:00\n"
        "okrd.conf:4: holidays: expected dates YYYY-MM-DD separated by commas, "
        "not \"Christmas\"\n"
        "okrd.conf:5: review_interval_weeks: expected a whole number from 1 to 8\n"
        "okrd.conf:6: working_hours: expected HH:MM-HH:MM, at least an hour, "
        "e.g. 09:00-17:00");
}

TEST_CASE("[cadence] keys are documented in the shipped file", "[config]") {
  const std::string text =
      testing::ReadFileOrEmpty(OKR_SOURCE_DIR "/packaging/okrd.conf");
  CHECK(text.find("\n[cadence]\n") != std::string::npos);
  for (const char* key :
       {"one_on_one_minutes", "one_on_one_interval_weeks", "review_minutes",
        "review_interval_weeks", "working_hours", "holidays"}) {
    CHECK(text.find(std::string("\n# ") + key + " =") != std::string::npos);
  }
}

}  // namespace
}  // namespace okr
