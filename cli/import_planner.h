// Copyright 2026 The okrd Authors.
//
// The importer as the web import sees it (core/web/admin_import.h), and the
// planning step `okrd import` shares with it. Thread-safe.

#ifndef OKR_CLI_IMPORT_PLANNER_H_
#define OKR_CLI_IMPORT_PLANNER_H_

#include <map>
#include <string>

#include "core/analytics/finding.h"
#include "core/analytics/lint_rules.h"
#include "core/model/organisation.h"
#include "core/web/admin_import.h"
#include "importers/import_file.h"

namespace okr {

// A Confidence column states a confidence now: it becomes a check-in when it
// differs from the latest one known for that key result, stored or in the
// file's own Check-ins sheet.
void AddConfidenceCheckIns(const Organisation& stored,
                           const std::map<std::string, double>& confidence,
                           UnixSeconds now, Organisation* incoming);

// Passes each lint finding on what a file says to `sink` as it is found,
// in RunLint's order, located at the cell the item came from. The stored
// people, units and cycles count as known to the file (looked up in
// `stored`, not copied). Findings about stored units the file does not
// touch are left out. Keeps no finding.
void LintImportedFile(const FileImport& file, const Organisation& stored,
                      const LintSettings& settings, const FindingSink& sink);

// ImportFile + AddConfidenceCheckIns + PlanImport (no prune), as
// `okrd import FILE` does with default options; the lint findings
// (LintImportedFile) are added to the preview's warnings.
web::ImportPlanner MakeImportPlanner(LintSettings lint = {});

}  // namespace okr

#endif  // OKR_CLI_IMPORT_PLANNER_H_
