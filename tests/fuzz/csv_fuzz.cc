// Copyright 2026 The okrd Authors.
//
// libFuzzer target for ReadCsv (FUZZ-1 "csv"). Beyond "no crash, no leak,
// no undefined behaviour" it checks, for every input:
//   - the RowSink contract: one BeginSheet, rows strictly increasing, each
//     row non-empty and ending in a non-empty cell, EndSheet only on success;
//   - every cell is kString, valid UTF-8 without NUL, within the limits;
//   - round trip: the rows written back as fully quoted CSV read back equal,
//     except that CR LF inside a value reads back as LF.
// Small limits make the limit paths reachable.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/csv/csv_reader.h"
#include "importers/csv/text_decoder.h"
#include "tests/fuzz/fuzz_check.h"

namespace okr {
namespace {

Limits SmallLimits() {
  Limits limits;
  limits.max_input_bytes = 1 << 20;
  limits.max_rows = 512;
  limits.max_columns = 64;
  limits.max_cells = 4096;
  limits.max_cell_bytes = 256;
  return limits;
}

class CheckingSink : public RowSink {
 public:
  explicit CheckingSink(const Limits& limits) : limits_(limits) {}

  Status BeginSheet(const SheetInfo& sheet) override {
    FUZZ_CHECK(!begun_);
    FUZZ_CHECK(sheet.state == "visible" && sheet.index == 0);
    begun_ = true;
    return Status::Ok();
  }

  Status Row(int64_t row, const std::vector<Cell>& cells) override {
    FUZZ_CHECK(begun_ && !ended_);
    FUZZ_CHECK(rows_.empty() || row > rows_.rbegin()->first);
    FUZZ_CHECK(!cells.empty() && !cells.back().empty());
    FUZZ_CHECK(static_cast<int64_t>(cells.size()) <= limits_.max_columns);
    for (const Cell& cell : cells) CheckCell(cell);
    rows_[row] = cells;
    return Status::Ok();
  }

  Status EndSheet() override {
    FUZZ_CHECK(begun_ && !ended_);
    ended_ = true;
    return Status::Ok();
  }

  const std::map<int64_t, std::vector<Cell>>& rows() const { return rows_; }
  bool ended() const { return ended_; }

 private:
  void CheckCell(const Cell& cell) const {
    if (cell.empty()) {
      FUZZ_CHECK(cell.text.empty());
      return;
    }
    FUZZ_CHECK(cell.type == CellType::kString && !cell.text.empty());
    FUZZ_CHECK(static_cast<int64_t>(cell.text.size()) <=
               limits_.max_cell_bytes);
    FUZZ_CHECK(ValidUtf8Prefix(cell.text) == cell.text.size());
    FUZZ_CHECK(cell.text.find('\0') == std::string::npos);
  }

  Limits limits_;
  bool begun_ = false;
  bool ended_ = false;
  std::map<int64_t, std::vector<Cell>> rows_;
};

// Rows as RFC 4180 CSV: every non-empty field quoted, blank lines for the
// rows that were skipped, so record numbers survive.
std::string WriteBack(const std::map<int64_t, std::vector<Cell>>& rows) {
  std::string out;
  int64_t next = 1;
  for (const auto& [row, cells] : rows) {
    for (; next < row; ++next) out += "\r\n";
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      if (cells[i].empty()) continue;
      out += '"';
      for (char c : cells[i].text) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
    ++next;
  }
  return out;
}

// What reading a quoted field back does to a value: each CR LF becomes LF.
// (A value holds CR LF only when the file had CR CR LF in quotes.)
std::string AsReadBack(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

// `a` as written back and read again equals `b`.
bool SameRows(const std::map<int64_t, std::vector<Cell>>& a,
              const std::map<int64_t, std::vector<Cell>>& b) {
  if (a.size() != b.size()) return false;
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
    if (ia->first != ib->first || ia->second.size() != ib->second.size()) {
      return false;
    }
    for (size_t i = 0; i < ia->second.size(); ++i) {
      if (AsReadBack(ia->second[i].text) != ib->second[i].text) return false;
    }
  }
  return true;
}

void CheckRoundTrip(const CheckingSink& first, const Limits& limits) {
  const std::string written = WriteBack(first.rows());
  Limits roomy = limits;
  roomy.max_input_bytes = static_cast<int64_t>(written.size()) + 1;
  CsvOptions options;
  options.file_name = "written.csv";
  options.delimiter = ',';
  CheckingSink second(roomy);
  const Status status = ReadCsv(written, options, roomy, &second);
  FUZZ_CHECK(status.ok());
  FUZZ_CHECK(SameRows(first.rows(), second.rows()));
}

void FuzzOnce(std::string_view bytes, std::optional<char> delimiter) {
  const Limits limits = SmallLimits();
  CsvOptions options;
  options.file_name = "fuzz.csv";
  options.delimiter = delimiter;
  CheckingSink sink(limits);
  CsvInfo info;
  const Status status = ReadCsv(bytes, options, limits, &sink, &info);
  FUZZ_CHECK(status.ok() == sink.ended());
  if (!status.ok()) {
    FUZZ_CHECK(status.code() == StatusCode::kInvalidArgument ||
               status.code() == StatusCode::kResourceExhausted);
    FUZZ_CHECK(status.message().starts_with("fuzz.csv"));
    return;
  }
  FUZZ_CHECK(info.rows == static_cast<int64_t>(sink.rows().size()));
  FUZZ_CHECK(sink.rows().empty() ||
             sink.rows().rbegin()->first <= info.records);
  CheckRoundTrip(sink, limits);
}

}  // namespace
}  // namespace okr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  okr::FuzzOnce(bytes, std::nullopt);
  okr::FuzzOnce(bytes, ';');
  return 0;
}
