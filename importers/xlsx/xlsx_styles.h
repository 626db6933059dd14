// Copyright 2026 The okrd Authors.
//
// The part of styles.xml the XLSX reader needs: for each cell format (the
// `s` index of a cell, an <xf> of <cellXfs>), whether its number format
// shows a date or time, an elapsed duration, or anything else. Custom
// formats (<numFmts>) are looked up first, then Excel's built-in ids.
// Internal to the XLSX reader; exposed for its tests.
//
// Threads: the functions are pure; XlsxStyles is immutable once read.

#ifndef OKR_IMPORTERS_XLSX_XLSX_STYLES_H_
#define OKR_IMPORTERS_XLSX_XLSX_STYLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "importers/zip/zip_archive.h"

namespace okr {

enum class NumFmtKind : uint8_t {
  kOther,     // General, numbers, percentages, text...
  kDate,      // Dates, times and date-times.
  kDuration,  // Elapsed time ([h]:mm:ss): a number, not a date.
};

// Built-in format ids: 14-22 and 45, 47 are dates or times, 27-36 and 50-58
// (East Asian locales) dates, 46 ([h]:mm:ss) a duration; others kOther.
NumFmtKind BuiltinNumFmtKind(int64_t id);

// Classifies a custom format code by its first section: a date if it has
// d, m, y, h or s (any case), "AM/PM" or "A/P" outside quoted text,
// backslash escapes, _x / *x padding and [...] brackets; a duration if a
// bracket holds h, m or s only ([h], [mm], [ss]); else kOther.
NumFmtKind ClassifyNumberFormat(std::string_view code);

class XlsxStyles {
 public:
  // kOther for an index without a format (also negative or past the end).
  NumFmtKind KindOf(int64_t style_index) const;

  // For tests and the fuzzer: sets the kinds directly.
  explicit XlsxStyles(std::vector<NumFmtKind> xf_kinds = {})
      : xf_kinds_(std::move(xf_kinds)) {}

 private:
  std::vector<NumFmtKind> xf_kinds_;
};

// Reads the styles part; errors come from the zip and XML layers.
Result<XlsxStyles> ReadXlsxStyles(ZipArchive* zip,
                                  const ZipArchive::Entry& entry,
                                  const Limits& limits);

}  // namespace okr

#endif  // OKR_IMPORTERS_XLSX_XLSX_STYLES_H_
