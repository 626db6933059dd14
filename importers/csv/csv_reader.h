// Copyright 2026 The okrd Authors.
//
// ReadCsv: reads CSV/TSV bytes as one sheet and streams it to a RowSink.
//
// What it accepts, in order:
//   - Encoding (see text_decoder.h): UTF-8 with or without BOM, UTF-16LE/BE
//     with BOM, else Windows-1252 when the bytes are not valid UTF-8. A NUL
//     character anywhere is an error, never a truncation.
//   - Delimiter: options.delimiter if set; else an Excel "sep=X" first line
//     (any case, X one of , ; TAB | or other ASCII punctuation), which is
//     not a row; else sniffed among , ; TAB | (csv_sniffer.h), preferring TAB
//     for UTF-16 text and .tsv/.tab names and ',' otherwise; else that
//     preference. A "sep=" line is dropped even when options.delimiter is set.
//   - Quoting: RFC 4180 with Excel's leniency (csv_tokenizer.h). A CRLF
//     inside a quoted field is returned as LF (as LibreOffice and SheetJS
//     do); a lone LF or CR there is kept. Records end at CRLF, LF or lone CR.
//
// What the sink sees: BeginSheet({name, "visible", 0}), then Row(record, cells)
// for each record that has a non-empty field, then EndSheet(). `record` is
// the 1-based record number (blank records count but are not passed; a
// "sep=" line does not count). Non-empty fields are kString with the raw
// field text; empty fields (also "") are kEmpty; trailing empties are
// dropped. No number or date guessing happens here.
//
// Errors, all "file:line:column: message" with the line and column (1-based,
// in characters) where the offending record, field or byte starts:
//   - InvalidArgument: undecodable text (see text_decoder.h), a NUL, a quoted
//     field not closed by the end of the file, an unusable options.delimiter;
//   - ResourceExhausted, naming the limit: max_input_bytes (checked first,
//     before decoding), max_cell_bytes (bytes of the UTF-8 value),
//     max_columns (a non-empty field beyond it; empty fields beyond it are
//     ignored), max_rows (rows passed to the sink), max_cells (non-empty
//     cells),
//     deadline_ms (wall clock since ReadCsv began, sink time included; asked
//     at the first field and every 4096 fields, see importers/deadline.h);
//   - a non-OK Status from the sink, returned unchanged.
// Decoding errors come before BeginSheet. After any error EndSheet is not
// called, so the sink must drop what it has.
//
// Cost: time linear in the input; memory is the input plus, for UTF-16 and
// Windows-1252, its UTF-8 copy (at most 3x), plus one record's non-empty cells
// (at most max_columns). No recursion.
//
// Threads: thread-safe; the sink is called on the calling thread.

#ifndef OKR_IMPORTERS_CSV_CSV_READER_H_
#define OKR_IMPORTERS_CSV_CSV_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/csv/text_decoder.h"
#include "importers/table.h"

namespace okr {

struct CsvOptions {
  std::string file_name;   // For messages and the default sheet name.
  std::string sheet_name;  // Default: the stem of file_name ("plan" for
                           // "dir/plan.csv"), or "Sheet1" if that is empty.
  std::optional<char> delimiter;  // ASCII, not '"', CR, LF or NUL.
};

enum class RecordSeparator { kNone, kCrLf, kLf, kCr };

// "", "CRLF", "LF", "CR".
std::string_view RecordSeparatorName(RecordSeparator separator);

enum class DelimiterSource { kOption, kSepLine, kSniffed, kDefault };

// What ReadCsv found out about the text. On error, the fields established
// before the failure are set and the rest keep their defaults.
struct CsvInfo {
  TextEncoding encoding = TextEncoding::kUtf8;
  bool bom = false;
  // UTF-8 input whose characters are all ASCII, so "us-ascii" describes it
  // as well (as does any ASCII-compatible encoding). Also set for UTF-16.
  bool ascii_only = false;
  char delimiter = ',';
  DelimiterSource delimiter_source = DelimiterSource::kDefault;
  // The most frequent record separator outside quotes (ties: CRLF, LF, CR);
  // the counts tell whether they were mixed. The sep= line's counts too.
  RecordSeparator record_separator = RecordSeparator::kNone;
  int64_t crlf_count = 0;
  int64_t lf_count = 0;
  int64_t cr_count = 0;
  bool ends_with_newline = false;  // The last record is followed by a break.
  int64_t records = 0;             // Records read, blank ones included.
  int64_t rows = 0;                // Rows passed to the sink.
};

// Reads `bytes` (the whole file) and streams its one sheet to `sink` (not
// null, not owned). `info`, if not null, receives what was detected.
Status ReadCsv(std::string_view bytes, const CsvOptions& options,
               const Limits& limits, RowSink* sink, CsvInfo* info = nullptr);

// The default sheet name for a file name: its stem.
std::string CsvSheetName(std::string_view file_name);

}  // namespace okr

#endif  // OKR_IMPORTERS_CSV_CSV_READER_H_
