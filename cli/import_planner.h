// Copyright 2026 The okrd Authors.
//
// The importer as the web import sees it (core/web/admin_import.h), and the
// planning step `okrd import` shares with it. Thread-safe.

#ifndef OKR_CLI_IMPORT_PLANNER_H_
#define OKR_CLI_IMPORT_PLANNER_H_

#include <map>
#include <string>

#include "core/model/organisation.h"
#include "core/web/admin_import.h"

namespace okr {

// A Confidence column states a confidence now: it becomes a check-in when it
// differs from the latest one known for that key result, stored or in the
// file's own Check-ins sheet.
void AddConfidenceCheckIns(const Organisation& stored,
                           const std::map<std::string, double>& confidence,
                           UnixSeconds now, Organisation* incoming);

// ImportFile + AddConfidenceCheckIns + PlanImport (no prune), as
// `okrd import FILE` does with default options.
web::ImportPlanner MakeImportPlanner();

}  // namespace okr

#endif  // OKR_CLI_IMPORT_PLANNER_H_
