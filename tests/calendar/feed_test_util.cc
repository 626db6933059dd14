// Copyright 2026 The okrd Authors.

#include "tests/calendar/feed_test_util.h"

#include <libical/ical.h>

#include <catch2/catch.hpp>
#include <mutex>

#include "calendar/time_zones.h"

namespace okr::testing {

Organisation DstOrganisation() {
  Organisation org;
  org.units = {
      {.key = "co", .name = "Acme", .level = Level::kCompany,
       .lead_email = "ceo@acme.test"},
      {.key = "alpha", .name = "Team Alpha", .parent_key = "co",
       .level = Level::kTeam, .lead_email = "mia@acme.test"},
      {.key = "beta", .name = "Team Beta", .parent_key = "co",
       .level = Level::kTeam, .lead_email = "sam@acme.test"}};
  auto person = [](std::string email, std::string name, std::string unit,
                   std::string manager, std::string zone) {
    return Person{.email = std::move(email), .name = std::move(name),
                  .unit_key = std::move(unit),
                  .manager_email = std::move(manager),
                  .time_zone = std::move(zone)};
  };
  org.people = {
      person("ceo@acme.test", "Cleo", "co", "", "Europe/Berlin"),
      person("mia@acme.test", "Mia", "alpha", "ceo@acme.test", "Europe/Berlin"),
      person("ana@acme.test", "Ana", "alpha", "mia@acme.test", "Europe/Berlin"),
      person("ben@acme.test", "Ben", "alpha", "mia@acme.test",
             "America/New_York"),
      person("raj@acme.test", "Raj", "alpha", "mia@acme.test", "Asia/Kolkata"),
      person("sam@acme.test", "Sam", "beta", "ceo@acme.test",
             "Australia/Sydney"),
      person("lia@acme.test", "Lia", "beta", "sam@acme.test",
             "America/Sao_Paulo")};
  org.cycles = {{.name = "2027-Q1", .start = {2027, 2, 1},
                 .end = {2027, 4, 30}}};
  org.objectives = {
      {.key = "o-co", .title = "Win the mid-market", .level = Level::kCompany,
       .unit_key = "co", .owner_email = "ceo@acme.test", .cycle = "2027-Q1"},
      {.key = "o-alpha", .title = "Ship the platform", .level = Level::kTeam,
       .unit_key = "alpha", .owner_email = "mia@acme.test",
       .cycle = "2027-Q1"},
      {.key = "o-ben", .title = "Learn Rust", .level = Level::kIndividual,
       .owner_email = "ben@acme.test", .cycle = "2027-Q1"}};
  org.key_results = {
      {.key = "kr-co", .objective_key = "o-co", .title = "ARR 12 M",
       .kind = KrKind::kIncrease, .start = 8, .target = 12, .current = 9},
      {.key = "kr-alpha", .objective_key = "o-alpha", .title = "p95 < 300 ms",
       .kind = KrKind::kStayBelow, .target = 300, .current = 320},
      {.key = "kr-ben", .objective_key = "o-ben", .title = "Finish the book",
       .kind = KrKind::kMilestone, .target = 1}};
  org.check_ins = {
      {.target_key = "kr-alpha", .at = 1802000000,
       .author_email = "mia@acme.test", .value = 320, .confidence = 0.3,
       .source = "cli"},
      {.target_key = "kr-ben", .at = 1802100000,
       .author_email = "ben@acme.test", .value = 0, .confidence = 0.9,
       .source = "cli"}};
  return org;
}

std::map<std::string, SeriesState> FixedStates(const FeedPlan& plan) {
  std::map<std::string, SeriesState> states;
  int n = 0;
  for (const Meeting& m : plan.cadence.meetings) {
    states[m.series_key] = {.uid = "uid-" + std::to_string(n++),
                            .sequence = 0,
                            .content_hash = plan.hashes.at(m.series_key),
                            .modified_at = 1790000000};
  }
  return states;
}

namespace {

void Collect(icalcomponent*, icaltime_span* span, void* data) {
  auto* out = static_cast<std::vector<Occurrence>*>(data);
  out->push_back({span->start, span->end});
}

}  // namespace

std::vector<ExpandedEvent> ExpandWithLibical(const std::string& ics) {
  std::lock_guard<std::mutex> lock(LibicalMutex());
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  REQUIRE(cal != nullptr);
  std::vector<ExpandedEvent> out;
  icaltimetype from = icaltime_from_string("20000101T000000Z");
  icaltimetype to = icaltime_from_string("21000101T000000Z");
  for (icalcomponent* ev =
           icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
       ev != nullptr;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    ExpandedEvent e;
    e.uid = icalcomponent_get_uid(ev);
    e.summary = icalcomponent_get_summary(ev);
    icalcomponent_foreach_recurrence(ev, from, to, Collect, &e.occurrences);
    out.push_back(std::move(e));
  }
  CHECK(icalcomponent_count_errors(cal) == 0);
  icalcomponent_free(cal);
  return out;
}

std::vector<std::string> PhysicalLines(const std::string& ics) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < ics.size()) {
    const size_t end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    lines.push_back(ics.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

}  // namespace okr::testing
