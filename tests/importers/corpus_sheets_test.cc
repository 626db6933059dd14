// Copyright 2026 The okrd Authors.
//
// Reads every XLSX and ODS file of the shared corpus and compares it with
// its reference values (corpus/README.md): the sheet list (names, states,
// chartsheets), used ranges, merged ranges and every spot-check cell. Files
// marked {"expect": "error"} must fail cleanly and quickly.
//
// One documented deviation: the corpus note on
// libreoffice-5.4-covered-cells.ods allows an importer that discards what
// hides under a merge (a covered cell) to expect that cell empty and a
// smaller used range; the ODS reader does that, as Excel and the XLSX side
// show merged areas.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "importers/zip/sheet_details.h"
#include "tests/importers/corpus_util.h"
#include "tests/importers/zip/sheet_test_util.h"

namespace okr {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::SheetRun;

struct Override {
  std::string note_part;  // Text the file's notes must contain.
  std::string sheet;
  std::string cell;        // Spot check to expect empty.
  std::string used_range;  // Used range to expect instead.
};

const std::map<std::string, Override>& Overrides() {
  static const auto* overrides = new std::map<std::string, Override>{
      {"libreoffice-5.4-covered-cells.ods",
       {"An importer that discards covered content should expect A3 empty "
        "and a used range of A1:A2",
        "sheet1", "A3", "A1:A2"}},
  };
  return *overrides;
}

const Override* OverrideFor(const fs::path& path, const json& expected) {
  const auto it = Overrides().find(path.filename().string());
  if (it == Overrides().end()) return nullptr;
  bool noted = false;
  for (const json& note : expected.value("notes", json::array())) {
    noted = noted || note.get<std::string>().find(it->second.note_part) !=
                         std::string::npos;
  }
  CHECK(noted);  // The deviation must still be one the notes allow.
  return &it->second;
}

void CheckError(const fs::path& path, const json& expected,
                const SheetRun& run) {
  INFO(run.status.ToString());
  CHECK_FALSE(run.status.ok());
  CHECK(run.status.message().find(path.filename().string()) == 0);
  CHECK(run.seconds < testing::kHangGuardSeconds);
  const std::string reason = expected.at("reason").get<std::string>();
  if (reason.find("password") != std::string::npos) {
    CHECK(run.status.message().find("password-protected") != std::string::npos);
  } else {
    CHECK(run.status.code() == StatusCode::kResourceExhausted);
  }
}

std::vector<std::string> Sorted(std::vector<std::string> refs) {
  std::sort(refs.begin(), refs.end());
  return refs;
}

void CheckSheet(const json& expected, const SheetRun& run, size_t index,
                const Override* override) {
  const testing::RecordedSheet& sheet = run.sink.sheets[index];
  const SheetDetails& details = run.details.sheets[index];
  INFO("sheet " << sheet.info.name);
  CHECK(sheet.info.name == expected.at("name").get<std::string>());
  CHECK(sheet.info.state == expected.at("state").get<std::string>());
  CHECK(sheet.info.index == static_cast<int>(index));
  CHECK(sheet.ended);
  CHECK(SheetTypeName(details.type) == expected.value("kind", "worksheet"));
  if (expected.contains("used_range")) {
    const json& ref = expected.at("used_range").at("ref");
    std::string want = ref.is_null() ? "" : ref.get<std::string>();
    if (override != nullptr && override->sheet == sheet.info.name) {
      want = override->used_range;
    }
    CHECK(testing::UsedRange(sheet, details.uncached_formulas) == want);
  }
  if (expected.contains("merged")) {
    std::vector<std::string> got;
    for (const CellRange& range : details.merged)
      got.push_back(RangeRef(range));
    CHECK(Sorted(got) ==
          Sorted(expected.at("merged").get<std::vector<std::string>>()));
  }
}

void CheckCells(const json& expected, const SheetRun& run,
                const Override* override) {
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < run.sink.sheets.size(); ++i) {
    index_of[run.sink.sheets[i].info.name] = i;
  }
  for (const json& cell : expected.at("cells")) {
    const std::string sheet = cell.at("sheet").get<std::string>();
    const std::string ref = cell.at("cell").get<std::string>();
    INFO("cell " << sheet << "!" << ref);
    REQUIRE(index_of.count(sheet) == 1);
    const Cell got = run.sink.At(ref, index_of[sheet]);
    if (override != nullptr && override->sheet == sheet &&
        override->cell == ref) {
      CHECK(got.empty());
      continue;
    }
    testing::CheckCellValue(cell, got);
  }
}

void CheckFile(const fs::path& path) {
  INFO("corpus file " << path.string());
  const json expected = testing::ExpectedFor(path);
  const std::string format = expected.at("format").get<std::string>();
  const std::string bytes = testing::ReadWholeFile(path);
  const std::string name = path.filename().string();
  const SheetRun run = format == "xlsx" ? testing::RunXlsx(bytes, {}, name)
                                        : testing::RunOds(bytes, {}, name);
  CHECK(run.sink.violations.empty());
  if (expected.value("expect", "") == "error") {
    CheckError(path, expected, run);
    return;
  }
  INFO(run.status.ToString());
  REQUIRE(run.status.ok());
  const Override* override = OverrideFor(path, expected);
  const json& sheets = expected.at("sheets");
  REQUIRE(run.sink.sheets.size() == sheets.size());
  REQUIRE(run.details.sheets.size() == sheets.size());
  for (size_t i = 0; i < sheets.size(); ++i) {
    CheckSheet(sheets[i], run, i, override);
  }
  REQUIRE(!expected.at("cells").empty());
  CheckCells(expected, run, override);
}

TEST_CASE("Every corpus XLSX file reads as its reference says",
          "[xlsx][corpus]") {
  const std::vector<fs::path> files = testing::CorpusFiles("xlsx");
  CHECK(files.size() >= 23);
  for (const fs::path& path : files) CheckFile(path);
}

TEST_CASE("Every corpus ODS file reads as its reference says",
          "[ods][corpus]") {
  const std::vector<fs::path> files = testing::CorpusFiles("ods");
  CHECK(files.size() >= 9);
  for (const fs::path& path : files) CheckFile(path);
}

}  // namespace
}  // namespace okr
