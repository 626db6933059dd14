// Copyright 2026 The okrd Authors.

#include "calendar/time_zones.h"

#include <libical/ical.h>

namespace okr {
namespace {

bool PlausibleZoneName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/') return false;
  char prev = '/';
  for (char c : name) {
    const bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9') || c == '_' || c == '+' ||
                      c == '-';
    if (!word && c != '/') return false;
    if (c == '/' && prev == '/') return false;
    prev = c;
  }
  return prev != '/' && name.find("..") == std::string_view::npos;
}

// Caller holds LibicalMutex. Null for unknown names and for zones without
// a VTIMEZONE (libical's bare "UTC").
icaltimezone* FindZone(std::string_view name) {
  if (!PlausibleZoneName(name)) return nullptr;
  icaltimezone* zone =
      icaltimezone_get_builtin_timezone(std::string(name).c_str());
  if (zone == nullptr || icaltimezone_get_component(zone) == nullptr) {
    return nullptr;
  }
  return zone;
}

}  // namespace

std::mutex& LibicalMutex() {
  static std::mutex mu;
  return mu;
}

bool IsKnownTimeZone(std::string_view name) {
  std::lock_guard<std::mutex> lock(LibicalMutex());
  return FindZone(name) != nullptr;
}

bool IsKnownTimeZoneLocked(std::string_view name) {
  return FindZone(name) != nullptr;
}

void PreloadTimeZones(const std::vector<std::string>& names) {
  std::lock_guard<std::mutex> lock(LibicalMutex());
  icalerror_set_errors_are_fatal(0);
  for (const std::string& name : names) FindZone(name);
}

int LocalToUtc::Offset(const std::string& zone, const Date& day, int minute) {
  icaltimezone* z = FindZone(zone);
  if (z == nullptr) return 0;
  icaltimetype t = icaltime_null_time();
  t.year = day.year;
  t.month = day.month;
  t.day = day.day;
  t.hour = minute / 60;
  t.minute = minute % 60;
  t.is_date = 0;
  int is_daylight = 0;
  return icaltimezone_get_utc_offset(z, &t, &is_daylight);
}

UnixSeconds LocalToUtc::Convert(const std::string& zone, const Date& day,
                                int minute) {
  auto by_zone = day_cache_.find(zone);
  if (by_zone == day_cache_.end()) by_zone = day_cache_.try_emplace(zone).first;
  auto it = by_zone->second.find(day.ToDays());
  if (it == by_zone->second.end()) {
    it = by_zone->second
             .emplace(day.ToDays(),
                      std::make_pair(Offset(zone, day, 0),
                                     Offset(zone, day, 23 * 60 + 59)))
             .first;
  }
  // No zone changes its offset twice in one day: equal offsets at both ends
  // hold all day; otherwise ask libical for this exact minute.
  const int offset = it->second.first == it->second.second
                         ? it->second.first
                         : Offset(zone, day, minute);
  return day.ToUnixSeconds() + int64_t{minute} * 60 - offset;
}

}  // namespace okr
