// Copyright 2026 The okrd Authors.

#include "core/store/backup.h"

#include <dirent.h>
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/store/schema.h"
#include "core/store/store.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::SmallOrganisation;
using testing::TempDir;

std::unique_ptr<Store> OpenWithOrganisation(const std::string& path) {
  auto store = Store::Open(path, {.create_if_missing = true});
  REQUIRE(store.ok());
  REQUIRE((*store)->Insert(SmallOrganisation()).ok());
  return std::move(store).value();
}

Result<CheckIn> AddOne(Store* store, int i) {
  return store->AddCheckIn({.target_key = "kr-co-1-1",
                            .at = 1799200000 + i,
                            .value = double(i),
                            .learned = std::string(400, 'a' + i % 26)});
}

std::unique_ptr<Database> OpenCopy(const std::string& path) {
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  REQUIRE(db.ok());
  return std::move(db).value();
}

std::set<std::string> FileNames(const std::string& dir) {
  std::set<std::string> names;
  DIR* d = opendir(dir.c_str());
  REQUIRE(d != nullptr);
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") names.insert(name);
  }
  closedir(d);
  return names;
}

TEST_CASE("a backup is one checked, self-contained, private file", "[backup]") {
  TempDir dir;
  auto store = OpenWithOrganisation(dir.File("okrd.db"));
  auto info = BackupDatabase(dir.File("okrd.db"), dir.File("copy.db"), {});
  REQUIRE(info.ok());
  CHECK(info->schema_version == LatestSchemaVersion());
  CHECK(info->bytes > 0);
  // Rollback journal, not WAL: file format bytes 18 and 19 are 1.
  const std::string bytes = testing::ReadFileOrEmpty(dir.File("copy.db"));
  REQUIRE(bytes.size() == static_cast<size_t>(info->bytes));
  CHECK(bytes[18] == 1);
  CHECK(bytes[19] == 1);
  struct stat st;
  REQUIRE(stat(dir.File("copy.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(FileNames(dir.path()).count("copy.db-wal") == 0);
  // Restored into a store, it is the same organisation.
  auto copy = Store::Open(dir.File("copy.db"), {});
  REQUIRE(copy.ok());
  CHECK(*(*copy)->Load() == *store->Load());
}

TEST_CASE("a backup refuses what it must not overwrite or copy", "[backup]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  auto store = OpenWithOrganisation(db);
  const std::set<std::string> before = FileNames(dir.path());
  CHECK(BackupDatabase(dir.File("none.db"), dir.File("x.db"), {})
            .status()
            .code() == StatusCode::kNotFound);
  CHECK(BackupDatabase(db, dir.path(), {}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(BackupDatabase(db, db, {.overwrite = true}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(BackupDatabase(db, dir.File("no/such/dir.db"), {}).status().code() ==
        StatusCode::kIoError);
  CHECK(FileNames(dir.path()) == before);

  REQUIRE(BackupDatabase(db, dir.File("copy.db"), {}).ok());
  auto again = BackupDatabase(db, dir.File("copy.db"), {});
  CHECK(again.status().code() == StatusCode::kAlreadyExists);
  CHECK(again.status().message() ==
        dir.File("copy.db") + " exists (pass --force to replace it)");
  CHECK(BackupDatabase(db, dir.File("copy.db"), {.overwrite = true}).ok());

  // A live database is never replaced, even with overwrite.
  auto other = OpenWithOrganisation(dir.File("other.db"));
  CHECK(BackupDatabase(db, dir.File("other.db"), {.overwrite = true})
            .status()
            .code() == StatusCode::kInvalidArgument);

  // Any SQLite file is not an okrd database.
  {
    auto plain =
        Database::Open(dir.File("plain.db"), Database::Mode::kReadWriteCreate);
    REQUIRE(plain.ok());
    REQUIRE((*plain)->Exec("CREATE TABLE t (x)").ok());
  }
  CHECK(BackupDatabase(dir.File("plain.db"), dir.File("p.db"), {})
            .status()
            .code() == StatusCode::kFailedPrecondition);
  for (const std::string& name : FileNames(dir.path())) {
    CHECK(name.find(".tmp-") == std::string::npos);
  }
}

TEST_CASE(
    "a backup taken while check-ins are written holds every committed "
    "one",
    "[backup]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  auto store = OpenWithOrganisation(db);
  std::mutex mu;
  std::vector<int64_t> committed;  // Ids, in commit order. Guarded by mu.
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    for (int i = 0; !stop.load(); ++i) {
      auto r = AddOne(store.get(), i);
      if (!r.ok()) {
        ++failures;
        continue;
      }
      std::lock_guard<std::mutex> lock(mu);
      committed.push_back(r->id);
    }
  });
  constexpr int kBackups = 5;
  for (int b = 0; b < kBackups; ++b) {
    // Let some check-ins land first.
    while (true) {
      std::lock_guard<std::mutex> lock(mu);
      if (committed.size() >= static_cast<size_t>(20 * (b + 1))) break;
    }
    std::vector<int64_t> before;
    {
      std::lock_guard<std::mutex> lock(mu);
      before = committed;
    }
    const std::string copy = dir.File("copy-" + std::to_string(b) + ".db");
    auto info = BackupDatabase(db, copy, {});
    INFO(info.status().message());
    REQUIRE(info.ok());
    auto copy_db = OpenCopy(copy);
    CHECK(CheckDatabaseIntegrity(copy_db.get()).ok());
    CHECK(*copy_db->QueryText("PRAGMA integrity_check") == "ok");
    std::set<int64_t> ids;
    auto stmt = copy_db->Prepare("SELECT id FROM check_ins");
    REQUIRE(stmt.ok());
    while (*stmt->Step()) ids.insert(stmt->ColumnInt(0));
    size_t missing = 0;
    for (int64_t id : before) missing += ids.count(id) == 0;
    CHECK(missing == 0);
    CHECK(ids.size() >= before.size() + 2);  // Plus the fixture's two.
  }
  stop = true;
  writer.join();
  CHECK(failures == 0);
  CHECK(store->CheckIntegrity().ok());
}

TEST_CASE("restore replaces the database with a checked backup", "[backup]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  Organisation saved;
  int64_t revision_before = 0;
  {
    auto store = OpenWithOrganisation(db);
    saved = *store->Load();
    REQUIRE(BackupDatabase(db, dir.File("backup.db"), {}).ok());
    for (int i = 0; i < 10; ++i) REQUIRE(AddOne(store.get(), i).ok());
    revision_before = *store->Revision();

    // While the store (the service) has it open, restore refuses.
    auto busy = RestoreDatabase(dir.File("backup.db"), db, {.overwrite = true});
    CHECK(busy.status().code() == StatusCode::kUnavailable);
    CHECK(busy.status().message().find("stop the okrd service") !=
          std::string::npos);
    CHECK(store->Load()->check_ins.size() == saved.check_ins.size() + 10);
  }
  auto refused = RestoreDatabase(dir.File("backup.db"), db, {});
  CHECK(refused.status().code() == StatusCode::kAlreadyExists);

  auto info = RestoreDatabase(dir.File("backup.db"), db, {.overwrite = true});
  INFO(info.status().message());
  REQUIRE(info.ok());
  auto store = Store::Open(db, {});
  REQUIRE(store.ok());
  CHECK(*(*store)->Load() == saved);
  CHECK(*(*store)->Revision() > revision_before);
  CHECK((*store)->CheckIntegrity().ok());
  CHECK(*OpenCopy(db)->QueryText("PRAGMA journal_mode") == "wal");

  // Into a missing file: created.
  REQUIRE(RestoreDatabase(dir.File("backup.db"), dir.File("new.db"), {}).ok());
  CHECK(*(*Store::Open(dir.File("new.db"), {}))->Load() == saved);
}

TEST_CASE("restore refuses a damaged or newer backup and keeps the database",
          "[backup]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  Organisation current;
  {
    auto store = OpenWithOrganisation(db);
    for (int i = 0; i < 50; ++i) REQUIRE(AddOne(store.get(), i).ok());
    current = *store->Load();
  }
  REQUIRE(BackupDatabase(db, dir.File("good.db"), {}).ok());

  // Damage the last page of a copy.
  std::string bytes = testing::ReadFileOrEmpty(dir.File("good.db"));
  REQUIRE(bytes.size() > 3 * 4096);
  for (size_t i = bytes.size() - 4096; i < bytes.size(); ++i) bytes[i] = '\xff';
  REQUIRE(testing::WriteFile(dir.File("damaged.db"), bytes));
  auto damaged =
      RestoreDatabase(dir.File("damaged.db"), db, {.overwrite = true});
  CHECK(damaged.status().code() == StatusCode::kCorruption);

  // A schema from the future.
  REQUIRE(BackupDatabase(db, dir.File("newer.db"), {}).ok());
  {
    auto newer =
        Database::Open(dir.File("newer.db"), Database::Mode::kReadWrite);
    REQUIRE(newer.ok());
    REQUIRE((*newer)
                ->Exec("PRAGMA user_version = " +
                       std::to_string(LatestSchemaVersion() + 1))
                .ok());
  }
  auto future = RestoreDatabase(dir.File("newer.db"), db, {.overwrite = true});
  CHECK(future.status().code() == StatusCode::kFailedPrecondition);

  CHECK(RestoreDatabase(dir.File("none.db"), db, {.overwrite = true})
            .status()
            .code() == StatusCode::kNotFound);
  CHECK(RestoreDatabase(db, db, {.overwrite = true}).status().code() ==
        StatusCode::kInvalidArgument);
  auto store = Store::Open(db, {});
  REQUIRE(store.ok());
  CHECK(*(*store)->Load() == current);
}

}  // namespace
}  // namespace okr
