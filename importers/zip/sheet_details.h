// Copyright 2026 The okrd Authors.
//
// What the XLSX and ODS readers know about a sheet beyond its rows, for a
// RowSink that wants it (table.h's RowSink carries rows only):
//   - the sheet's type: chartsheets (and dialog and macro sheets) are
//     reported as sheets with no rows, in their workbook position, so sheet
//     indexes match what the user sees in the workbook;
//   - merged ranges, in file order (XLSX lists them after the cells, so a
//     streaming reader knows them only at the end of the sheet);
//   - formula cells that have no cached value: the readers never evaluate
//     formulas, so such a cell passes no Cell at all, and the mapping layer
//     can say "D7 holds a formula without a saved result" instead of
//     silently reading it as empty.
//
// Bounds: a sheet may have at most Limits::max_rows merged ranges, and its
// formulas without a value count against Limits::max_cells; beyond either
// the read fails with ResourceExhausted.
//
// A reader given a SheetDetailsSink calls OnSheetDetails once per sheet,
// after the sheet's last Row and before its EndSheet, and not at all for a
// sheet whose read failed. Plain data and interfaces; thread-compatible.

#ifndef OKR_IMPORTERS_ZIP_SHEET_DETAILS_H_
#define OKR_IMPORTERS_ZIP_SHEET_DETAILS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "importers/table.h"

namespace okr {

// Excel's tallest sheet. The readers refuse a non-empty cell below it.
inline constexpr int64_t kMaxSheetRows = 1'048'576;

enum class SheetType { kWorksheet, kChartsheet, kDialogsheet, kMacrosheet };

// "worksheet", "chartsheet", "dialogsheet", "macrosheet".
std::string_view SheetTypeName(SheetType type);

// A rectangle of cells, corners included; first <= last in both axes.
struct CellRange {
  CellPosition first;
  CellPosition last;
  friend bool operator==(const CellRange&, const CellRange&) = default;
};

// "A1:B2"; a single cell is still written "A1:A1".
std::string RangeRef(const CellRange& range);

// Parses "A1:B2" or "A1" (as A1:A1), corners in any order (normalised);
// nullopt for anything else (see ParseCellRef).
std::optional<CellRange> ParseRangeRef(std::string_view ref);

struct SheetDetails {
  SheetType type = SheetType::kWorksheet;
  std::vector<CellRange> merged;
  std::vector<CellPosition> uncached_formulas;  // In reading order.
};

class SheetDetailsSink {
 public:
  virtual ~SheetDetailsSink();
  // See the file comment. A non-OK Status stops the read and is returned
  // unchanged by the reader.
  virtual Status OnSheetDetails(const SheetDetails& details) = 0;
};

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_SHEET_DETAILS_H_
