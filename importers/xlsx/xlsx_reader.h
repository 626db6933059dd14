// Copyright 2026 The okrd Authors.
//
// ReadXlsx: reads an Excel workbook (.xlsx, also .xlsm; transitional or
// Strict Office Open XML) and streams every sheet to a RowSink, in workbook
// order. No part is ever held whole: worksheets and shared strings are
// parsed as they are inflated (expat, no DOM).
//
// What the sink sees, per sheet in workbook.xml order (hidden sheets too):
// BeginSheet({name, state, index}) with state "visible", "hidden" or
// "veryHidden"; the rows (see xlsx_sheet_parser.h for how cells are typed);
// then, if options.details is set, OnSheetDetails with the sheet's type,
// merged ranges and formula cells without a cached value; then EndSheet.
// Chartsheets, dialog sheets and macro sheets have no rows (their contents
// are not read); their type tells them apart. Dates use the workbook's date
// system (workbookPr date1904); cached values only, formulas are never
// evaluated.
//
// Errors (after which no further sink call is made; EndSheet is not called
// for the sheet being read):
//   - InvalidArgument "<file>: file is password-protected ..." for an
//     encrypted workbook (an OLE compound file, also what an .xls is) or an
//     encrypted zip entry;
//   - InvalidArgument for anything that is not a well-formed workbook: not a
//     zip, no workbook part, malformed XML or values (see the sheet parser),
//     any DOCTYPE;
//   - ResourceExhausted naming the Limits field: max_input_bytes, the zip
//     limits (zip_archive.h), max_xml_depth, max_sheets,
//     max_shared_strings, max_rows, max_columns, max_cells, max_cell_bytes,
//     deadline_ms;
//   - a non-OK Status from the sink or the details sink, unchanged.
// Messages start with a location: "plan.xlsx:OKRs!D7: ..." inside a sheet,
// "plan.xlsx: xl/workbook.xml: ..." for a part.
//
// Cost: time linear in the inflated XML; memory is the input, the shared
// strings (one arena), libzip's and expat's buffers and one row of cells.
// No recursion.
//
// Threads: thread-safe (no shared state); the sinks are called on the
// calling thread.

#ifndef OKR_IMPORTERS_XLSX_XLSX_READER_H_
#define OKR_IMPORTERS_XLSX_XLSX_READER_H_

#include <string>
#include <string_view>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/table.h"
#include "importers/zip/sheet_details.h"

namespace okr {

struct XlsxOptions {
  std::string file_name;                // For messages.
  SheetDetailsSink* details = nullptr;  // Optional; not owned.
};

// Reads `bytes` (the whole file) and streams it to `sink` (not null, not
// owned). See the file comment.
Status ReadXlsx(std::string_view bytes, const XlsxOptions& options,
                const Limits& limits, RowSink* sink);

}  // namespace okr

#endif  // OKR_IMPORTERS_XLSX_XLSX_READER_H_
