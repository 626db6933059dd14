// Copyright 2026 The okrd Authors.
//
// Reads every real-world CSV/TSV file of the shared corpus and compares it
// with its reference values (corpus/README.md): the csv block (encoding,
// BOM, delimiter, quote, record separator, final newline), the sheet, the
// used range and every spot-check cell.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "importers/csv/csv_reader.h"
#include "tests/importers/recording_sink.h"

namespace okr {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kCorpus = fs::path(OKR_SHARED_DIR) / "corpus";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<fs::path> CorpusFiles(const char* folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kCorpus / folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The reference files say "us-ascii" for a pure-ASCII file from a writer
// that uses a legacy code page (Excel for Mac 2011) and "utf-8" for pure-
// ASCII files from UTF-8 writers. Bytes cannot tell these apart; both names
// are right for ASCII text, which the reader reports as UTF-8 + ascii_only.
void CheckEncoding(const std::string& expected, const CsvInfo& info) {
  if (expected == "us-ascii") {
    CHECK(info.encoding == TextEncoding::kUtf8);
    CHECK(info.ascii_only);
  } else {
    CHECK(TextEncodingName(info.encoding) == expected);
  }
}

void CheckCsvBlock(const json& expected, const CsvInfo& info) {
  CheckEncoding(expected.at("encoding").get<std::string>(), info);
  CHECK(info.bom == expected.at("bom").get<bool>());
  CHECK(std::string(1, info.delimiter) ==
        expected.at("delimiter").get<std::string>());
  CHECK(expected.at("quote").get<std::string>() == "\"");
  CHECK(RecordSeparatorName(info.record_separator) ==
        expected.at("record_separator").get<std::string>());
  CHECK(info.ends_with_newline == expected.at("ends_with_newline").get<bool>());
}

// "A1:H639" of the non-empty cells, or "" when there are none.
std::string UsedRange(const testing::RecordedSheet& sheet) {
  if (sheet.rows.empty()) return "";
  size_t max_cols = 0;
  for (const auto& [row, cells] : sheet.rows) {
    max_cols = std::max(max_cols, cells.size());
  }
  int min_col = static_cast<int>(max_cols);
  for (const auto& [row, cells] : sheet.rows) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].empty()) min_col = std::min(min_col, static_cast<int>(i));
    }
  }
  return CellRef(sheet.rows.begin()->first, min_col) + ":" +
         CellRef(sheet.rows.rbegin()->first, static_cast<int>(max_cols) - 1);
}

void CheckSheet(const json& expected, const testing::RecordedSheet& sheet) {
  CHECK(sheet.info.name == expected.at("name").get<std::string>());
  CHECK(sheet.info.state == expected.at("state").get<std::string>());
  CHECK(sheet.ended);
  if (!expected.contains("used_range")) return;
  const json& ref = expected.at("used_range").at("ref");
  CHECK(UsedRange(sheet) == (ref.is_null() ? "" : ref.get<std::string>()));
}

void CheckCell(const json& expected, const testing::RecordingSink& sink) {
  const std::string ref = expected.at("cell").get<std::string>();
  const std::string type = expected.at("type").get<std::string>();
  INFO("cell " << ref);
  REQUIRE(ParseCellRef(ref).has_value());
  CHECK(expected.at("sheet").get<std::string>() == sink.sheets[0].info.name);
  const Cell cell = sink.At(ref);
  CHECK(CellTypeName(cell.type) == type);
  if (type == "string")
    CHECK(cell.text == expected.at("value").get<std::string>());
}

// Returns whether the file was a CSV-format file and so was checked.
bool CheckFile(const fs::path& path) {
  INFO("corpus file " << path.string());
  const fs::path reference =
      kCorpus / "expected" / (path.filename().string() + ".json");
  REQUIRE(fs::exists(reference));
  const json expected = json::parse(ReadFile(reference));
  if (expected.value("format", "") != "csv") return false;
  CsvOptions options;
  options.file_name = path.filename().string();
  testing::CsvRun run = testing::RunCsv(ReadFile(path), options);
  INFO(run.status.ToString());
  REQUIRE(run.status.ok());
  CHECK(run.sink.violations.empty());
  CheckCsvBlock(expected.at("csv"), run.info);
  REQUIRE(expected.at("sheets").size() == 1);
  REQUIRE(run.sink.sheets.size() == 1);
  CheckSheet(expected.at("sheets")[0], run.sink.sheets[0]);
  REQUIRE(!expected.at("cells").empty());
  for (const json& cell : expected.at("cells")) CheckCell(cell, run.sink);
  return true;
}

TEST_CASE("Every corpus CSV/TSV file reads as its reference says",
          "[csv][corpus]") {
  int checked = 0;
  for (const fs::path& path : CorpusFiles("csv")) {
    CHECK(CheckFile(path));  // Everything in csv/ is CSV format.
    ++checked;
  }
  for (const fs::path& path : CorpusFiles("okr")) {
    if (CheckFile(path)) ++checked;
  }
  CHECK(checked >= 8);
}

}  // namespace
}  // namespace okr
