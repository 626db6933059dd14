// Copyright 2026 The okrd Authors.

#include "cli/store_access.h"

#include "cli/example_spreadsheet.h"

namespace okr {

Result<std::unique_ptr<Store>> OpenStore(const CliEnv& env, bool create) {
  return Store::Open(env.db_path, {.create_if_missing = create});
}

Status LoadExampleInto(Store* store, const CliEnv& env) {
  OKR_ASSIGN_OR_RETURN(bool empty, store->IsEmpty());
  if (!empty) {
    return FailedPrecondition("database " + store->path() +
                              " already holds an organisation; the example "
                              "needs an empty one (choose another --db)");
  }
  OKR_ASSIGN_OR_RETURN(Organisation org,
                       LoadExampleSpreadsheet(env.clock->Today()));
  return store->Insert(org);
}

}  // namespace okr
