// Copyright 2026 The okrd Authors.
//
// Value conversions shared by the XLSX and ODS readers: numbers as written
// in XML, spreadsheet date serials, ISO 8601 dates, times and durations.
// Results are written into an existing Cell so its string keeps its buffer
// (the readers reuse one row of cells).
//
// Text forms (see table.h): kDate "YYYY-MM-DD", kDateTime
// "YYYY-MM-DDTHH:MM:SS", kTime "HH:MM:SS"; times are rounded to the nearest
// millisecond and ".mmm" is appended only when the milliseconds are not zero
// ("10:10:10.123"). A date-time at exactly midnight is a kDate.
//
// All functions are pure and thread-safe; on failure `out` is unchanged.

#ifndef OKR_IMPORTERS_ZIP_CELL_VALUES_H_
#define OKR_IMPORTERS_ZIP_CELL_VALUES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "importers/table.h"

namespace okr {

// A finite decimal number ("3", "-1.5", "1E-3", " 2.0 "): XML whitespace
// around it is ignored. nullopt for anything else, including "inf", "nan",
// hexadecimal and values out of double's range.
std::optional<double> ParseXmlNumber(std::string_view text);

// The two spreadsheet date systems. 1900: serial 1 is 1900-01-01 and, as in
// Excel (ECMA-376 Part 1, 18.17.4.1), serial 60 is the fictitious
// 1900-02-29. 1904: serial 0 is 1904-01-01.
enum class DateSystem { k1900, k1904 };

// Writes the date, date-time or time that `serial` stands for into `out`:
// kTime when the rounded serial is in [0, 1) (a time of day), else kDate or
// kDateTime. Returns false, leaving `out` alone, when the serial names no
// real day: negative, after 9999-12-31, or in [60, 61) in the 1900 system
// (Excel's phantom 1900-02-29); the reader then keeps the plain number.
bool SerialToDateCell(double serial, DateSystem system, Cell* out);

// Parses ISO 8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS[.f...][Z]" or
// "HH:MM:SS[.f...]" (years 0001..9999) into `out`. False for anything else.
bool IsoToDateCell(std::string_view text, Cell* out);

// Parses an ISO 8601 duration as ODS writes time values ("PT10H10M10S",
// "PT10H10M10.123456S", "P1DT2H"): a duration below one day becomes kTime,
// a longer one kNumber holding days (like an XLSX [h]:mm:ss cell). False for
// anything else, including negative durations.
bool DurationToCell(std::string_view text, Cell* out);

// `text` in double quotes for an error message, cut to at most 40 bytes at
// a UTF-8 character boundary ("..." marks a cut).
std::string QuotedExcerpt(std::string_view text);

// Writes the code point `cp` (< 0x110000) as UTF-8 at `out`; returns the
// byte count (1..4).
size_t EncodeUtf8(uint32_t cp, char* out);

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_CELL_VALUES_H_
