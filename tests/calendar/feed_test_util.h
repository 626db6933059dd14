// Copyright 2026 The okrd Authors.
//
// Helpers shared by the calendar tests: an organisation whose cycle spans
// the US and EU DST changes, deterministic series states, and an expansion
// of a rendered feed to UTC occurrences with libical.

#ifndef OKR_TESTS_CALENDAR_FEED_TEST_UTIL_H_
#define OKR_TESTS_CALENDAR_FEED_TEST_UTIL_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "calendar/feeds.h"
#include "core/model/organisation.h"

namespace okr::testing {

// Company "Acme" with team "alpha" (lead Mia in Berlin; reports in Berlin,
// New York and Kolkata) and team "beta" (lead Sam in Sydney, one member in
// Sao Paulo); Mia reports to the CEO (Berlin), Sam too. One cycle,
// 2027-Q1 = 2027-02-01 (Monday) .. 2027-04-30, across 2027-03-14 (US) and
// 2027-03-28 (EU) DST starts and 2027-04-04 (Sydney DST end).
Organisation DstOrganisation();

// States for every series of `plan`: UID "uid-<n>", SEQUENCE 0, a fixed
// change time.
std::map<std::string, SeriesState> FixedStates(const FeedPlan& plan);

struct Occurrence {
  int64_t start = 0;  // UTC seconds.
  int64_t end = 0;
  friend auto operator<=>(const Occurrence&, const Occurrence&) = default;
};
struct ExpandedEvent {
  std::string uid;
  std::string summary;
  std::vector<Occurrence> occurrences;
};

// Parses `ics` with libical and expands every VEVENT (EXDATEs applied)
// between 2000 and 2100. Fails the test on a parse error.
std::vector<ExpandedEvent> ExpandWithLibical(const std::string& ics);

// Splits a feed into physical lines at CRLF; REQUIREs CRLF endings.
std::vector<std::string> PhysicalLines(const std::string& ics);

}  // namespace okr::testing

#endif  // OKR_TESTS_CALENDAR_FEED_TEST_UTIL_H_
