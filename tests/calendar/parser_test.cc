// Copyright 2026 The okrd Authors.
//
// Every feed of the example organisation, and feeds built from hostile
// titles, parsed and expanded by two independent parsers: ical.js (the
// parser inside Thunderbird, tests/calendar/expand_feeds.mjs, pinned in
// package-lock.json) and python3-icalendar + python3-recurring-ical-events
// (tests/calendar/expand_feeds.py). Each parser's occurrences must equal
// the ones the cadence planned (count per cycle, UTC start and end, local
// wall-clock time constant across DST, EXDATEs removing real occurrences),
// no person's timed occurrences may overlap, hostile text must add no
// property or event, and the two parsers must agree with each other on
// every event's text and occurrences.

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

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
using Span = std::array<int64_t, 2>;

struct Case {
  Organisation org;
  Date today;
  FeedOptions options;
};

// Expected occurrences of each series, by UID. The count is also checked
// against the cycle's length, independently of OccurrenceDays().
std::map<std::string, std::vector<Span>> Expected(
    const FeedPlan& plan, const std::map<std::string, SeriesState>& states) {
  std::map<std::string, std::vector<Span>> out;
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
    const int64_t step = 7 * m.slot.interval_weeks;
    const size_t per_cycle = DaysBetween(m.first_day, m.last_day) / step + 1;
    CHECK(list.size() == per_cycle - m.exdates.size());
  }
  return out;
}

struct Rendered {
  FeedPlan plan;
  std::map<std::string, SeriesState> states;
  std::map<std::string, FeedId> files;  // Path -> feed.
  std::vector<std::string> paths;
};

Rendered RenderAll(const Case& c, const TempDir& dir) {
  Rendered r;
  r.plan = PlanFeeds(c.org, c.today, c.options, {});
  r.states = FixedStates(r.plan);
  int n = 0;
  for (const FeedId& feed : AllFeeds(c.org)) {
    const std::string path = dir.File("feed-" + std::to_string(n++) + ".ics");
    REQUIRE(testing::WriteFile(
        path, RenderFeed(c.org, r.plan, r.states, feed, c.options).body));
    r.paths.push_back(path);
    r.files.emplace(path, feed);
  }
  return r;
}

