// Copyright 2026 The okrd Authors.
//
// Shared helpers for the corpus tests (corpus/README.md): locating the
// corpus, reading files and their reference JSON, the used range of what a
// RecordingSink received, and comparing one typed cell with a reference
// spot check. Header-only; for tests.

#ifndef OKR_TESTS_IMPORTERS_CORPUS_UTIL_H_
#define OKR_TESTS_IMPORTERS_CORPUS_UTIL_H_

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "importers/table.h"
#include "tests/importers/recording_sink.h"

namespace okr::testing {

inline std::filesystem::path CorpusDir() {
  return std::filesystem::path(OKR_SHARED_DIR) / "corpus";
}

inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The regular files of corpus/<folder>, sorted.
inline std::vector<std::filesystem::path> CorpusFiles(const char* folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(CorpusDir() / folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// expected/<file name>.json for a corpus file.
inline nlohmann::json ExpectedFor(const std::filesystem::path& file) {
  const auto reference =
      CorpusDir() / "expected" / (file.filename().string() + ".json");
  REQUIRE(std::filesystem::exists(reference));
  return nlohmann::json::parse(ReadWholeFile(reference));
}

// "A1:H639": the bounding box of the non-empty cells of `sheet` plus
// `extra` positions; "" when there are none.
inline std::string UsedRange(const RecordedSheet& sheet,
                             const std::vector<CellPosition>& extra = {}) {
  bool any = false;
  CellPosition first{0, 0}, last{0, 0};
  auto include = [&](int64_t row, int col0) {
    if (!any) {
      first = last = CellPosition{row, col0};
      any = true;
      return;
    }
    first = {std::min(first.row, row), std::min(first.col0, col0)};
    last = {std::max(last.row, row), std::max(last.col0, col0)};
  };
  for (const auto& [row, cells] : sheet.rows) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].empty()) include(row, static_cast<int>(i));
    }
  }
  for (const CellPosition& pos : extra) include(pos.row, pos.col0);
  if (!any) return "";
  return CellRef(first.row, first.col0) + ":" + CellRef(last.row, last.col0);
}

// The reference type name of a cell: "date" for kDateTime too (the corpus
// calls both "date").
inline std::string ReferenceTypeName(const Cell& cell) {
  if (cell.type == CellType::kDateTime) return "date";
  return std::string(CellTypeName(cell.type));
}

// Checks `cell` against one spot check {"type": ..., "value": ...}.
inline void CheckCellValue(const nlohmann::json& expected, const Cell& cell) {
  const std::string type = expected.at("type").get<std::string>();
  const nlohmann::json& value = expected.at("value");
  CHECK(ReferenceTypeName(cell) == type);
  if (type == "number") {
    CHECK(cell.number == value.get<double>());
  } else if (type == "bool") {
    CHECK(cell.number == (value.get<bool>() ? 1.0 : 0.0));
  } else if (type != "empty") {
    CHECK(cell.text == value.get<std::string>());
  }
}

}  // namespace okr::testing

#endif  // OKR_TESTS_IMPORTERS_CORPUS_UTIL_H_
