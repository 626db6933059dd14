// Copyright 2026 The okrd Authors.
//
// Calendar dates and UTC instants without time zones. Dates are proleptic
// Gregorian; instants are seconds since the Unix epoch (UTC). Time-zone
// conversion belongs to the calendar wing (libical), not here.
// All functions are pure and thread-safe.

#ifndef OKR_CORE_BASE_CIVIL_TIME_H_
#define OKR_CORE_BASE_CIVIL_TIME_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace okr {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = int64_t;

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (negative before it).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);

  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  // 0 = Monday ... 6 = Sunday (ISO 8601).
  int Weekday() const;
  // Start of the day, UTC.
  UnixSeconds ToUnixSeconds() const { return ToDays() * 86400; }
  static Date FromUnixSeconds(UnixSeconds t);

  // "YYYY-MM-DD".
  std::string ToString() const;

  friend auto operator<=>(const Date&, const Date&) = default;
};

bool IsValidDate(int year, int month, int day);

// English three-letter names, as HTTP dates and our pages write them:
// MonthAbbreviation(1) == "Jan", WeekdayAbbreviation(0) == "Mon" (the
// numbering of Date::month and Date::Weekday). Out of range is a bug.
std::string_view MonthAbbreviation(int month);
std::string_view WeekdayAbbreviation(int weekday);

// Parses exactly "YYYY-MM-DD"; the error says what is wrong.
Result<Date> ParseIsoDate(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatUtcTimestamp(UnixSeconds t);
// Accepts "YYYY-MM-DDTHH:MM:SSZ", "YYYY-MM-DD HH:MM:SS" (UTC) or a date.
Result<UnixSeconds> ParseUtcTimestamp(std::string_view text);

// Whole days from a to b (b - a), rounded toward negative infinity.
inline int64_t DaysBetween(const Date& a, const Date& b) {
  return b.ToDays() - a.ToDays();
}

}  // namespace okr

#endif  // OKR_CORE_BASE_CIVIL_TIME_H_
