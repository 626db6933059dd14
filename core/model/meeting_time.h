// Copyright 2026 The okrd Authors.
//
// Text forms and ranges of a CadenceOverride (organisation.h), shared by
// the spreadsheet and XML importers, the exporters and validation, so every
// format reads and writes the same words.
//
// Weekdays: English names and abbreviations, case-insensitive: "Monday",
// "mon", "TUE", "tues", "thur", "thurs", ... Written as the full name
// ("Tuesday"; XML: "tuesday"). Times: "H:MM" or "HH:MM" (24-hour, 00:00 to
// 23:59), optionally with ":00" seconds; written as "HH:MM".
// Pure functions; thread-safe.

#ifndef OKR_CORE_MODEL_MEETING_TIME_H_
#define OKR_CORE_MODEL_MEETING_TIME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/organisation.h"

namespace okr {

inline constexpr int kMinMeetingMinutes = 5;
inline constexpr int kMaxMeetingMinutes = 240;
inline constexpr int kMinIntervalWeeks = 1;
inline constexpr int kMaxIntervalWeeks = 8;

// 0 = Monday ... 6 = Sunday; nullopt for anything else.
std::optional<int> ParseWeekdayName(std::string_view text);
// "Monday" ... "Sunday". `weekday` must be 0..6.
std::string_view WeekdayName(int weekday);

// Minutes after midnight; nullopt unless H:MM / HH:MM[:00] within a day.
std::optional<int> ParseClockTime(std::string_view text);
// "14:30". `minute` must be 0..1439.
std::string FormatClockTime(int minute);

// Problems with the override's values, each "<field> <value> is ...",
// e.g. "length 300 is not between 5 and 240 minutes". Empty when valid.
std::vector<std::string> CadenceOverrideErrors(const CadenceOverride& o);

}  // namespace okr

#endif  // OKR_CORE_MODEL_MEETING_TIME_H_
