// Copyright 2026 The okrd Authors.
//
// Shared pieces of the XLSX, ODS and zip fuzz targets: small limits that
// make every limit reachable, a RowSink that checks the RowSink contract
// and every cell's invariants as rows arrive (aborting on a breach), and a
// comparable record of what a read produced. For fuzz targets only.

#ifndef OKR_TESTS_FUZZ_SHEET_FUZZ_UTIL_H_
#define OKR_TESTS_FUZZ_SHEET_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/table.h"
#include "importers/zip/sheet_details.h"

namespace okr::fuzz {

#define SHEET_FUZZ_CHECK(cond)                                             \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "SHEET_FUZZ_CHECK failed: %s (%s:%d)\n", #cond, \
                   __FILE__, __LINE__);                                    \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

inline Limits SmallLimits() {
  Limits limits;
  limits.max_input_bytes = 1 << 20;
  limits.max_inflated_bytes = 8 << 20;
  limits.max_part_inflated_bytes = 4 << 20;
  limits.max_zip_entries = 64;
  limits.max_sheets = 8;
  limits.max_rows = 512;
  limits.max_columns = 64;
  limits.max_cells = 4096;
  limits.max_cell_bytes = 256;
  limits.max_shared_strings = 1024;
  limits.max_xml_depth = 64;
  return limits;
}

// Length of the longest valid UTF-8 prefix of `text` (no surrogates, no
// overlong forms, nothing above U+10FFFF).
inline size_t ValidUtf8Prefix(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80         ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (n == 0 || i + n > text.size()) return i;
    uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += n;
  }
  return i;
}

inline bool IsDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

// "HH:MM:SS" or "HH:MM:SS.mmm".
inline bool IsTimeText(std::string_view t) {
  if (t.size() != 8 && t.size() != 12) return false;
  if (t[2] != ':' || t[5] != ':') return false;
  if (!IsDigits(t.substr(0, 2)) || !IsDigits(t.substr(3, 2)) ||
      !IsDigits(t.substr(6, 2))) {
    return false;
  }
  return t.size() == 8 || (t[8] == '.' && IsDigits(t.substr(9)));
}

// "YYYY-MM-DD".
inline bool IsDateText(std::string_view t) {
  return t.size() == 10 && t[4] == '-' && t[7] == '-' &&
         IsDigits(t.substr(0, 4)) && IsDigits(t.substr(5, 2)) &&
         IsDigits(t.substr(8, 2));
}

inline void CheckCell(const Cell& cell, const Limits& limits) {
  switch (cell.type) {
    case CellType::kEmpty:
      SHEET_FUZZ_CHECK(cell.text.empty());
      return;
    case CellType::kString:
    case CellType::kError:
      SHEET_FUZZ_CHECK(!cell.text.empty());
      SHEET_FUZZ_CHECK(static_cast<int64_t>(cell.text.size()) <=
                       limits.max_cell_bytes);
      SHEET_FUZZ_CHECK(ValidUtf8Prefix(cell.text) == cell.text.size());
      SHEET_FUZZ_CHECK(cell.text.find('\0') == std::string::npos);
      return;
    case CellType::kNumber:
      SHEET_FUZZ_CHECK(cell.number == cell.number);  // Not NaN.
      return;
    case CellType::kBool:
      SHEET_FUZZ_CHECK(cell.number == 0 || cell.number == 1);
      return;
    case CellType::kDate:
      SHEET_FUZZ_CHECK(IsDateText(cell.text));
      return;
    case CellType::kTime:
      SHEET_FUZZ_CHECK(IsTimeText(cell.text));
      return;
    case CellType::kDateTime:
      SHEET_FUZZ_CHECK(cell.text.size() > 11 && cell.text[10] == 'T' &&
                       IsDateText(cell.text.substr(0, 10)) &&
                       IsTimeText(cell.text.substr(11)));
      return;
  }
  SHEET_FUZZ_CHECK(false && "unknown cell type");
}

// Records a read and checks the RowSink contract as it goes.
class CheckingSink : public RowSink, public SheetDetailsSink {
 public:
  explicit CheckingSink(const Limits& limits) : limits_(limits) {}

