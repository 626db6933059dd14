// Copyright 2026 The okrd Authors.
//
// Local wall-clock time to UTC with libical's zone data (Debian's libical
// reads the system tzdata). libical's zone objects are process-wide and
// lazily expanded, and its first-load paths are racy, so every libical call
// in this wing runs under LibicalMutex(). Load the zones you need with
// PreloadTimeZones() on one thread before starting worker threads.

#ifndef OKR_CALENDAR_TIME_ZONES_H_
#define OKR_CALENDAR_TIME_ZONES_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/base/civil_time.h"

namespace okr {

// Guards every libical call made by okr_calendar. Not recursive.
std::mutex& LibicalMutex();

// True for a syntactically plausible IANA name ("Europe/Berlin",
// "Etc/UTC") that libical knows. Takes LibicalMutex. [thread-safe]
bool IsKnownTimeZone(std::string_view name);

// IsKnownTimeZone for a caller that already holds LibicalMutex.
bool IsKnownTimeZoneLocked(std::string_view name);

// Loads each named zone (unknown names are skipped). [thread-safe]
void PreloadTimeZones(const std::vector<std::string>& names);

// Converts local times of known zones to UTC, caching per zone and day.
// The caller must hold LibicalMutex for every call. Not thread-safe.
class LocalToUtc {
 public:
  // Seconds since the epoch of `minute` minutes after local midnight of
  // `day` in `zone` (a name IsKnownTimeZone accepts; others are read as
  // UTC). Times in a DST gap or overlap follow libical's rule.
  UnixSeconds Convert(const std::string& zone, const Date& day, int minute);

 private:
  // UTC offset in seconds at the given local time.
  int Offset(const std::string& zone, const Date& day, int minute);
  // zone -> day -> offsets at local 00:00 and 23:59 (looked up without
  // copying the zone's name).
  std::map<std::string, std::unordered_map<int64_t, std::pair<int, int>>,
           std::less<>>
      day_cache_;
};

}  // namespace okr

#endif  // OKR_CALENDAR_TIME_ZONES_H_
