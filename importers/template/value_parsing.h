// Copyright 2026 The okrd Authors.
//
// Reading the values people type into OKR spreadsheets: numbers with
// thousands separators, decimal commas, percent signs, currency signs and
// units; yes/no words; confidence in several scales; dates in several
// orders; kinds, levels and quarters by name. Number, bool and date cells
// (from XLSX/ODS) are used as they are; string cells (all of CSV) are parsed.
//
// Errors are InvalidArgument with a message that starts with the quoted cell
// text ("\"abc\" is not a number") so that the caller can put the field name
// and the location in front. Pure functions; thread-safe.
//
// Decisions, also in TEMPLATE.md:
//  - "70%" in a value column is 70 with the unit "%" (percent points), not
//    0.7: a KR "from 40% to 70%" keeps its numbers. Only confidence and score,
//    which are fractions, read "70%" as 0.7.
//  - Separators: when a number has both '.' and ',', the last one is the
//    decimal separator. With only one kind, used once, it is the decimal
//    separator that `decimal_comma` says ('.' or ','); otherwise it must group
//    thousands (groups of exactly three digits). Spaces, no-break spaces and
//    apostrophes group thousands too. "1,5" without decimal_comma is an
//    error, never a guess.
//  - Multipliers k/K (10^3), M (10^6) and bn/B (10^9) after the digits.
//  - Currency signs before or after the number give the unit: EUR for €,
//    USD for $ and US$, GBP for £, JPY for ¥, INR for ₹, BRL for R$, and any
//    three-letter upper-case code is taken as written. A word after the
//    number ("3 days", "55 NPS") is the unit; "percent"/"pct" mean "%".
//  - Dates: ISO (YYYY-MM-DD, optionally with a time) always; a four-digit
//    first part is y/m/d; names of months in English ("31 Mar 2027",
//    "March 31, 2027"). Other d/m/y or m/d/y strings follow the date order;
//    without one they are accepted only when one reading alone is a real date
//    (31/12/2026) or both readings are the same day (05/05/2026), else an
//    error asks for the order. With an order given, a string that is not a
//    real date in that order is an error (it suggests the order is wrong).
//    Two-digit years are 20YY.
//  - Confidence: 0..1 as is; "70%" is 0.7; "7/10" is 0.7; bare numbers
//    above 1 are read on a 0-10 scale up to 10 and as percent up to 100;
//    words: on track / green / high = 0.8, at risk / amber / yellow /
//    medium = 0.5, off track / red / low = 0.2 (inside the bands of
//    ConfidenceBand: >= 0.7 on track, >= 0.4 at risk).

#ifndef OKR_IMPORTERS_TEMPLATE_VALUE_PARSING_H_
#define OKR_IMPORTERS_TEMPLATE_VALUE_PARSING_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/base/civil_time.h"
#include "core/base/result.h"
#include "core/model/organisation.h"
#include "importers/table.h"

namespace okr {

enum class DateOrder { kUnset, kDmy, kMdy, kYmd };

// "d/m/y", "m/d/y", "y/m/d", "" for kUnset. ParseDateOrder accepts those
// and "dmy", "mdy", "ymd" (any case).
std::string_view DateOrderName(DateOrder order);
std::optional<DateOrder> ParseDateOrder(std::string_view text);

// The text a cell shows in messages: strings and dates as they are,
// numbers in their shortest exact form, TRUE/FALSE for bools.
std::string CellDisplayText(const Cell& cell);

// A cell is blank when it is empty or a string of spaces only.
bool IsBlankCell(const Cell& cell);

struct ParsedNumber {
  double value = 0;
  std::string unit;  // From the text: "%", "EUR", "days"; empty if none.
};

// A number from a number or bool cell (1/0), or from text as described
// above. The cell must not be blank.
Result<ParsedNumber> ParseNumberCell(const Cell& cell, bool decimal_comma);
Result<ParsedNumber> ParseNumberText(std::string_view text, bool decimal_comma);

// yes/y/true/done/complete/completed/achieved/met/x/✓/✔/☑ are true;
// no/n/false/not done/open/pending/todo/to do/not started/in progress/
// ongoing/✗/✘/☐ are false (any case). nullopt for anything else.
std::optional<bool> ParseBoolText(std::string_view text);
// A bool cell, or a string that ParseBoolText accepts.
std::optional<bool> BoolOfCell(const Cell& cell);

// Confidence in 0..1, see above.
Result<double> ParseConfidenceCell(const Cell& cell, bool decimal_comma);
// An objective's score in 0..1: a number in 0..1, or "N%" for N in 0..100.
Result<double> ParseScoreCell(const Cell& cell, bool decimal_comma);

// A date from a date or date-time cell (the day) or from text.
Result<Date> ParseDateCell(const Cell& cell, DateOrder order);
Result<Date> ParseDateText(std::string_view text, DateOrder order);
// A UTC instant from a date-time cell, a date cell (midnight), or text: an
// ISO timestamp ("2026-11-24T10:00:00Z", "2026-11-24 10:00:00") or a date.
Result<UnixSeconds> ParseTimestampCell(const Cell& cell, DateOrder order);

// A KR kind by name or synonym: increase (up, grow, raise, more, maximise),
// decrease (down, reduce, cut, lower, less, minimise), stay above (at least,
// min, minimum, maintain above, keep above, floor, >=, ≥), stay below (at
// most, max, maximum, maintain below, keep below, ceiling, cap, <=, ≤),
// milestone (binary, yes/no, done/not done, boolean, checkbox, task).
std::optional<KrKind> ParseKindText(std::string_view text);
// company (org, organisation, corporate), department (dept, division),
// team (squad, group), individual (personal, person).
std::optional<Level> ParseLevelText(std::string_view text);
// true: committed, commit, yes, true; false: aspirational, aspiration,
// stretch, moonshot, no, false.
std::optional<bool> ParseCommitmentText(std::string_view text);

// A calendar quarter by name: "2027-Q1", "2027 Q1", "Q1 2027", "q1-2027"
// (any case, any separator) -> Cycle{"2027-Q1", 2027-01-01, 2027-03-31}.
std::optional<Cycle> ParseQuarterCycle(std::string_view name);

}  // namespace okr

#endif  // OKR_IMPORTERS_TEMPLATE_VALUE_PARSING_H_
