// Copyright 2026 The okrd Authors.

#include "calendar/upcoming.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "calendar/time_zones.h"

namespace okr {
namespace {

bool Shows(const Organisation& org, const FeedId& feed, const Meeting& m) {
  if (m.kind == MeetingKind::kPhase) return false;
  if (feed.kind == FeedKind::kPerson) return FeedShows(org, feed, m);
  if (feed.kind == FeedKind::kTeam) {
    return m.kind == MeetingKind::kTeamReview && m.unit_key == feed.key;
  }
  return false;
}

std::string Clock(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return buf;
}

}  // namespace

std::vector<UpcomingMeeting> NextMeetings(const Organisation& org,
                                          const FeedPlan& plan,
                                          const FeedId& feed, UnixSeconds now,
                                          size_t max) {
  std::vector<UpcomingMeeting> out;
  std::lock_guard<std::mutex> lock(LibicalMutex());
  LocalToUtc to_utc;
  for (size_t i = 0; i < plan.cadence.meetings.size(); ++i) {
    const Meeting& m = plan.cadence.meetings[i];
    if (!Shows(org, feed, m)) continue;
    for (const Date& day : m.OccurrenceDays()) {
      if (std::find(m.exdates.begin(), m.exdates.end(), day) != m.exdates.end()) {
        continue;
      }
      const UnixSeconds start = to_utc.Convert(m.time_zone, day, m.slot.start_minute);
      if (start < now) continue;
      out.push_back({.kind = m.kind, .summary = plan.contents[i].summary,
                     .start = start, .day = day,
                     .start_minute = m.slot.start_minute,
                     .length_minutes = m.slot.length_minutes,
                     .time_zone = m.time_zone});
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const UpcomingMeeting& a, const UpcomingMeeting& b) {
                     return a.start < b.start;
                   });
  if (out.size() > max) out.resize(max);
  return out;
}

std::string DescribeWhen(const UpcomingMeeting& m) {
  return std::string(WeekdayAbbreviation(m.day.Weekday())) + " " +
         std::to_string(m.day.day) + " " +
         std::string(MonthAbbreviation(m.day.month)) + " " +
         std::to_string(m.day.year) + ", " + Clock(m.start_minute) + "-" +
         Clock(m.start_minute + m.length_minutes) + " (" + m.time_zone + ")";
}

}  // namespace okr
