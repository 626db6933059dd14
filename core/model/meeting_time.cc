// Copyright 2026 The okrd Authors.

#include "core/model/meeting_time.h"

#include <array>
#include <cassert>

#include "core/model/text.h"

namespace okr {
namespace {

constexpr std::array<std::string_view, 7> kNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday"};

// Extra abbreviations besides the full names and their first three letters.
constexpr std::array<std::pair<std::string_view, int>, 5> kExtra = {
    {{"tues", 1}, {"wednes", 2}, {"thur", 3}, {"thurs", 3}, {"weds", 2}}};

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string Range(std::string_view field, int value, int lo, int hi,
                  std::string_view unit) {
  return std::string(field) + " " + std::to_string(value) +
         " is not between " + std::to_string(lo) + " and " +
         std::to_string(hi) + " " + std::string(unit);
}

}  // namespace

std::optional<int> ParseWeekdayName(std::string_view text) {
  const std::string word = AsciiLower(TrimSpaces(text));
  if (word.size() < 3) return std::nullopt;
  for (int i = 0; i < 7; ++i) {
    const std::string name = AsciiLower(kNames[i]);
    if (word == name || word == name.substr(0, 3)) return i;
  }
  for (const auto& [abbreviation, day] : kExtra) {
    if (word == abbreviation) return day;
  }
  return std::nullopt;
}

std::string_view WeekdayName(int weekday) {
  assert(weekday >= 0 && weekday < 7);
  return kNames[static_cast<size_t>(weekday)];
}

std::optional<int> ParseClockTime(std::string_view text) {
  std::string_view s = TrimSpaces(text);
  if (s.size() > 6 && s.substr(s.size() - 3) == ":00") s.remove_suffix(3);
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view h = s.substr(0, colon);
  const std::string_view m = s.substr(colon + 1);
  if (h.size() > 2 || m.size() != 2 || !Digits(h) || !Digits(m)) {
    return std::nullopt;
  }
  if (Number(h) > 23 || Number(m) > 59) return std::nullopt;
  return Number(h) * 60 + Number(m);
}

std::string FormatClockTime(int minute) {
  assert(minute >= 0 && minute < 24 * 60);
  const int h = minute / 60, m = minute % 60;
  std::string out;
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

std::vector<std::string> CadenceOverrideErrors(const CadenceOverride& o) {
  std::vector<std::string> errors;
  if (o.weekday && (*o.weekday < 0 || *o.weekday > 6)) {
    errors.push_back(Range("weekday", *o.weekday, 0, 6, "(Monday..Sunday)"));
  }
  if (o.start_minute && (*o.start_minute < 0 || *o.start_minute > 1439)) {
    errors.push_back(Range("time", *o.start_minute, 0, 1439,
                           "minutes after midnight (00:00..23:59)"));
  }
  if (o.length_minutes && (*o.length_minutes < kMinMeetingMinutes ||
                           *o.length_minutes > kMaxMeetingMinutes)) {
    errors.push_back(Range("length", *o.length_minutes, kMinMeetingMinutes,
                           kMaxMeetingMinutes, "minutes"));
  }
  if (o.interval_weeks && (*o.interval_weeks < kMinIntervalWeeks ||
                           *o.interval_weeks > kMaxIntervalWeeks)) {
    errors.push_back(Range("interval", *o.interval_weeks, kMinIntervalWeeks,
                           kMaxIntervalWeeks, "weeks"));
  }
  return errors;
}

}  // namespace okr
