// Copyright 2026 The okrd Authors.
//
// RowBuilder: assembles one row of cells at a time for a RowSink and applies
// the table limits the XLSX and ODS readers share, so both name limits and
// cells the same way. It owns one reusable row: cells are swapped in, so a
// steady stream of rows costs no allocations beyond the cells' own text.
//
// Per sheet: BeginSheet(name), then for each row StartRow(row), Put...,
// EndRow(repeat); then the reader calls the sink's EndSheet itself.
// EndRow passes the row to the sink only if it has a non-empty cell, with
// trailing empty cells dropped; `repeat` > 1 passes the same cells for the
// following rows too (ODS number-rows-repeated).
//
// Errors, as "<file>:<sheet>!<cell>: <message>":
//   - ResourceExhausted: a non-empty cell at col0 >= max_columns; more than
//     max_cells non-empty cells over the whole file (the counter is shared
//     across sheets); more than max_rows rows passed to the sink in one
//     sheet; a string or error text longer than max_cell_bytes;
//   - InvalidArgument: a non-empty row below kMaxSheetRows;
//   - the `check_deadline` callback's error (asked every 1024 rows);
//   - a non-OK Status from the sink, unchanged.
//
// Threads: thread-compatible.

#ifndef OKR_IMPORTERS_ZIP_ROW_BUILDER_H_
#define OKR_IMPORTERS_ZIP_ROW_BUILDER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/table.h"

namespace okr {

class RowBuilder {
 public:
  // `sink` is not owned. `check_deadline` may be empty.
  RowBuilder(std::string file_name, const Limits& limits, RowSink* sink,
             std::function<Status()> check_deadline);

  void BeginSheet(std::string sheet_name);
  void StartRow(int64_t row);

  // Moves `value` (not empty) into column `col0` of the current row,
  // replacing what was there; `value` receives the old cell, whose text
  // buffer the caller may reuse.
  Status Put(int64_t col0, Cell* value);
  // Copies `value` (not empty) into column `col0`.
  Status PutCopy(int64_t col0, const Cell& value);

  // Ends the current row; see the file comment. `repeat` >= 1.
  Status EndRow(int64_t repeat = 1);

  // "file:sheet!D7" for messages about the sheet being built.
  Location At(int64_t row, int64_t col0) const;
  const std::string& file_name() const { return file_name_; }
  const std::string& sheet_name() const { return sheet_name_; }
  int64_t cells_total() const { return cells_total_; }
  const Limits& limits() const { return limits_; }

 private:
  Status CheckPut(int64_t col0, const Cell& value);
  Status Emit(int64_t row);

  std::string file_name_;
  const Limits& limits_;
  RowSink* sink_;
  std::function<Status()> check_deadline_;
  std::string sheet_name_;
  std::vector<Cell> cells_;  // The current row; [width_, size) are empty.
  int64_t row_ = 1;
  size_t width_ = 0;         // 1 + the last non-empty column.
  int64_t row_cells_ = 0;    // Non-empty cells in the current row.
  int64_t sheet_rows_ = 0;   // Rows passed to the sink in this sheet.
  int64_t cells_total_ = 0;  // Non-empty cells passed, all sheets.
};

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_ROW_BUILDER_H_
