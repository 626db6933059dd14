// Copyright 2026 The okrd Authors.
//
// The web import for admins:
//
//   GET  /admin/import          the upload form
//   POST /admin/import          multipart/form-data: csrf_token, file
//                               -> the dry run: every change and every
//                               error with its file:sheet!cell, and a
//                               confirm button when the file is acceptable
//   POST /admin/import/confirm  form: csrf_token, id -> applies it
//
// Only admins (Auth::Identify) pass; anonymous callers are sent to /login,
// others get 403. Every POST needs Auth::CheckWrite (CSRF + Origin). The
// upload is kept server-side in options.upload_dir under a random id for
// upload_ttl_seconds (the confirm form carries only the id; it is never
// uploaded again) and belongs to the admin who sent it. Reading, planning
// and applying run on one job thread of this module (default 8 MiB stack),
// never on a CivetWeb worker: the handler waits for the job. The planner is
// the CLI's (cli/ wires it: core never includes importers/), with the same
// Limits. A rejected file leaves the database untouched; an accepted one is
// applied in one transaction (Store::ApplyImport), planned again against
// the data as it is at confirmation.
//
// Threads: handlers are thread-safe; store, clock and auth must outlive the
// router and any server using it.

#ifndef OKR_CORE_WEB_ADMIN_IMPORT_H_
#define OKR_CORE_WEB_ADMIN_IMPORT_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/auth.h"
#include "core/base/clock.h"
#include "core/base/limits.h"
#include "core/model/change_set.h"
#include "core/server/router.h"
#include "core/store/store.h"

namespace okr::web {

// What reading and planning a file gave.
struct ImportPreview {
  // "plan.xlsx:OKRs!D7: error: ..." lines; any error refuses the file.
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::optional<ImportPlan> plan;  // Set when there are no errors.
};

// Reads the file at `path` and plans its import into `stored` at `now`
// within `limits`. Non-OK when the file cannot be read at all (a limit, not
// a spreadsheet). Runs on the import job thread.
using ImportPlanner = std::function<Result<ImportPreview>(
    const std::string& path, const Organisation& stored, UnixSeconds now,
    const Limits& limits)>;

struct AdminImportOptions {
  ImportPlanner planner;   // Required.
  std::string upload_dir;  // Created (0700) when missing.
  int64_t upload_ttl_seconds = 3600;
  Limits limits;
};

void AddAdminImportRoutes(Router* router, Store* store, const Clock* clock,
                          const Auth* auth, AdminImportOptions options);

}  // namespace okr::web

namespace okr {
using web::AddAdminImportRoutes;  // The name cli/ wires.
}  // namespace okr

#endif  // OKR_CORE_WEB_ADMIN_IMPORT_H_
