// Copyright 2026 The okrd Authors.
//
// The next meetings of a person or a team, for the status page: the next
// occurrence (EXDATEs skipped) of each timed series a person attends, or
// of a team's review, and a human description of when it is.
// Pure apart from libical's zone data; takes LibicalMutex. [thread-safe]

#ifndef OKR_CALENDAR_UPCOMING_H_
#define OKR_CALENDAR_UPCOMING_H_

#include <string>
#include <vector>

#include "calendar/feeds.h"

namespace okr {

struct UpcomingMeeting {
  MeetingKind kind = MeetingKind::kOneOnOne;
  std::string summary;    // As in the feed ("OKR 1:1 Mia / Ana").
  UnixSeconds start = 0;  // UTC.
  Date day;               // Local date in `time_zone`.
  int start_minute = 0;   // Local.
  int length_minutes = 0;
  std::string time_zone;
};

// Person (an e-mail) or team (a unit key): the next occurrence starting at
// or after `now` of each such series in `plan`, earliest first, at most
// `max`. Other feed kinds give nothing.
std::vector<UpcomingMeeting> NextMeetings(const Organisation& org,
                                          const FeedPlan& plan,
                                          const FeedId& feed, UnixSeconds now,
                                          size_t max);

// "Tue 1 Dec 2026, 10:00-10:20 (Europe/Berlin)".
std::string DescribeWhen(const UpcomingMeeting& meeting);

}  // namespace okr

#endif  // OKR_CALENDAR_UPCOMING_H_
