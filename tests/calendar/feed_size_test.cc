// Copyright 2026 The okrd Authors.
//
// What one feed may hold is bounded (core/base/limits.h): only the cycle
// before today's, today's and the next ones up to max_feed_cycles are
// planned, and a feed renders at most max_feed_events events.

#include <catch2/catch.hpp>

#include "calendar/feeds.h"
#include "core/example/example_org.h"
#include "tests/calendar/feed_test_util.h"

namespace okr {
namespace {

// DstOrganisation with eight quarterly cycles, 2026-Q1 .. 2027-Q4.
Organisation ManyCycles() {
  Organisation org = testing::DstOrganisation();
  org.cycles.clear();
  for (int year : {2026, 2027}) {
    for (int q = 0; q < 4; ++q) {
      const Date start{year, 1 + 3 * q, 1};
      const Date next = q == 3 ? Date{year + 1, 1, 1} : Date{year, 4 + 3 * q, 1};
      org.cycles.push_back({.name = std::to_string(year) + "-Q" + std::to_string(q + 1),
                            .start = start,
                            .end = next.AddDays(-1)});
    }
  }
  for (Objective& o : org.objectives) o.cycle = "2026-Q3";
  return org;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("Feed size: only the previous, current and next cycles") {
  const Organisation org = ManyCycles();
  CHECK(PlannedCycles(org, {2026, 8, 10}, 3) ==
        std::vector<std::string>{"2026-Q2", "2026-Q3", "2026-Q4"});
  CHECK(PlannedCycles(org, {2026, 2, 10}, 3) ==
        std::vector<std::string>{"2026-Q1", "2026-Q2", "2026-Q3"});
  CHECK(PlannedCycles(org, {2027, 11, 1}, 3) ==
        std::vector<std::string>{"2027-Q3", "2027-Q4"});
  CHECK(Limits().max_feed_cycles == 3);

  const FeedPlan plan = PlanFeeds(org, {2026, 8, 10}, {}, {});
  std::set<std::string> cycles;
  for (const Meeting& m : plan.cadence.meetings) cycles.insert(m.cycle);
  CHECK(cycles == std::set<std::string>{"2026-Q2", "2026-Q3", "2026-Q4"});
}

TEST_CASE("Feed size: a feed stops at max_events and counts the rest") {
  const Organisation org = testing::DstOrganisation();
  FeedOptions options;
  const FeedPlan plan = PlanFeeds(org, {2027, 3, 1}, options, {});
  const auto states = testing::FixedStates(plan);
  const FeedId mia{FeedKind::kPerson, "mia@acme.test"};
  const RenderedFeed full = RenderFeed(org, plan, states, mia, options);
  REQUIRE(full.events > 6);
  CHECK(full.left_out == 0);
  CHECK(Count(full.body, "BEGIN:VEVENT") == full.events);

  options.max_events = 6;
  const RenderedFeed capped = RenderFeed(org, plan, states, mia, options);
  CHECK(capped.events == 6);
  CHECK(capped.left_out == full.events - 6);
  CHECK(Count(capped.body, "BEGIN:VEVENT") == 6);
  // Still a whole calendar that libical parses.
  CHECK(testing::ExpandWithLibical(capped.body).size() == 6);
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

// The index RenderFeed uses must show exactly what FeedShows decides.
void CheckIndex(const Organisation& org, const Date& today) {
  const FeedPlan plan = PlanFeeds(org, today, {}, {});
  REQUIRE_FALSE(plan.cadence.meetings.empty());
  for (const FeedId& feed : AllFeeds(org)) {
    INFO(feed.ToString());
    std::vector<size_t> expected;
    for (size_t i = 0; i < plan.cadence.meetings.size(); ++i) {
      if (FeedShows(org, feed, plan.cadence.meetings[i])) expected.push_back(i);
    }
    CHECK(MeetingsOf(plan, feed) == expected);
  }
}

TEST_CASE("Feed index: equals FeedShows for every feed") {
  CheckIndex(MakeExampleOrganisation({2026, 11, 24}), {2026, 11, 24});
  CheckIndex(testing::DstOrganisation(), {2027, 3, 1});
}

}  // namespace
}  // namespace okr
