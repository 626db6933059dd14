// Copyright 2026 The okrd Authors.
//
// Test helpers for readers that feed a RowSink: a sink that records
// everything and checks the RowSink contract as it goes, and a one-call CSV
// runner. Header-only; for tests.

#ifndef OKR_TESTS_IMPORTERS_RECORDING_SINK_H_
#define OKR_TESTS_IMPORTERS_RECORDING_SINK_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/csv/csv_reader.h"
#include "importers/table.h"

namespace okr::testing {

struct RecordedSheet {
  SheetInfo info;
  std::map<int64_t, std::vector<Cell>> rows;
  bool ended = false;
};

class RecordingSink : public RowSink {
 public:
  std::vector<RecordedSheet> sheets;
  std::vector<std::string> violations;  // Broken RowSink contract.
  int64_t rows_seen = 0;

  Status BeginSheet(const SheetInfo& sheet) override {
    if (!sheets.empty() && !sheets.back().ended) Violation("nested sheet");
    sheets.push_back(RecordedSheet{sheet, {}, false});
    return Status::Ok();
  }

  Status Row(int64_t row, const std::vector<Cell>& cells) override {
    ++rows_seen;
    if (sheets.empty() || sheets.back().ended) Violation("row outside sheet");
    if (sheets.empty()) return Status::Ok();
    auto& rows = sheets.back().rows;
    if (row < 1) Violation("row number below 1");
    if (!rows.empty() && rows.rbegin()->first >= row) {
      Violation("row numbers not increasing");
    }
    if (cells.empty() || cells.back().empty()) {
      Violation("row " + std::to_string(row) + " is empty or ends empty");
    }
    rows[row] = cells;
    return Status::Ok();
  }

  Status EndSheet() override {
    if (sheets.empty() || sheets.back().ended) Violation("unmatched EndSheet");
    if (!sheets.empty()) sheets.back().ended = true;
    return Status::Ok();
  }

  // The cell at `ref` ("D7") of sheet `sheet`; an empty cell if absent.
  Cell At(std::string_view ref, size_t sheet = 0) const {
    const std::optional<CellPosition> pos = ParseCellRef(ref);
    if (!pos || sheet >= sheets.size()) return Cell{};
    const auto& rows = sheets[sheet].rows;
    const auto it = rows.find(pos->row);
    if (it == rows.end()) return Cell{};
    const auto col0 = static_cast<size_t>(pos->col0);
    return col0 < it->second.size() ? it->second[col0] : Cell{};
  }

  // "row:cell|cell|..." per row, one line each; LF in text shown as \n,
  // CR as \r, and empty cells as nothing.
  std::string Dump(size_t sheet = 0) const {
    std::string out;
    if (sheet >= sheets.size()) return out;
    for (const auto& [row, cells] : sheets[sheet].rows) {
      out += std::to_string(row) + ":";
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += "|";
        out += Escaped(cells[i].text);
      }
      out += "\n";
    }
    return out;
  }

 private:
  void Violation(std::string what) { violations.push_back(std::move(what)); }

  static std::string Escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else {
        out += c;
      }
    }
    return out;
  }
};

struct CsvRun {
  Status status;
  CsvInfo info;
  RecordingSink sink;
};

inline CsvRun RunCsv(std::string_view bytes, const CsvOptions& options,
                     const Limits& limits = Limits()) {
  CsvRun run;
  run.status = ReadCsv(bytes, options, limits, &run.sink, &run.info);
  return run;
}

inline CsvRun RunCsv(std::string_view bytes) {
  CsvOptions options;
  options.file_name = "f.csv";
  return RunCsv(bytes, options);
}

}  // namespace okr::testing

#endif  // OKR_TESTS_IMPORTERS_RECORDING_SINK_H_
