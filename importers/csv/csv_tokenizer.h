// Copyright 2026 The okrd Authors.
//
// CsvTokenizer: splits decoded (UTF-8) CSV text into fields, one at a time,
// following RFC 4180 with Excel's leniency:
//   - a field that starts with '"' is quoted: "" is a quote, and delimiters
//     and line breaks inside are data. A CRLF inside becomes LF, the way
//     spreadsheets store in-cell breaks (Excel writes LF in cells and CRLF
//     between records; text-mode copies turn the LF into CRLF). A lone CR or
//     LF inside is kept as it is, so CR CR LF reads as CR LF (a value that
//     no CSV file can hold, since writing it back reads as LF);
//   - text after a closing quote is kept ("ab"c -> abc), as is a quote inside
//     an unquoted field (5" disk -> 5" disk);
//   - records end at CRLF, LF or a lone CR; a line break at the very end of
//     the text does not start another record.
// Errors: a quoted field still open at the end of the text, and a field
// longer than max_cell_bytes, both InvalidArgument/ResourceExhausted with
// "file:line:column" of the field's start. Runs in time linear in the text;
// memory is one field. Internal to the CSV reader. Thread-compatible.

#ifndef OKR_IMPORTERS_CSV_CSV_TOKENIZER_H_
#define OKR_IMPORTERS_CSV_CSV_TOKENIZER_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "core/base/status.h"
#include "importers/csv/text_position.h"

namespace okr {

struct CsvTokenizerOptions {
  char delimiter = ',';  // Not '"', CR or LF.
  int64_t max_cell_bytes = std::numeric_limits<int64_t>::max();  // Per field.
  std::string_view file_name;  // For messages; must outlive the tokenizer.
  TextPos start;               // Where text[0] is in the file.
};

enum class FieldEnd { kDelimiter, kNewline, kEndOfText };

struct CsvField {
  std::string_view text;  // Valid until the next call to Next().
  TextPos start;          // Position of the field's first character.
  int64_t record = 1;     // 1-based record number.
  int64_t index = 0;      // 0-based field number within the record.
  FieldEnd end = FieldEnd::kDelimiter;

  bool ends_record() const { return end != FieldEnd::kDelimiter; }
};

// Record separators seen outside quotes.
struct LineEndCounts {
  int64_t crlf = 0;
  int64_t lf = 0;
  int64_t cr = 0;
};

class CsvTokenizer {
 public:
  // `text` must outlive the tokenizer.
  CsvTokenizer(std::string_view text, const CsvTokenizerOptions& options);

  // True when every record has been read.
  bool Done() const { return at_record_start_ && AtEnd(); }

  // Reads the next field. Requires !Done().
  Status Next(CsvField* field);

  const LineEndCounts& line_ends() const { return line_ends_; }

  // Bytes of the text consumed so far (for progress displays).
  size_t position() const { return pos_; }
  size_t size() const { return text_.size(); }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  void Consume(size_t n);
  Status Append(std::string_view piece, const CsvField& field);
  Status ReadQuoted(const CsvField& field);
  Status ReadUnquoted(const CsvField& field);
  void FinishField(CsvField* field);
  void ConsumeLineEnd();
  Status TooLong(const CsvField& field) const;
  Status Unterminated(const CsvField& field) const;

  std::string_view text_;
  CsvTokenizerOptions options_;
  PositionTracker tracker_;
  size_t pos_ = 0;
  int64_t record_ = 1;
  int64_t index_ = 0;
  bool at_record_start_ = true;
  std::string buffer_;
  LineEndCounts line_ends_;
};

}  // namespace okr

#endif  // OKR_IMPORTERS_CSV_CSV_TOKENIZER_H_
