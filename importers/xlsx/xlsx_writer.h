// Copyright 2026 The okrd Authors.
//
// WriteXlsxFile / WriteXlsxBytes: sheets of cells to an .xlsx workbook,
// through libxlsxwriter.
//
// Cells: strings are string cells (never formulas, whatever they start
// with, so nothing runs when the file is opened); numbers are number cells
// (libxlsxwriter writes 16 significant digits); bools are boolean cells;
// dates ("YYYY-MM-DD"), date-times ("YYYY-MM-DDTHH:MM:SS") and times
// ("HH:MM:SS") are date cells formatted yyyy-mm-dd, yyyy-mm-dd hh:mm:ss and
// hh:mm:ss; error literals are written as strings; empty cells and empty
// strings are not written.
//
// Errors: InvalidArgument for a bad sheet name (Excel's rules: 1-31
// characters, none of []:*?/\, unique), a string longer than 32,767 bytes
// or with a NUL, a row or column beyond Excel's grid, or a date text that is
// not one; IoError when the file cannot be written. Messages name the cell
// ("OKRs!B7: ..."). On error, WriteXlsxFile removes what it wrote.
//
// Threads: thread-safe (each call has its own workbook and temporary file).

#ifndef OKR_IMPORTERS_XLSX_XLSX_WRITER_H_
#define OKR_IMPORTERS_XLSX_XLSX_WRITER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/base/status.h"
#include "importers/table.h"

namespace okr {

// One sheet to write. Views: the data must outlive the call.
struct XlsxSheet {
  std::string_view name;
  std::span<const std::vector<Cell>> rows;  // rows[0] is row 1.
  std::vector<double> column_widths;        // Character units; <= 0: default.
  int header_rows = 0;  // Top rows shown bold and frozen while scrolling.
};

Status WriteXlsxFile(std::span<const XlsxSheet> sheets,
                     const std::string& path);

// The workbook's bytes (written to a temporary file that is then removed;
// libxlsxwriter 1.1 has no memory output).
Result<std::string> WriteXlsxBytes(std::span<const XlsxSheet> sheets);

}  // namespace okr

#endif  // OKR_IMPORTERS_XLSX_XLSX_WRITER_H_
