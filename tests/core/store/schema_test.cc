// Copyright 2026 The okrd Authors.

#include "core/store/schema.h"

#include <catch2/catch.hpp>

#include "core/store/store.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::TempDir;

std::unique_ptr<Database> OpenRaw(const std::string& path) {
  auto db = Database::Open(path, Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  return std::move(db).value();
}

TEST_CASE("a new database gets the latest schema version", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir.File("a.db"), {.create_if_missing = true});
  REQUIRE(store.ok());
  auto db = OpenRaw(dir.File("a.db"));
  CHECK(*db->QueryInt("PRAGMA user_version") == LatestSchemaVersion());
  CHECK(LatestSchemaVersion() == int(SchemaMigrations().size()));
}

TEST_CASE("migrations run forward in order and keep data", "[store]") {
  TempDir dir;
  auto db = OpenRaw(dir.File("m.db"));
  const std::vector<Migration> v1 = {
      {1, "CREATE TABLE goals (key TEXT PRIMARY KEY, title TEXT);"}};
  REQUIRE(Migrate(db.get(), v1).ok());
  REQUIRE(db->Exec("INSERT INTO goals VALUES ('g1', 'Grow')").ok());
  const std::vector<Migration> v2 = {
      v1[0],
      {2, "ALTER TABLE goals ADD COLUMN weight REAL NOT NULL DEFAULT 1;"}};
  REQUIRE(Migrate(db.get(), v2).ok());
  CHECK(*db->QueryInt("PRAGMA user_version") == 2);
  CHECK(*db->QueryText("SELECT title || ':' || weight FROM goals") ==
        "Grow:1.0");
  // Running again is a no-op.
  REQUIRE(Migrate(db.get(), v2).ok());
  CHECK(*db->QueryInt("PRAGMA user_version") == 2);
}

TEST_CASE("a failing migration leaves the previous version whole", "[store]") {
  TempDir dir;
  auto db = OpenRaw(dir.File("f.db"));
  const std::vector<Migration> good = {{1, "CREATE TABLE a (x);"}};
  REQUIRE(Migrate(db.get(), good).ok());
  const std::vector<Migration> bad = {
      good[0], {2, "CREATE TABLE b (y); INSERT INTO missing VALUES (1);"}};
  Status s = Migrate(db.get(), bad);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("migration to schema version 2 failed") == 0);
  CHECK(*db->QueryInt("PRAGMA user_version") == 1);
  CHECK(*db->QueryInt(
            "SELECT count(*) FROM sqlite_master WHERE name = 'b'") == 0);
}

TEST_CASE("a database from a newer okrd is refused untouched", "[store]") {
  TempDir dir;
  const std::string path = dir.File("new.db");
  {
    auto store = Store::Open(path, {.create_if_missing = true});
    REQUIRE(store.ok());
  }
  {
    auto db = OpenRaw(path);
    REQUIRE(db->Exec("PRAGMA journal_mode = DELETE").ok());
    REQUIRE(db->Exec("PRAGMA user_version = " +
                     std::to_string(LatestSchemaVersion() + 1))
                .ok());
  }
  const std::string before = testing::ReadFileOrEmpty(path);
  auto store = Store::Open(path, {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kFailedPrecondition);
  CHECK(store.status().message().find("written by a newer okrd") !=
        std::string::npos);
  CHECK(testing::ReadFileOrEmpty(path) == before);
}

}  // namespace
}  // namespace okr
