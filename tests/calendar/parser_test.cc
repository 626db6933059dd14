// Copyright 2026 The okrd Authors.
//
// Every feed of the example organisation, and feeds built from hostile
// titles, parsed and expanded by an independent parser (python3-icalendar +
// python3-recurring-ical-events, tests/calendar/expand_feeds.py). The
// expanded occurrences must equal the ones the cadence planned: count,
// UTC start and end, local wall-clock time constant across DST, EXDATEs
// removing real occurrences.

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>

#include "calendar/feeds.h"
#include "calendar/time_zones.h"
#include "core/example/example_org.h"
#include "tests/calendar/feed_test_util.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::FixedStates;
using testing::TempDir;

struct Case {
  Organisation org;
  Date today;
  FeedOptions options;
};

// Expected occurrences of each series, by UID.
std::map<std::string, std::vector<std::array<int64_t, 2>>> Expected(
    const FeedPlan& plan, const std::map<std::string, SeriesState>& states) {
  std::map<std::string, std::vector<std::array<int64_t, 2>>> out;
  std::lock_guard<std::mutex> lock(LibicalMutex());
  LocalToUtc clock;
  for (const Meeting& m : plan.cadence.meetings) {
    auto& list = out[states.at(m.series_key).uid];
    if (m.kind == MeetingKind::kPhase) {
      list.push_back({m.first_day.ToUnixSeconds(),
                      m.first_day.AddDays(m.days).ToUnixSeconds()});
      continue;
    }
    for (const Date& d : m.OccurrenceDays()) {
      if (std::find(m.exdates.begin(), m.exdates.end(), d) != m.exdates.end()) {
        continue;
      }
      const int64_t start = clock.Convert(m.time_zone, d, m.slot.start_minute);
      list.push_back({start, start + m.slot.length_minutes * 60});
    }
  }
  return out;
}

void CheckWithPython(const Case& c) {
  const FeedPlan plan = PlanFeeds(c.org, c.today, c.options, {});
  const auto states = FixedStates(plan);
  const auto expected = Expected(plan, states);
  TempDir dir;
  std::vector<std::string> argv = {
      "/usr/bin/python3", std::string(OKR_SOURCE_DIR) +
                              "/tests/calendar/expand_feeds.py"};
  std::map<std::string, FeedId> files;
  int n = 0;
  for (const FeedId& feed : AllFeeds(c.org)) {
    const std::string path = dir.File("feed-" + std::to_string(n++) + ".ics");
    REQUIRE(testing::WriteFile(
        path, RenderFeed(c.org, plan, states, feed, c.options).body));
    argv.push_back(path);
    files.emplace(path, feed);
  }
  const testing::ProcessResult r = testing::RunProcess(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json json = nlohmann::json::parse(r.out);
  for (const auto& [path, feed] : files) {
    INFO(feed.ToString());
    const auto& events = json.at(path);
    size_t shown = 0;
    for (const Meeting& m : plan.cadence.meetings) shown += FeedShows(c.org, feed, m);
    CHECK(events.size() == shown);
    for (const auto& e : events) {
      const std::string uid = e.at("uid");
      INFO(uid << " " << e.at("summary").get<std::string>());
      std::vector<std::array<int64_t, 2>> got;
      std::set<std::string> local;
      for (const auto& o : e.at("occurrences")) {
        got.push_back({o.at(0).get<int64_t>(), o.at(1).get<int64_t>()});
        local.insert(o.at(2).get<std::string>());
      }
      CHECK(got == expected.at(uid));
      CHECK(local.size() == 1);  // Same wall-clock time every week.
    }
  }
}

TEST_CASE("Parser: every example feed, expanded by python3-icalendar") {
  CheckWithPython({MakeExampleOrganisation({2026, 11, 24}), {2026, 11, 24}, {}});
}

TEST_CASE("Parser: feeds across DST with holidays, expanded by python") {
  FeedOptions options;
  options.cadence.holidays = {{2027, 3, 29}, {2027, 4, 2}, {2027, 4, 5}};
  CheckWithPython({testing::DstOrganisation(), {2027, 3, 1}, options});
}

TEST_CASE("Parser: hostile titles parse and keep their events") {
  Organisation org = testing::DstOrganisation();
  const char* nasty[] = {
      "a;b,c\\d\r\nEND:VEVENT\r\nBEGIN:VEVENT", "\x01\x02\x7f emoji \xF0\x9F\x98\x80",
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
      "\xff\xfe broken", "line\nATTENDEE:mailto:x@y.z"};
  for (size_t i = 0; i < org.people.size(); ++i) org.people[i].name = nasty[i % 5];
  for (size_t i = 0; i < org.units.size(); ++i) org.units[i].name = nasty[(i + 1) % 5];
  for (size_t i = 0; i < org.objectives.size(); ++i) {
    org.objectives[i].title = nasty[(i + 2) % 5];
  }
  CheckWithPython({org, {2027, 3, 1}, {}});
}

}  // namespace
}  // namespace okr
