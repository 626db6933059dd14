// Copyright 2026 The okrd Authors.
//
// WriteCsv: rows of cells to CSV text that ReadCsv (and Excel, LibreOffice,
// Google Sheets) read back to the same strings.
//
// Format: RFC 4180 with CRLF after every record (the last one too), UTF-8
// with a byte order mark by default (Excel needs it to read UTF-8), fields
// quoted only when needed: when they contain the delimiter, a quote, CR or
// LF, or when the very first field starts with "sep=" (which readers would
// take for Excel's delimiter line). Every record has as many fields as the
// widest row.
//
// Cells: strings as they are; numbers in their shortest exact form (plain
// digits from 1e-6 to 1e15, else exponent notation: "0.7", "8400000",
// "1e+21"), so reading them back gives the same double; bools TRUE/FALSE;
// dates YYYY-MM-DD; date-times "YYYY-MM-DD HH:MM:SS" (which spreadsheets
// recognise); times and error literals as their text.
//
// Formula injection (OWASP "CSV Injection"): with neutralise_formulas, a
// string field that starts with = + - @ TAB CR LF or an apostrophe gets one
// more apostrophe in front, so spreadsheets show it as text instead of
// running it. UnneutraliseCsvText undoes exactly that, so text survives
// export -> import unchanged. Numbers are never prefixed.
//
// Pure functions; thread-safe.

#ifndef OKR_IMPORTERS_CSV_CSV_WRITER_H_
#define OKR_IMPORTERS_CSV_CSV_WRITER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/table.h"

namespace okr {

struct CsvWriteOptions {
  char delimiter = ',';  // ASCII punctuation or TAB; not '"', CR or LF.
  bool bom = true;
  bool neutralise_formulas = true;
};

// The shortest text that reads back as exactly `value` (see above). Finite
// values only (asserted).
std::string FormatCsvNumber(double value);

// The text of one field before quoting.
std::string CsvFieldText(const Cell& cell, const CsvWriteOptions& options);

// The whole file.
std::string WriteCsv(std::span<const std::vector<Cell>> rows,
                     const CsvWriteOptions& options = {});

// `text` without the apostrophe that neutralisation adds: one leading '\''
// is dropped when the next character is = + - @ TAB CR LF or '\''.
std::string_view UnneutraliseCsvText(std::string_view text);

}  // namespace okr

#endif  // OKR_IMPORTERS_CSV_CSV_WRITER_H_
