// Copyright 2026 The okrd Authors.
//
// How commands reach the store: open the configured database, load the
// example organisation. Shared by init, demo, serve, status and checkin.

#ifndef OKR_CLI_STORE_ACCESS_H_
#define OKR_CLI_STORE_ACCESS_H_

#include <memory>

#include "cli/command.h"
#include "core/store/store.h"

namespace okr {

// Opens env.db_path; creates it (and its schema) only when `create`.
Result<std::unique_ptr<Store>> OpenStore(const CliEnv& env, bool create);

// Loads the example organisation, dated around env.clock's today, into an
// empty store; FailedPrecondition if the store already holds data.
Status LoadExampleInto(Store* store, const CliEnv& env);

}  // namespace okr

#endif  // OKR_CLI_STORE_ACCESS_H_