nlohmann::json RunParser(std::vector<std::string> argv,
                         const std::vector<std::string>& paths) {
  argv.insert(argv.end(), paths.begin(), paths.end());
  const testing::ProcessResult r = testing::RunProcess(argv);
  INFO(argv[0] << " " << argv[1] << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// {path: [event]} from python3-icalendar.
nlohmann::json RunPython(const std::vector<std::string>& paths) {
  return RunParser({"/usr/bin/python3",
                    std::string(OKR_SOURCE_DIR) + "/tests/calendar/expand_feeds.py"},
                   paths);
}

// {path: {"calendar": [...], "events": [event]}} from ical.js. Needs node
// and `npm ci` at the repository root.
nlohmann::json RunIcalJs(const std::vector<std::string>& paths) {
  return RunParser({"/usr/bin/env", "node",
                    std::string(OKR_SOURCE_DIR) + "/tests/calendar/expand_feeds.mjs"},
                   paths);
}

// The checks both parsers must pass on one feed's events.
void CheckFeed(const Case& c, const Rendered& r, const FeedId& feed,
               const nlohmann::json& events,
               const std::map<std::string, std::vector<Span>>& expected) {
  INFO(feed.ToString());
  size_t shown = 0;
  for (const Meeting& m : r.plan.cadence.meetings) shown += FeedShows(c.org, feed, m);
  CHECK(events.size() == shown);
  std::vector<Span> timed;
  for (const auto& e : events) {
    const std::string uid = e.at("uid");
    INFO(uid << " " << e.at("summary").get<std::string>());
    std::vector<Span> got;
    std::set<std::string> local;
    for (const auto& o : e.at("occurrences")) {
      got.push_back({o.at(0).get<int64_t>(), o.at(1).get<int64_t>()});
      local.insert(o.at(2).get<std::string>());
    }
    REQUIRE(expected.count(uid) == 1);
    CHECK(got == expected.at(uid));
    CHECK(local.size() == 1);  // Same wall-clock time every week.
    if (!e.at("all_day").get<bool>()) timed.insert(timed.end(), got.begin(), got.end());
  }
  // A person's feed holds all their meetings: none may overlap another.
  if (feed.kind != FeedKind::kPerson) return;
  std::sort(timed.begin(), timed.end());
  for (size_t i = 1; i < timed.size(); ++i) {
    INFO("occurrence at " << timed[i][0]);
    CHECK(timed[i - 1][1] <= timed[i][0]);
  }
}

// What a feed may contain; anything else (e.g. from hostile text) fails.
const std::set<std::string>& AllowedEventProperties() {
  static const std::set<std::string> kAllowed = {
      "UID",     "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY",
      "DESCRIPTION", "URL", "TRANSP",        "DTSTART",  "DTEND",
      "RRULE",   "EXDATE"};
  return kAllowed;
}

void CheckCalendarShape(const nlohmann::json& file) {
  for (const std::string name : file.at("calendar")) {
    INFO(name);
    CHECK((name == "VERSION" || name == "PRODID" || name == "CALSCALE" ||
           name == "X-WR-CALNAME" || name == "NAME" ||
           name == "REFRESH-INTERVAL" || name == "X-PUBLISHED-TTL" ||
           name == "BEGIN:VTIMEZONE" || name == "BEGIN:VEVENT"));
  }
  for (const auto& e : file.at("events")) {
    for (const std::string name : e.at("props")) {
      INFO(name);
      CHECK(AllowedEventProperties().count(name) == 1);
    }
  }
}

// The two parsers must read the same text and the same occurrences.
void CheckParsersAgree(const nlohmann::json& js_events,
                       const nlohmann::json& py_events) {
  REQUIRE(js_events.size() == py_events.size());
  for (size_t i = 0; i < js_events.size(); ++i) {
    const auto& a = js_events[i];
    const auto& b = py_events[i];
    INFO(a.at("uid").get<std::string>());
    for (const char* key :
         {"uid", "summary", "description", "all_day", "occurrences"}) {
      INFO(key);
      CHECK(a.at(key) == b.at(key));
    }
  }
}

// Runs both parsers on every feed of `c`; returns ical.js's output.
nlohmann::json CheckWithBothParsers(const Case& c) {
  TempDir dir;
  const Rendered r = RenderAll(c, dir);
  const auto expected = Expected(r.plan, r.states);
  const nlohmann::json py = RunPython(r.paths);
  const nlohmann::json js = RunIcalJs(r.paths);
  for (const auto& [path, feed] : r.files) {
    {
      INFO("python3-icalendar");
      CheckFeed(c, r, feed, py.at(path), expected);
    }
    {
      INFO("ical.js");
      CheckFeed(c, r, feed, js.at(path).at("events"), expected);
      CheckCalendarShape(js.at(path));
    }
    {
      INFO("ical.js against python3-icalendar, " << feed.ToString());
      CheckParsersAgree(js.at(path).at("events"), py.at(path));
    }
  }
  nlohmann::json by_feed;
  for (const auto& [path, feed] : r.files) by_feed[feed.ToString()] = js.at(path);
  return by_feed;
}

TEST_CASE("Parser: every example feed, expanded by ical.js and python") {
  CheckWithBothParsers(
      {MakeExampleOrganisation({2026, 11, 24}), {2026, 11, 24}, {}});
}

TEST_CASE("Parser: feeds across DST with holidays, expanded by both") {
  FeedOptions options;
  options.cadence.holidays = {{2027, 3, 29}, {2027, 4, 2}, {2027, 4, 5}};
  CheckWithBothParsers({testing::DstOrganisation(), {2027, 3, 1}, options});
}

TEST_CASE("Parser: 10:00 Europe/Berlin stays 10:00 in March and October") {
  Organisation org = testing::DstOrganisation();
  org.cycles.push_back(
      {.name = "2027-Q4", .start = {2027, 10, 1}, .end = {2027, 12, 31}});
  FeedOptions options;
  options.cadence.person_overrides["ana@acme.test"] = {.weekday = 0,
                                                       .start_minute = 600};
  const nlohmann::json feeds =
      CheckWithBothParsers({org, {2027, 3, 1}, options});
  // Ana's one-on-ones with Mia (Berlin): 09:00Z in winter, 08:00Z in summer.
  std::set<int64_t> starts;
  for (const auto& e : feeds.at("person:ana@acme.test").at("events")) {
    if (e.at("all_day").get<bool>()) continue;
    if (e.at("occurrences").size() < 10) continue;  // Not a weekly series.
    for (const auto& o : e.at("occurrences")) {
      if (o.at(2) == "10:00") starts.insert(o.at(0).get<int64_t>());
    }
  }
  auto at = [](Date d, int hour) { return d.ToUnixSeconds() + hour * 3600; };
  CHECK(starts.count(at({2027, 3, 22}, 9)) == 1);   // Before EU DST start.
  CHECK(starts.count(at({2027, 3, 29}, 8)) == 1);   // After it.
  CHECK(starts.count(at({2027, 10, 25}, 8)) == 1);  // Before EU DST end.
  CHECK(starts.count(at({2027, 11, 1}, 9)) == 1);   // After it.
}

TEST_CASE("Parser: an imported Tuesday 14:30 biweekly 45-minute one-on-one") {
  Organisation org = testing::DstOrganisation();
  org.cycles.push_back(
      {.name = "2027-Q4", .start = {2027, 10, 1}, .end = {2027, 12, 31}});
  for (Person& p : org.people) {
    if (p.email != "ben@acme.test") continue;
    // Ben's row; the time is his manager's (Mia, Europe/Berlin).
    p.one_on_one = {.weekday = 1, .start_minute = 14 * 60 + 30,
                    .length_minutes = 45, .interval_weeks = 2};
  }
  const nlohmann::json feeds = CheckWithBothParsers({org, {2027, 3, 1}, {}});
  std::set<int64_t> starts;
  for (const auto& e : feeds.at("person:ben@acme.test").at("events")) {
    if (e.at("summary").get<std::string>().find("1:1") == std::string::npos) {
      continue;
    }
    for (const auto& o : e.at("occurrences")) {
      CHECK(o.at(2) == "14:30");  // Local time, both sides of each change.
      CHECK(o.at(1).get<int64_t>() - o.at(0).get<int64_t>() == 45 * 60);
      starts.insert(o.at(0).get<int64_t>());
    }
  }
  auto at = [](Date d, int hour, int minute) {
    return d.ToUnixSeconds() + hour * 3600 + minute * 60;
  };
  // Every other Tuesday from the cycle's first: 7 in Q1, 7 in Q4.
  CHECK(starts.size() == 14);
  CHECK(starts.count(at({2027, 2, 2}, 13, 30)) == 1);    // CET.
  CHECK(starts.count(at({2027, 3, 16}, 13, 30)) == 1);   // Before DST.
  CHECK(starts.count(at({2027, 3, 30}, 12, 30)) == 1);   // CEST.
  CHECK(starts.count(at({2027, 3, 23}, 12, 30)) == 0);   // Off week.
  CHECK(starts.count(at({2027, 10, 19}, 12, 30)) == 1);  // CEST.
  CHECK(starts.count(at({2027, 11, 2}, 13, 30)) == 1);   // CET again.
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
  const nlohmann::json feeds = CheckWithBothParsers({org, {2027, 3, 1}, {}});
  // The injected lines survive as text, not as syntax.
  bool seen_begin = false, seen_attendee = false;
  for (const auto& [id, file] : feeds.items()) {
    for (const auto& e : file.at("events")) {
      const std::string text = e.at("summary").get<std::string>() + "\n" +
                               e.at("description").get<std::string>();
      seen_begin |= text.find("END:VEVENT\nBEGIN:VEVENT") != std::string::npos;
      seen_attendee |= text.find("ATTENDEE:mailto:x@y.z") != std::string::npos;
    }
  }
  CHECK(seen_begin);
  CHECK(seen_attendee);
}

}  // namespace
}  // namespace okr
