// Copyright 2026 The okrd Authors.
//
// The format-neutral table stream. Every spreadsheet reader (CSV now, XLSX
// and ODS later) turns its bytes into calls on a RowSink: one BeginSheet, the
// non-empty rows in increasing order, one EndSheet, per sheet in workbook
// order. Mapping rows to objectives and key results happens above this layer.
//
// Also here: A1-style cell references and the Location helper that gives
// every importer error the same shape ("plan.xlsx:OKRs!D7: message",
// "plan.csv:12:4: message").
//
// Threads: the free functions are pure and thread-safe. A reader calls its
// sink from the thread that called the reader, one call at a time.

#ifndef OKR_IMPORTERS_TABLE_H_
#define OKR_IMPORTERS_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/status.h"

namespace okr {

enum class CellType {
  kEmpty,
  kString,
  kNumber,
  kBool,
  kDate,
  kTime,
  kDateTime,
  kError,
};

// "empty", "string", "number", "bool", "date", "time", "datetime", "error":
// the type names of the corpus reference files, which however also call a
// date with a time "date".
std::string_view CellTypeName(CellType type);

// One cell value. `text` is UTF-8:
//   kString    the string;
//   kDate      "YYYY-MM-DD";  kTime "HH:MM:SS";  kDateTime
//   "YYYY-MM-DDTHH:MM:SS"; kError     the error literal ("#DIV/0!"); kNumber
//   the number as written in the file, if the format has one.
// `number` holds the value of kNumber and kBool (1 or 0) cells.
// CSV readers produce only kEmpty and kString (the raw field text): guessing
// numbers or dates depends on locale and belongs to the mapping layer.
struct Cell {
  CellType type = CellType::kEmpty;
  std::string text;
  double number = 0;

  static Cell String(std::string s) {
    return Cell{CellType::kString, std::move(s), 0};
  }
  bool empty() const { return type == CellType::kEmpty; }
};

struct SheetInfo {
  std::string name;
  std::string state = "visible";  // "visible", "hidden" or "veryHidden".
  int index = 0;                  // 0-based position in the workbook.
};

// Receives a table as it is read. Implementations decide what to keep.
//
// Call order for each sheet: BeginSheet, Row zero or more times, EndSheet.
// Any call may return a non-OK Status to stop the read; the reader then
// returns that Status unchanged and makes no further calls. When the reader
// itself fails (bad input, a limit), it stops without calling EndSheet, so a
// sink must treat anything received so far as incomplete.
class RowSink {
 public:
  virtual ~RowSink();

  virtual Status BeginSheet(const SheetInfo& sheet) = 0;

  // `row` is 1-based and strictly increasing within a sheet; rows that are
  // entirely empty may be skipped, so the number tells where a row is.
  // `cells[0]` is column A. Trailing empty cells may be omitted, so a row may
  // be shorter than the sheet; a row passed here has at least one cell.
  // `cells` is only valid during the call.
  virtual Status Row(int64_t row, const std::vector<Cell>& cells) = 0;

  virtual Status EndSheet() = 0;

  // How far the reader is through its input: `done` of `total` (bytes of
  // the text, or of the zip parts it inflates; done may pass total when a
  // file under-declares). Called now and then (every few thousand rows or
  // fields), between rows, for a progress display. The default ignores it.
  virtual void Progress(int64_t done, int64_t total);
};

// Excel's widest sheet: column XFD.
inline constexpr int kMaxSheetColumns = 16384;

// "A", "Z", "AA", ... "XFD" for col0 = 0, 25, 26, ... 16383. Any col0 >= 0
// gives a name (bijective base 26); negative col0 is a bug.
std::string ColumnName(int col0);

// "D7" for row 7 (1-based) and col0 3 (0-based). row >= 1, col0 >= 0.
std::string CellRef(int64_t row, int col0);

struct CellPosition {
  int64_t row = 1;  // 1-based.
  int col0 = 0;     // 0-based.
  friend bool operator==(const CellPosition&, const CellPosition&) = default;
};

// Parses "D7" (upper or lower case letters, no '$'). Columns A..XFD and rows
// 1..9999999 without leading zeros; anything else gives nullopt.
std::optional<CellPosition> ParseCellRef(std::string_view ref);

// Where in an input something is, formatted for people. Errors read
// "<location>: <message>".
class Location {
 public:
  // "plan.xlsx:OKRs!D7". A sheet name that is not a plain word is quoted as
  // Excel does it: "plan.xlsx:'Q1 plan'!D7".
  static Location InSheet(std::string_view file, std::string_view sheet,
                          int64_t row, int col0);
  // "plan.csv:12:4": 1-based line and column; the column counts characters.
  static Location InText(std::string_view file, int64_t line, int64_t column);
  // "plan.csv": the input as a whole.
  static Location InFile(std::string_view file);
  // An empty file name is written as "<input>" by all three.

  const std::string& ToString() const { return text_; }

  // "<location>: <message>".
  std::string Format(std::string_view message) const;
  Status Error(StatusCode code, std::string_view message) const {
    return Status(code, Format(message));
  }

 private:
  explicit Location(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace okr

#endif  // OKR_IMPORTERS_TABLE_H_
