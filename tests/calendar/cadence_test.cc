// Copyright 2026 The okrd Authors.
//
// The cadence: counts per cycle, no overlaps for anyone (checked on the
// rendered feeds expanded to UTC by libical, DST included), stickiness,
// holidays and overrides.

#include "calendar/cadence.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "calendar/feeds.h"
#include "tests/calendar/feed_test_util.h"

namespace okr {
namespace {

using testing::DstOrganisation;
using testing::ExpandWithLibical;
using testing::FixedStates;
using testing::Occurrence;

const Date kToday{2027, 3, 1};

const Meeting* Find(const Cadence& c, std::string_view slot_key) {
  for (const Meeting& m : c.meetings) {
    if (m.slot_key == slot_key) return &m;
  }
  return nullptr;
}

Cadence Plan(const Organisation& org, const CadenceConfig& config = {},
             const std::map<std::string, Slot>& stored = {}) {
  return ComputeCadence(org, {"2027-Q1"}, config, stored);
}

TEST_CASE("Cadence: a one-on-one per pair, a review per team, five phases") {
  const Cadence c = Plan(DstOrganisation());
  CHECK(c.warnings.empty());
  int one_on_ones = 0, reviews = 0, phases = 0;
  for (const Meeting& m : c.meetings) {
    if (m.kind == MeetingKind::kOneOnOne) {
      ++one_on_ones;
      CHECK(m.slot.length_minutes == 20);
      CHECK(m.OccurrenceDays().size() == 13);
      CHECK(m.first_day.Weekday() == m.slot.weekday);
      CHECK(m.slot.weekday <= 4);
    } else if (m.kind == MeetingKind::kTeamReview) {
      ++reviews;
      CHECK(m.slot.length_minutes == 30);
      CHECK(m.OccurrenceDays().size() == (m.slot.week_offset == 0 ? 7u : 6u));
    } else {
      ++phases;
    }
  }
  CHECK(one_on_ones == 6);
  CHECK(reviews == 2);
  CHECK(phases == 5);
  const Meeting* alpha = Find(c, "review/alpha");
  REQUIRE(alpha != nullptr);
  CHECK(alpha->participants.size() == 4);  // Mia (lead), Ana, Ben, Raj.
  CHECK(alpha->time_zone == "Europe/Berlin");
  const Meeting* ben = Find(c, "1on1/mia@acme.test/ben@acme.test");
  REQUIRE(ben != nullptr);
  CHECK(ben->time_zone == "Europe/Berlin");
}

// Every person's feed, expanded by libical to UTC: no two timed
// occurrences overlap.
void CheckNoOverlaps(const Organisation& org, const FeedPlan& plan) {
  const auto states = FixedStates(plan);
  for (const FeedId& feed : AllFeeds(org)) {
    if (feed.kind != FeedKind::kPerson) continue;
    const RenderedFeed r = RenderFeed(org, plan, states, feed, {});
    std::vector<Occurrence> all;
    for (const auto& e : ExpandWithLibical(r.body)) {
      if (e.summary.find("OKRs:") != std::string::npos) continue;  // Phases.
      all.insert(all.end(), e.occurrences.begin(), e.occurrences.end());
    }
    std::sort(all.begin(), all.end());
    INFO(feed.ToString());
    CHECK(all.size() > 10);
    for (size_t i = 1; i < all.size(); ++i) {
      CHECK(all[i - 1].end <= all[i].start);
    }
  }
}

TEST_CASE("Cadence: nobody has two meetings at once, in any week (UTC)") {
  const Organisation org = DstOrganisation();
  CheckNoOverlaps(org, PlanFeeds(org, kToday, {}, {}));
  // A dense variant: one-hour slots on a one-hour grid.
  FeedOptions dense;
  dense.cadence.slot_step_minutes = 60;
  dense.cadence.one_on_one_minutes = 60;
  CheckNoOverlaps(org, PlanFeeds(org, kToday, dense, {}));
}

TEST_CASE("Cadence: local wall-clock time holds across DST (UTC shifts)") {
  const Organisation org = DstOrganisation();
  const FeedPlan plan = PlanFeeds(org, kToday, {}, {});
  const RenderedFeed r =
      RenderFeed(org, plan, FixedStates(plan),
                 {FeedKind::kPerson, "ana@acme.test"}, {});
  bool saw_one_on_one = false;
  for (const auto& e : ExpandWithLibical(r.body)) {
    if (e.summary.find("1:1") == std::string::npos) continue;
    saw_one_on_one = true;
    REQUIRE(e.occurrences.size() == 13);
    // Berlin: UTC+1 before 2027-03-28, UTC+2 after; same local time.
    const int64_t first = e.occurrences.front().start;
    const int64_t last = e.occurrences.back().start;
    CHECK((last - first) % 86400 == 86400 - 3600);
  }
  CHECK(saw_one_on_one);
}

TEST_CASE("Cadence: slots are sticky when reports come and go") {
  Organisation org = DstOrganisation();
  const Cadence first = Plan(org);
  org.people.push_back({.email = "zoe@acme.test", .name = "Zoe",
                        .unit_key = "alpha", .manager_email = "mia@acme.test",
                        .time_zone = "Europe/Berlin"});
  const Cadence second = Plan(org, {}, first.slots);
  for (const auto& [key, slot] : first.slots) {
    if (key == "review/alpha") continue;
    INFO(key);
    CHECK(second.slots.at(key) == slot);
  }
  CHECK(second.slots.count("1on1/mia@acme.test/zoe@acme.test") == 1);
  // The team review keeps its slot too when Zoe is free then.
  CHECK(second.slots.at("review/alpha") == first.slots.at("review/alpha"));

  org.people.erase(org.people.begin() + 2);  // Ana leaves.
  const Cadence third = Plan(org, {}, second.slots);
  CHECK(third.slots.count("1on1/mia@acme.test/ana@acme.test") == 0);
  for (const auto& [key, slot] : third.slots) {
    INFO(key);
    CHECK(second.slots.at(key) == slot);
  }
}

TEST_CASE("Cadence: a re-plan with stored slots is identical") {
  const Organisation org = DstOrganisation();
  const Cadence first = Plan(org);
  const Cadence again = Plan(org, {}, first.slots);
  CHECK(again.slots == first.slots);
  REQUIRE(again.meetings.size() == first.meetings.size());
  for (size_t i = 0; i < first.meetings.size(); ++i) {
    CHECK(again.meetings[i].series_key == first.meetings[i].series_key);
    CHECK(again.meetings[i].first_day == first.meetings[i].first_day);
  }
}

TEST_CASE("Cadence: holidays become EXDATEs on real occurrences") {
  const Organisation org = DstOrganisation();
  const Cadence plain = Plan(org);
  const Meeting* ana = Find(plain, "1on1/mia@acme.test/ana@acme.test");
  REQUIRE(ana != nullptr);
  const Date holiday = ana->first_day.AddDays(14);
  CadenceConfig config;
  config.holidays = {holiday, Date{2027, 12, 25}};
  FeedOptions options;
  options.cadence = config;
  const FeedPlan plan = PlanFeeds(org, kToday, options, plain.slots);
  const Meeting* with = Find(plan.cadence, "1on1/mia@acme.test/ana@acme.test");
  REQUIRE(with != nullptr);
  CHECK(with->exdates == std::vector<Date>{holiday});
  const RenderedFeed r = RenderFeed(org, plan, FixedStates(plan),
                                    {FeedKind::kPerson, "ana@acme.test"}, {});
  CHECK(r.body.find("EXDATE;TZID=Europe/Berlin:" +
                    std::to_string(holiday.year * 10000 + holiday.month * 100 +
                                   holiday.day)) != std::string::npos);
  for (const auto& e : ExpandWithLibical(r.body)) {
    if (e.summary == "OKR 1:1 Mia / Ana") CHECK(e.occurrences.size() == 12);
  }
}

TEST_CASE("Cadence: overrides fix day, time, length and interval") {
  const Organisation org = DstOrganisation();
  CadenceConfig config;
  config.person_overrides["ben@acme.test"] = {.weekday = 2,
                                              .start_minute = 14 * 60,
                                              .length_minutes = 15};
  config.unit_overrides["beta"] = {.weekday = 3, .interval_weeks = 1};
  const Cadence c = Plan(org, config);
  const Meeting* ben = Find(c, "1on1/mia@acme.test/ben@acme.test");
  REQUIRE(ben != nullptr);
  CHECK(ben->slot.weekday == 2);
  CHECK(ben->slot.start_minute == 14 * 60);
  CHECK(ben->slot.length_minutes == 15);
  const Meeting* beta = Find(c, "review/beta");
  REQUIRE(beta != nullptr);
  CHECK(beta->slot.weekday == 3);
  CHECK(beta->slot.interval_weeks == 1);
  CHECK(beta->OccurrenceDays().size() == 13);
}

TEST_CASE("Cadence: unknown or hostile zones fall back to the default") {
  Organisation org = DstOrganisation();
  org.people[1].time_zone = "../../etc/passwd";
  org.people[2].time_zone = "Mars/Olympus_Mons";
  const Cadence c = Plan(org);
  const Meeting* ana = Find(c, "1on1/mia@acme.test/ana@acme.test");
  REQUIRE(ana != nullptr);
  CHECK(ana->time_zone == "Etc/UTC");
}

}  // namespace
}  // namespace okr
