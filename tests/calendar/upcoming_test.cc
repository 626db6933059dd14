// Copyright 2026 The okrd Authors.
//
// NextMeetings: the next occurrence of each series a person attends (or a
// team's review), holidays skipped, in UTC across DST; DescribeWhen.

#include "calendar/upcoming.h"

#include <catch2/catch.hpp>

#include "tests/calendar/feed_test_util.h"

namespace okr {
namespace {

TEST_CASE("Upcoming: next one-on-one skips a holiday, in local time") {
  const Organisation org = testing::DstOrganisation();
  FeedOptions options;
  options.cadence.holidays = {{2027, 3, 29}};
  options.cadence.person_overrides["ana@acme.test"] = {.weekday = 0,
                                                       .start_minute = 600};
  const FeedPlan plan = PlanFeeds(org, {2027, 3, 1}, options, {});
  const UnixSeconds now = Date{2027, 3, 28}.ToUnixSeconds() + 12 * 3600;
  const auto ana = NextMeetings(org, plan, {FeedKind::kPerson, "ana@acme.test"},
                                now, 10);
  REQUIRE_FALSE(ana.empty());
  const UpcomingMeeting* one_on_one = nullptr;
  for (const UpcomingMeeting& m : ana) {
    CHECK(m.start >= now);
    CHECK(m.kind != MeetingKind::kPhase);
    if (m.kind == MeetingKind::kOneOnOne) one_on_one = &m;
  }
  REQUIRE(one_on_one != nullptr);
  // 29 March is a holiday; 5 April 10:00 CEST is 08:00 UTC.
  CHECK(one_on_one->start == Date{2027, 4, 5}.ToUnixSeconds() + 8 * 3600);
  CHECK(DescribeWhen(*one_on_one) ==
        "Mon 5 Apr 2027, 10:00-10:20 (Europe/Berlin)");
  CHECK(one_on_one->summary == "OKR 1:1 Mia / Ana");
  for (size_t i = 1; i < ana.size(); ++i) CHECK(ana[i - 1].start <= ana[i].start);

  // A team page shows only its review; a company feed shows none.
  const auto alpha = NextMeetings(org, plan, {FeedKind::kTeam, "alpha"}, now, 10);
  REQUIRE(alpha.size() == 1);
  CHECK(alpha[0].kind == MeetingKind::kTeamReview);
  CHECK(NextMeetings(org, plan, {FeedKind::kCompany, ""}, now, 10).empty());
  CHECK(NextMeetings(org, plan, {FeedKind::kPerson, "ana@acme.test"}, now, 1)
            .size() == 1);
  // After the cycle's end nothing is next.
  CHECK(NextMeetings(org, plan, {FeedKind::kPerson, "ana@acme.test"},
                     Date{2027, 5, 1}.ToUnixSeconds(), 10)
            .empty());
}

}  // namespace
}  // namespace okr
