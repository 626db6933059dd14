// Copyright 2026 The okrd Authors.
//
// The database schema as an ordered list of forward migrations. The schema
// version lives in PRAGMA user_version: version N means migrations 1..N have
// been applied. Migrations are append-only: never edit a released one, add
// the next.

#ifndef OKR_CORE_STORE_SCHEMA_H_
#define OKR_CORE_STORE_SCHEMA_H_

#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/store/sqlite.h"

namespace okr {

struct Migration {
  int version;           // 1, 2, ... in order, no gaps.
  std::string_view sql;  // Statements to run; user_version is set for you.
};

// okrd's migrations, oldest first.
const std::vector<Migration>& SchemaMigrations();
// The version this build writes (the last migration's).
int LatestSchemaVersion();

// Brings `db` up to the last of `migrations`, each step in its own
// BEGIN IMMEDIATE transaction so a crash leaves a whole version. Refuses with
// FailedPrecondition a database whose version is newer than the list knows
// ("written by a newer okrd"), touching nothing.
Status Migrate(Database* db, const std::vector<Migration>& migrations);

}  // namespace okr

#endif  // OKR_CORE_STORE_SCHEMA_H_
