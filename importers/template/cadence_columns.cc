// Copyright 2026 The okrd Authors.
//
// The cadence columns of the People and Units sheets: day, time, length and
// interval of a one-on-one or team review (core/model/meeting_time.h gives
// the words and ranges).

#include <cmath>
#include <initializer_list>
#include <string_view>

#include "core/model/meeting_time.h"
#include "core/model/text.h"
#include "importers/template/mapper_internal.h"
#include "importers/template/value_parsing.h"

namespace okr::mapper_internal {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

void Bad(const SheetTable& sheet, const SheetRow& row, Column c,
         std::string_view what, MapState* state) {
  state->report.Error(sheet.WhereCell(row.number, c),
                      std::string(sheet.Noun(c)) + " \"" +
                          CellDisplayText(sheet.Get(row, c)) + "\" " +
                          std::string(what));
}

std::optional<int> Day(const SheetTable& sheet, const SheetRow& row, Column c,
                       MapState* state) {
  const std::optional<int> day = ParseWeekdayName(sheet.Text(row, c));
  if (!day) {
    Bad(sheet, row, c, "is not a day of the week (Monday..Sunday, Mon..Sun)",
        state);
  }
  return day;
}

// A time of day: a time cell, a fraction of a day, or "HH:MM" text.
std::optional<int> Time(const SheetTable& sheet, const SheetRow& row, Column c,
                        MapState* state) {
  const Cell& cell = sheet.Get(row, c);
  std::optional<int> minute;
  if (cell.type == CellType::kNumber && cell.number >= 0 && cell.number < 1) {
    const double m = std::round(cell.number * 24 * 60);
    if (m < 24 * 60) minute = static_cast<int>(m);
  } else if (cell.type == CellType::kString || cell.type == CellType::kTime) {
    minute = ParseClockTime(cell.text);
  }
  if (!minute) Bad(sheet, row, c, "is not a time of day (00:00..23:59)", state);
  return minute;
}

// A whole number in [lo, hi], optionally followed by one of `units`.
std::optional<int> Whole(const SheetTable& sheet, const SheetRow& row, Column c,
                         int lo, int hi,
                         std::initializer_list<std::string_view> units,
                         std::string_view what, MapState* state) {
  auto number = ParseNumberCell(sheet.Get(row, c), sheet.decimal_comma);
  if (number.ok() && (number->unit.empty() ||
                      OneOf(AsciiLower(number->unit), units)) &&
      number->value >= lo && number->value <= hi &&
      std::floor(number->value) == number->value) {
    return static_cast<int>(number->value);
  }
  Bad(sheet, row, c,
      "is not a whole number of " + std::string(what) + " from " +
          std::to_string(lo) + " to " + std::to_string(hi),
      state);
  return std::nullopt;
}

}  // namespace

CadenceOverride MapCadenceOverride(const SheetTable& sheet, const SheetRow& row,
                                   const CadenceColumns& columns,
                                   MapState* state) {
  CadenceOverride o;
  auto given = [&](Column c) { return !IsBlankCell(sheet.Get(row, c)); };
  if (given(columns.day)) o.weekday = Day(sheet, row, columns.day, state);
  if (given(columns.time)) o.start_minute = Time(sheet, row, columns.time, state);
  if (given(columns.length)) {
    o.length_minutes = Whole(sheet, row, columns.length, kMinMeetingMinutes,
                             kMaxMeetingMinutes,
                             {"min", "mins", "minute", "minutes", "m"},
                             "minutes", state);
  }
  if (given(columns.interval)) {
    o.interval_weeks = Whole(sheet, row, columns.interval, kMinIntervalWeeks,
                             kMaxIntervalWeeks,
                             {"week", "weeks", "wk", "wks", "w"}, "weeks",
                             state);
  }
  return o;
}

}  // namespace okr::mapper_internal