  Status BeginSheet(const SheetInfo& sheet) override {
    SHEET_FUZZ_CHECK(!in_sheet_);
    SHEET_FUZZ_CHECK(sheet.index == sheets_);
    SHEET_FUZZ_CHECK(sheet.state == "visible" || sheet.state == "hidden" ||
                     sheet.state == "veryHidden");
    SHEET_FUZZ_CHECK(sheets_ < limits_.max_sheets);
    SHEET_FUZZ_CHECK(ValidUtf8Prefix(sheet.name) == sheet.name.size());
    in_sheet_ = true;
    last_row_ = 0;
    sheet_rows_ = 0;
    record_ += "[" + sheet.name + "|" + sheet.state + "]";
    return Status::Ok();
  }

  Status Row(int64_t row, const std::vector<Cell>& cells) override {
    SHEET_FUZZ_CHECK(in_sheet_ && !details_seen_);
    SHEET_FUZZ_CHECK(row > last_row_ && row <= kMaxSheetRows);
    SHEET_FUZZ_CHECK(!cells.empty() && !cells.back().empty());
    SHEET_FUZZ_CHECK(static_cast<int64_t>(cells.size()) <= limits_.max_columns);
    SHEET_FUZZ_CHECK(++sheet_rows_ <= limits_.max_rows);
    last_row_ = row;
    record_ += std::to_string(row) + ":";
    for (const Cell& cell : cells) {
      CheckCell(cell, limits_);
      if (!cell.empty()) SHEET_FUZZ_CHECK(++cells_ <= limits_.max_cells);
      record_ += std::string(CellTypeName(cell.type)) + "=" + cell.text + "|";
    }
    record_ += "\n";
    return Status::Ok();
  }

  Status OnSheetDetails(const SheetDetails& details) override {
    SHEET_FUZZ_CHECK(in_sheet_ && !details_seen_);
    details_seen_ = true;
    for (const CellRange& range : details.merged) {
      SHEET_FUZZ_CHECK(range.first.row >= 1 && range.first.col0 >= 0);
      SHEET_FUZZ_CHECK(range.first.row <= range.last.row &&
                       range.first.col0 <= range.last.col0);
      record_ += "merge " + RangeRef(range) + "\n";
    }
    for (const CellPosition& pos : details.uncached_formulas) {
      SHEET_FUZZ_CHECK(pos.row >= 1 && pos.col0 >= 0);
      record_ += "formula " + CellRef(pos.row, pos.col0) + "\n";
    }
    return Status::Ok();
  }

  Status EndSheet() override {
    SHEET_FUZZ_CHECK(in_sheet_);
    in_sheet_ = false;
    details_seen_ = false;
    ++sheets_;
    record_ += "[end]\n";
    return Status::Ok();
  }

  bool in_sheet() const { return in_sheet_; }
  int sheets() const { return sheets_; }
  const std::string& record() const { return record_; }

 private:
  Limits limits_;
  bool in_sheet_ = false;
  bool details_seen_ = false;
  int sheets_ = 0;
  int64_t last_row_ = 0;
  int64_t sheet_rows_ = 0;
  int64_t cells_ = 0;
  std::string record_;
};

// An error must be an expected kind and name the input first.
inline void CheckError(const Status& status, std::string_view file) {
  SHEET_FUZZ_CHECK(status.code() == StatusCode::kInvalidArgument ||
                   status.code() == StatusCode::kResourceExhausted);
  SHEET_FUZZ_CHECK(status.message().substr(0, file.size()) == file);
}

// `message` without the column of a "malformed XML at line L, column C"
// error. The fast tokenizer and expat alone may count that column
// differently after a non-ASCII element name or an entity reference on the
// same line (found by the comparison below; see docs/benchmarks.md, issue
// 3): everything else of the message must agree.
inline std::string WithoutXmlColumn(const std::string& message) {
  const size_t at = message.find(", column ");
  if (at == std::string::npos) return message;
  size_t end = at + 9;
  while (end < message.size() && message[end] >= '0' && message[end] <= '9') {
    ++end;
  }
  return message.substr(0, at) + message.substr(end);
}

// The fast tokenizer changes nothing but, at most, that column.
inline void CheckSameAsExpat(const Status& fast, const std::string& fast_record,
                             const Status& expat,
                             const std::string& expat_record) {
  SHEET_FUZZ_CHECK(fast.code() == expat.code());
  SHEET_FUZZ_CHECK(WithoutXmlColumn(fast.message()) ==
                   WithoutXmlColumn(expat.message()));
  if (fast.ok()) SHEET_FUZZ_CHECK(fast_record == expat_record);
}

}  // namespace okr::fuzz

#endif  // OKR_TESTS_FUZZ_SHEET_FUZZ_UTIL_H_
