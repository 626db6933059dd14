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

TEST_CASE("a version 3 database file migrates to 4 and keeps its data",
          "[store]") {
  TempDir dir;
  const std::string path = dir.File("v3.db");
  {
    auto db = OpenRaw(path);
    const std::vector<Migration> v3(SchemaMigrations().begin(),
                                    SchemaMigrations().begin() + 3);
    REQUIRE(Migrate(db.get(), v3).ok());
    REQUIRE(*db->QueryInt("PRAGMA user_version") == 3);
    REQUIRE(db->Exec("INSERT INTO units VALUES ('acme', 'Acme', NULL, "
                     "'company', 'ana@acme.test', 0);"
                     "INSERT INTO people VALUES ('ana@acme.test', 'Ana', "
                     "'acme', NULL, 'Europe/Berlin', 0);"
                     "INSERT INTO people VALUES ('ben@acme.test', 'Ben', "
                     "'acme', 'ana@acme.test', '', 1);")
                .ok());
  }
  int64_t revision_before = 0;
  {
    auto db = OpenRaw(path);
    revision_before = *db->QueryInt("SELECT value FROM revision");
  }
  auto store = Store::Open(path, {});
  REQUIRE(store.ok());
  {
    auto db = OpenRaw(path);
    CHECK(*db->QueryInt("PRAGMA user_version") == 4);
    CHECK(*db->QueryInt("SELECT value FROM revision") == revision_before);
  }
  Result<Organisation> org = (*store)->Load();
  REQUIRE(org.ok());
  REQUIRE(org->people.size() == 2);
  CHECK(org->units[0].lead_email == "ana@acme.test");
  CHECK(org->people[0].time_zone == "Europe/Berlin");
  CHECK(org->people[1].manager_email == "ana@acme.test");
  CHECK(org->people[1].one_on_one.empty());
  CHECK(org->units[0].review.empty());

  // The new columns store and load the overrides.
  Organisation changed = *org;
  changed.people[1].one_on_one = {.weekday = 1, .start_minute = 870,
                                  .length_minutes = 45, .interval_weeks = 2};
  changed.units[0].review = {.length_minutes = 60};
  auto fresh = Store::Open(dir.File("v4.db"), {.create_if_missing = true});
  REQUIRE(fresh.ok());
  REQUIRE((*fresh)->Insert(changed).ok());
  Result<Organisation> again = (*fresh)->Load();
  REQUIRE(again.ok());
  CHECK(*again == changed);
}

TEST_CASE("the schema refuses overrides out of range", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir.File("r.db"), {.create_if_missing = true});
  REQUIRE(store.ok());
  auto db = OpenRaw(dir.File("r.db"));
  REQUIRE(db->Exec("INSERT INTO people (email, name, position) "
                   "VALUES ('a@b.test', 'A', 0)").ok());
  CHECK_FALSE(db->Exec("UPDATE people SET one_on_one_minutes = 241").ok());
  CHECK_FALSE(db->Exec("UPDATE people SET one_on_one_weeks = 0").ok());
  CHECK_FALSE(db->Exec("UPDATE people SET one_on_one_weekday = 7").ok());
  CHECK(db->Exec("UPDATE people SET one_on_one_start_minute = 1439").ok());
}

}  // namespace
}  // namespace okr
