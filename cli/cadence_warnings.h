// Copyright 2026 The okrd Authors.
//
// The cadence's warnings for an organisation about to be (or just)
// imported: a day-and-time override that overlaps another meeting of a
// participant (kept as given), a meeting without a free slot. The server's
// planner only logs them; `okrd import` shows them to whoever imports.
// Threads: call from one thread at a time per store.

#ifndef OKR_CLI_CADENCE_WARNINGS_H_
#define OKR_CLI_CADENCE_WARNINGS_H_

#include <string>
#include <vector>

#include "calendar/feeds.h"
#include "cli/command.h"
#include "core/base/result.h"
#include "core/model/organisation.h"
#include "core/store/store.h"

namespace okr {

// Plans the cadence of `org` on `today` with the stored slots of `store`
// (as the feeds will) and returns its warnings. Plans only when some
// person or unit has an override giving both day and time (the only source
// of overlaps), else returns none without planning. Errors: reading the
// stored slots.
Result<std::vector<std::string>> CadenceWarnings(const Organisation& org,
                                                 const Date& today,
                                                 const FeedOptions& options,
                                                 Store* store);

// CadenceWarnings with the config's [cadence] on the clock's today, each
// printed to env.err as "okrd: warning: cadence: ..."; a failure to plan is
// printed as a warning too (the import itself is done or refused already).
void PrintCadenceWarnings(const Organisation& org, Store* store,
                          const CliEnv& env);

}  // namespace okr

#endif  // OKR_CLI_CADENCE_WARNINGS_H_
