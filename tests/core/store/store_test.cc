// Copyright 2026 The okrd Authors.

#include "core/store/store.h"

#include <catch2/catch.hpp>
#include <limits>
#include <thread>

#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::SmallOrganisation;
using testing::TempDir;

std::unique_ptr<Store> OpenNew(const std::string& path) {
  auto store = Store::Open(path, {.create_if_missing = true});
  REQUIRE(store.ok());
  return std::move(store).value();
}

// Check-ins come back with ids; compare everything else.
Organisation WithoutIds(Organisation org) {
  for (CheckIn& c : org.check_ins) c.id = 0;
  return org;
}

TEST_CASE("an organisation round-trips through a real file", "[store]") {
  TempDir dir;
  const std::string path = dir.File("okrd.db");
  const Organisation org = SmallOrganisation();
  {
    auto store = OpenNew(path);
    CHECK(*store->IsEmpty());
    REQUIRE(store->Insert(org).ok());
    CHECK_FALSE(*store->IsEmpty());
  }
  auto reopened = Store::Open(path, {});
  REQUIRE(reopened.ok());
  auto loaded = (*reopened)->Load();
  REQUIRE(loaded.ok());
  CHECK(WithoutIds(*loaded) == org);
  CHECK(loaded->check_ins[0].id > 0);
  CHECK(loaded->check_ins[1].id > loaded->check_ins[0].id);
  CHECK((*reopened)->CheckIntegrity().ok());
}

TEST_CASE("connections use WAL, full sync and foreign keys", "[store]") {
  TempDir dir;
  auto store = OpenNew(dir.File("x.db"));
  auto db = Database::Open(dir.File("x.db"), Database::Mode::kReadOnly);
  REQUIRE(db.ok());
  CHECK(*(*db)->QueryText("PRAGMA journal_mode") == "wal");
}

TEST_CASE("a missing file is not created unless asked", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir.File("none.db"), {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kNotFound);
  CHECK(store.status().message().find("okrd init") != std::string::npos);
  CHECK(testing::ReadFileOrEmpty(dir.File("none.db")).empty());
}

TEST_CASE("a file that is not a database is refused", "[store]") {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  const std::string text(4096, 'x');
  REQUIRE(testing::WriteFile(path, text));
  auto store = Store::Open(path, {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kCorruption);
  CHECK(testing::ReadFileOrEmpty(path) == text);
}

TEST_CASE("a failed insert leaves the database exactly as it was", "[store]") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  const Organisation first = SmallOrganisation();
  REQUIRE(store->Insert(first).ok());

  // A second organisation whose units and people are new, but whose last
  // key result collides with a stored one: the failure comes late.
  Organisation second;
  second.units = {{.key = "other", .name = "Other Co", .level = Level::kCompany}};
  second.people = {{.email = "zed@other.test", .name = "Zed",
                    .unit_key = "other"}};
  second.cycles = {{.name = "2027-Q2", .start = {2027, 4, 1},
                    .end = {2027, 6, 30}}};
  second.objectives = {{.key = "o-other", .title = "Other",
                        .level = Level::kCompany, .unit_key = "other",
                        .cycle = "2027-Q2"}};
  second.key_results = {{.key = "kr-eng-1-1", .objective_key = "o-other",
                         .title = "Clash"}};
  Status s = store->Insert(second);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kAlreadyExists);
  CHECK(s.message().find("key result \"kr-eng-1-1\"") == 0);
  CHECK(WithoutIds(*store->Load()) == first);
}

TEST_CASE("an invalid organisation is rejected before any write", "[store]") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  Organisation org = SmallOrganisation();
  org.objectives[1].parent = LinkTarget{TargetKind::kObjective, "o-missing"};
  Status s = store->Insert(org);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(*store->IsEmpty());
}

TEST_CASE("a check-in appends history and moves the KR in one step",
          "[store]") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  REQUIRE(store->Insert(SmallOrganisation()).ok());
  CheckIn c{.target_key = "kr-co-1-1", .at = 1799100000,
            .author_email = "bo@acme.test", .value = 10.5,
            .confidence = 0.55, .learned = "'; DROP TABLE check_ins; --"};
  auto stored = store->AddCheckIn(c);
  REQUIRE(stored.ok());
  CHECK(stored->id > 0);
  auto org = store->Load();
  REQUIRE(org.ok());
  CHECK(org->key_results[0].current == 10.5);
  REQUIRE(org->check_ins.size() == 3);
  CHECK(org->check_ins.back() == *stored);
}

TEST_CASE("an import plan lands whole, removed KRs keep their history",
          "[store]") {
  TempDir dir;
  const std::string path = dir.File("okrd.db");
  auto store = OpenNew(path);
  const Organisation stored = SmallOrganisation();
  REQUIRE(store->Insert(stored).ok());
  Organisation file = stored;
  file.check_ins.clear();
  file.key_results[0].current = 11;
  file.key_results.erase(file.key_results.begin());  // Drop kr-co-1-1...
  file.objectives[1].parent = LinkTarget{TargetKind::kObjective, "o-co-1"};
  file.key_results.push_back({.key = "kr-co-1-9", .objective_key = "o-co-1",
                              .title = "New", .current = 4});
  auto plan = PlanImport(*store->Load(), file,
                         {.prune = true, .now = 1800000000});
  INFO(plan.status().message());
  REQUIRE(plan.ok());
  REQUIRE(store->ApplyImport(*plan).ok());
  auto after = store->Load();
  REQUIRE(after.ok());
  CHECK(WithoutIds(*after).key_results == plan->merged.key_results);
  CHECK(after->objectives == plan->merged.objectives);
  // ...whose check-in is out of the snapshot but still in the file.
  for (const CheckIn& c : after->check_ins) CHECK(c.target_key != "kr-co-1-1");
  auto raw = Database::Open(path, Database::Mode::kReadOnly);
  CHECK(*(*raw)->QueryInt("SELECT count(*) FROM check_ins WHERE target_key "
                          "= 'kr-co-1-1'") == 1);
  CHECK(*(*raw)->QueryInt("SELECT count(*) FROM check_ins WHERE source = "
                          "'import' AND target_key = 'kr-co-1-9'") == 1);
}

