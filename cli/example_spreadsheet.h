// Copyright 2026 The okrd Authors.
//
// The bundled example organisation as `okrd init --example` and `okrd demo`
// load it: examples/halden-health.xlsx, compiled into the binary, read
// through the real importer, then moved by whole weeks so that its current
// cycle is in execution on `today` (weekdays, times of day and the history's
// shape stay as they are; "YYYY-QN" cycle names follow their new dates).

#ifndef OKR_CLI_EXAMPLE_SPREADSHEET_H_
#define OKR_CLI_EXAMPLE_SPREADSHEET_H_

#include "core/base/result.h"
#include "core/model/organisation.h"

namespace okr {

// The day the spreadsheet was written for (see examples/README.md).
inline constexpr Date kExampleSpreadsheetDay{2026, 11, 24};

Result<Organisation> LoadExampleSpreadsheet(const Date& today);

// Moves every date and time of `org` by `weeks` weeks and renames
// "YYYY-QN" cycles by the same number of quarters their dates moved.
Organisation ShiftByWeeks(Organisation org, int64_t weeks);

}  // namespace okr

#endif  // OKR_CLI_EXAMPLE_SPREADSHEET_H_
