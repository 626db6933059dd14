// Copyright 2026 The okrd Authors.
//
// Helpers for the template tests: feeding hand-written sheets or CSV text to
// a WorkbookMapper, short cell builders, and diagnostics as lines.
// Header-only; for tests.

#ifndef OKR_TESTS_IMPORTERS_TEMPLATE_MAPPER_TEST_UTIL_H_
#define OKR_TESTS_IMPORTERS_TEMPLATE_MAPPER_TEST_UTIL_H_

#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/limits.h"
#include "importers/csv/csv_reader.h"
#include "importers/table.h"
#include "importers/template/workbook_mapper.h"

namespace okr::testing {

inline Cell S(std::string text) { return Cell::String(std::move(text)); }
inline Cell N(double value) { return Cell{CellType::kNumber, "", value}; }
inline Cell B(bool value) { return Cell{CellType::kBool, "", value ? 1.0 : 0}; }
inline Cell D(std::string iso) {
  return Cell{CellType::kDate, std::move(iso), 0};
}
inline Cell E() { return Cell{}; }

struct TestSheet {
  std::string name;
  // Rows in order; row numbers count from `first_row`, or are given.
  std::vector<std::vector<Cell>> rows;
  std::string state = "visible";
  int64_t first_row = 1;
};

// All-string rows ("" is an empty cell), like CSV fields.
inline std::vector<std::vector<Cell>> Strings(
    const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<Cell>> out;
  for (const auto& row : rows) {
    std::vector<Cell> cells;
    for (const std::string& text : row) {
      cells.push_back(text.empty() ? Cell{} : Cell::String(text));
    }
    out.push_back(std::move(cells));
  }
  return out;
}

inline MapOptions XlsxOptions(std::string file = "plan.xlsx") {
  MapOptions options;
  options.file_name = std::move(file);
  options.today = Date{2027, 2, 1};
  return options;
}

inline MapOptions CsvOptionsFor(std::string file = "plan.csv") {
  MapOptions options = XlsxOptions(std::move(file));
  options.is_csv = true;
  return options;
}

// Feeds the sheets as a reader would (rows with only empty cells skipped).
inline MappedWorkbook MapSheets(const std::vector<TestSheet>& sheets,
                                MapOptions options) {
  WorkbookMapper mapper(std::move(options));
  int index = 0;
  for (const TestSheet& sheet : sheets) {
    (void)mapper.BeginSheet({sheet.name, sheet.state, index++});
    int64_t number = sheet.first_row;
    for (const auto& row : sheet.rows) {
      bool any = false;
      for (const Cell& cell : row) any = any || !cell.empty();
      if (any) (void)mapper.Row(number, row);
      ++number;
    }
    (void)mapper.EndSheet();
  }
  return mapper.Finish();
}

// CSV text through ReadCsv into a mapper (options.is_csv should be set).
// The keys of the objectives (key results) whose key came from an ID
// column, i.e. was not flagged as derived.
template <typename T>
std::set<std::string> KeysFromFile(const std::vector<T>& items,
                                   const std::vector<bool>& derived) {
  REQUIRE(derived.size() == items.size());
  std::set<std::string> keys;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!derived[i]) keys.insert(items[i].key);
  }
  return keys;
}
inline std::set<std::string> ObjectiveKeysFromFile(const MappedWorkbook& m) {
  return KeysFromFile(m.org.objectives, m.derived_objectives);
}
inline std::set<std::string> KrKeysFromFile(const MappedWorkbook& m) {
  return KeysFromFile(m.org.key_results, m.derived_krs);
}

inline MappedWorkbook MapCsvText(std::string_view text, MapOptions options) {
  CsvOptions csv;
  csv.file_name = options.file_name;
  WorkbookMapper mapper(options);
  const Status status = ReadCsv(text, csv, Limits(), &mapper);
  MappedWorkbook out = mapper.Finish();
  if (!status.ok()) {
    out.diagnostics.push_back({true, "ReadCsv", status.ToString()});
    ++out.error_count;
  }
  return out;
}

inline std::vector<std::string> Lines(const MappedWorkbook& mapped) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : mapped.diagnostics) lines.push_back(d.ToString());
  return lines;
}

inline std::string AllLines(const MappedWorkbook& mapped) {
  std::string out;
  for (const std::string& line : Lines(mapped)) out += line + "\n";
  return out;
}

}  // namespace okr::testing

#endif  // OKR_TESTS_IMPORTERS_TEMPLATE_MAPPER_TEST_UTIL_H_