TEST_CASE("a failing import plan leaves the database as it was", "[store]") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  REQUIRE(store->Insert(SmallOrganisation()).ok());
  const Organisation before = *store->Load();
  ImportPlan bad;
  bad.merged = before;
  bad.merged.key_results.push_back(bad.merged.key_results[0]);  // Duplicate.
  bad.new_check_ins.push_back({.target_key = "kr-co-1-1", .value = 1});
  Status s = store->ApplyImport(bad);
  CHECK(s.code() == StatusCode::kAlreadyExists);
  CHECK(*store->Load() == before);
}

TEST_CASE("the revision grows with every change from any connection",
          "[store]") {
  TempDir dir;
  const std::string path = dir.File("okrd.db");
  auto store = OpenNew(path);
  const int64_t empty = *store->Revision();
  REQUIRE(store->Insert(SmallOrganisation()).ok());
  const int64_t filled = *store->Revision();
  CHECK(filled > empty);
  CHECK(*store->Revision() == filled);  // Reading changes nothing.
  REQUIRE_FALSE(store->AddCheckIn({.target_key = "nope"}).ok());
  CHECK(*store->Revision() == filled);  // Nor does a refused write.
  auto other = Store::Open(path, {});
  REQUIRE(other.ok());
  REQUIRE((*other)->AddCheckIn({.target_key = "kr-co-1-1", .value = 3}).ok());
  CHECK(*store->Revision() > filled);
}

TEST_CASE("bad check-ins are refused and change nothing", "[store]") {
  TempDir dir;
  auto store = OpenNew(dir.File("okrd.db"));
  REQUIRE(store->Insert(SmallOrganisation()).ok());
  const Organisation before = *store->Load();
  auto expect = [&](CheckIn c, StatusCode code, const std::string& message) {
    auto r = store->AddCheckIn(c);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == code);
    CHECK(r.status().message() == message);
  };
  expect({.target_key = "kr-nope", .value = 1}, StatusCode::kNotFound,
         "no key result \"kr-nope\"");
  expect({.target_key = "kr-co-1-1", .author_email = "who@x.test", .value = 1},
         StatusCode::kNotFound, "no person \"who@x.test\"");
  expect({.target_key = "kr-co-1-1", .confidence = 1.01},
         StatusCode::kInvalidArgument, "confidence must be between 0 and 1");
  expect({.target_key = "kr-co-1-1",
          .value = std::numeric_limits<double>::infinity()},
         StatusCode::kInvalidArgument, "value must be a finite number");
  expect({.target_kind = TargetKind::kObjective, .target_key = "o-co-1",
          .value = 3},
         StatusCode::kInvalidArgument,
         "only a key result check-in carries a value");
  CHECK(*store->Load() == before);
}

TEST_CASE("check-in history cannot be edited or deleted", "[store]") {
  TempDir dir;
  const std::string path = dir.File("okrd.db");
  auto store = OpenNew(path);
  REQUIRE(store->Insert(SmallOrganisation()).ok());
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  REQUIRE(db.ok());
  Status update = (*db)->Exec("UPDATE check_ins SET value = 0");
  CHECK(update.message().find("check-ins are append-only") != std::string::npos);
  Status del = (*db)->Exec("DELETE FROM check_ins");
  CHECK(del.message().find("check-ins are append-only") != std::string::npos);
  CHECK(*(*db)->QueryInt("SELECT count(*) FROM check_ins") == 2);
}

TEST_CASE("writers from two connections never fail with busy", "[store]") {
  TempDir dir;
  const std::string path = dir.File("okrd.db");
  auto a = OpenNew(path);
  REQUIRE(a->Insert(SmallOrganisation()).ok());
  auto b = Store::Open(path, {});  // A second "process".
  REQUIRE(b.ok());
  constexpr int kPerThread = 50;
  std::vector<Status> failures[4];
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    Store* store = (t % 2 == 0) ? a.get() : b->get();
    threads.emplace_back([store, t, &failures] {
      for (int i = 0; i < kPerThread; ++i) {
        auto r = store->AddCheckIn({.target_key = "kr-co-1-1",
                                    .at = 1799200000 + i,
                                    .value = double(t * 1000 + i)});
        if (!r.ok()) failures[t].push_back(r.status());
        // Readers run alongside the writers.
        if (i % 10 == 0 && !store->Load().ok()) {
          failures[t].push_back(Internal("load failed"));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (auto& f : failures) CHECK(f.empty());
  auto org = a->Load();
  REQUIRE(org.ok());
  CHECK(org->check_ins.size() == 2 + 4 * kPerThread);
  CHECK(a->CheckIntegrity().ok());
}

}  // namespace
}  // namespace okr
