// Copyright 2026 The okrd Authors.

#include "core/base/civil_time.h"

#include <cassert>
#include <charconv>
#include <cstdio>

namespace okr {
namespace {

// Howard Hinnant's public-domain civil calendar algorithms, restated.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool ParseFixedInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

int64_t Date::ToDays() const {
  return DaysFromCivil(year, static_cast<unsigned>(month),
                       static_cast<unsigned>(day));
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m),
              static_cast<int>(d)};
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (ISO index 3).
  int64_t w = (ToDays() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

Date Date::FromUnixSeconds(UnixSeconds t) {
  return FromDays(FloorDiv(t, 86400));
}

std::string Date::ToString() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string_view MonthAbbreviation(int month) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                                 "May", "Jun", "Jul", "Aug",
                                                 "Sep", "Oct", "Nov", "Dec"};
  assert(month >= 1 && month <= 12);
  return kMonths[month - 1];
}

std::string_view WeekdayAbbreviation(int weekday) {
  static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu",
                                               "Fri", "Sat", "Sun"};
  assert(weekday >= 0 && weekday <= 6);
  return kDays[weekday];
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

Result<Date> ParseIsoDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ParseFixedInt(text.substr(0, 4), &y) ||
      !ParseFixedInt(text.substr(5, 2), &m) ||
      !ParseFixedInt(text.substr(8, 2), &d)) {
    return InvalidArgument("\"" + std::string(text) +
                           "\" is not a date (expected YYYY-MM-DD)");
  }
  if (!IsValidDate(y, m, d)) {
    return InvalidArgument("\"" + std::string(text) + "\" is not a real date");
  }
  return Date{y, m, d};
}

std::string FormatUtcTimestamp(UnixSeconds t) {
  const Date date = Date::FromUnixSeconds(t);
  const int64_t secs = t - date.ToUnixSeconds();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", date.ToString().c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

Result<UnixSeconds> ParseUtcTimestamp(std::string_view text) {
  OKR_ASSIGN_OR_RETURN(Date date, ParseIsoDate(text.substr(0, 10)));
  UnixSeconds t = date.ToUnixSeconds();
  std::string_view rest = text.substr(10);
  if (rest.empty()) return t;
  if (!rest.empty() && rest.back() == 'Z') rest.remove_suffix(1);
  int h = 0, mi = 0, s = 0;
  if (rest.size() != 9 || (rest[0] != 'T' && rest[0] != ' ') ||
      rest[3] != ':' || rest[6] != ':' ||
      !ParseFixedInt(rest.substr(1, 2), &h) ||
      !ParseFixedInt(rest.substr(4, 2), &mi) ||
      !ParseFixedInt(rest.substr(7, 2), &s) || h > 23 || mi > 59 || s > 59) {
    return InvalidArgument("\"" + std::string(text) +
                           "\" is not a UTC time (expected "
                           "YYYY-MM-DDTHH:MM:SSZ)");
  }
  return t + h * 3600 + mi * 60 + s;
}

}  // namespace okr
