// Copyright 2026 The okrd Authors.
//
// One input file to an organisation description: read the bytes (capped),
// detect the format, run the format's reader and, for spreadsheets, the
// template mapper. A CSV file "plan.csv" brings along the companion files
// okrd export writes beside it ("plan.people.csv", "plan.units.csv",
// "plan.cycles.csv", "plan.check-ins.csv") when they exist. Never touches
// the database. Thread-compatible.

#ifndef OKR_IMPORTERS_IMPORT_FILE_H_
#define OKR_IMPORTERS_IMPORT_FILE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/base/civil_time.h"
#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/model/organisation.h"
#include "importers/detect.h"
#include "importers/item_locations.h"
#include "importers/template/value_parsing.h"

namespace okr {

struct FileImportOptions {
  std::optional<FileFormat> format;      // Detected when unset.
  std::optional<std::string> sheet;      // The OKRs sheet, by name.
  std::string default_cycle;             // For rows that name no cycle.
  std::optional<char> delimiter;         // CSV only.
  DateOrder date_order = DateOrder::kUnset;
  Date today;
  // Told how far the reader is through each spreadsheet input (see
  // RowSink::Progress: bytes done of total); may be empty. Not for XML,
  // which is parsed whole.
  std::function<void(int64_t done, int64_t total)> progress;
};

// What a file said, with every problem found in it. Diagnostics are
// complete lines: "plan.xlsx:OKRs!D7: error: target \"abc\" is not a
// number".
struct FileImport {
  FileFormat format = FileFormat::kCsv;
  Organisation org;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  // Whether the mapper invented the key of org.objectives[i]
  // (key_results[i]) because the file had no ID for it (see PlanOptions).
  std::vector<bool> derived_objectives;
  std::vector<bool> derived_krs;
  // Units and cycles the file only referred to (see change_set.h).
  std::set<std::string> derived_units;
  std::set<std::string> derived_cycles;
  // Confidence per key result from a spreadsheet's Confidence column.
  std::map<std::string, double> kr_confidence;
  // Where each item of org was defined, for spreadsheets
  // (MappedWorkbook::where); none for XML. SubjectLocator finds them by
  // lint subject ("kr:KEY").
  ItemLocations where;
};

// A non-OK Status is a failure to read at all (missing file, limit, not a
// spreadsheet); problems inside a readable file are in FileImport::errors.
Result<FileImport> ImportFile(const std::string& path,
                              const FileImportOptions& options,
                              const Limits& limits);

struct NamedInput {
  std::string name;  // For locations: "plan.csv".
  std::string bytes;
};

// The spreadsheet part of ImportFile, for bytes already in memory (the web
// upload). Several inputs are one workbook: a CSV file and its companions
// ("plan.people.csv", ... see template_export.h), the first being the OKRs.
Result<FileImport> ImportSpreadsheet(const std::vector<NamedInput>& inputs,
                                     FileFormat format,
                                     const FileImportOptions& options,
                                     const Limits& limits);

}  // namespace okr

#endif  // OKR_IMPORTERS_IMPORT_FILE_H_
