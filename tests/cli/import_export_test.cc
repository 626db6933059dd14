// Copyright 2026 The okrd Authors.
//
// okrd import and okrd export end to end on real files: the round trips the
// importer promises, and refusals that leave the database untouched.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/store/sqlite.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ProcessResult;
using testing::ReadFileOrEmpty;
using testing::TempDir;

ProcessResult Okrd(std::vector<std::string> args) {
  args.insert(args.begin(), OKRD_BINARY);
  return testing::RunProcess(args, {"OKRD_NOW=2026-11-24T10:00:00Z", "OKRD_DB="});
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

int64_t Revision(const std::string& db) {
  auto raw = Database::Open(db, Database::Mode::kReadOnly);
  REQUIRE(raw.ok());
  return *(*raw)->QueryInt("SELECT value FROM revision");
}

// The dry run of re-importing `file` into `db` lists no change.
void ExpectNoChanges(const std::string& db, const std::string& file) {
  ProcessResult dry = Okrd({"import", file, "--dry-run", "--db", db});
  INFO(dry.out << dry.err);
  REQUIRE(dry.exit_code == 0);
  CHECK(Contains(dry.out, "dry run: nothing was written"));
  for (const char* op : {"\n+ ", "\n~ ", "\n- "}) {
    CHECK_FALSE(Contains("\n" + dry.out, op));
  }
}

TEST_CASE("export then import changes nothing, in every format", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  for (const char* name : {"plan.xlsx", "plan.csv", "plan.xml"}) {
    DYNAMIC_SECTION(name) {
      const std::string file = dir.File(name);
      ProcessResult out = Okrd({"export", "-o", file, "--db", db});
      INFO(out.err);
      REQUIRE(out.exit_code == 0);
      ExpectNoChanges(db, file);
      const int64_t before = Revision(db);
      ProcessResult real = Okrd({"import", file, "--db", db});
      CHECK(real.exit_code == 0);
      CHECK(Revision(db) == before);  // Nothing to write, nothing written.
    }
  }
}

TEST_CASE("export, import into a new database, export: identical bytes",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("a.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  for (const char* ext : {"csv", "xml"}) {
    DYNAMIC_SECTION(ext) {
      const std::string first = dir.File(std::string("first.") + ext);
      const std::string second = dir.File(std::string("second.") + ext);
      const std::string fresh = dir.File(std::string("fresh-") + ext + ".db");
      REQUIRE(Okrd({"export", "-o", first, "--db", db}).exit_code == 0);
      ProcessResult in = Okrd({"import", first, "--db", fresh});
      INFO(in.out << in.err);
      REQUIRE(in.exit_code == 0);
      REQUIRE(Okrd({"export", "-o", second, "--db", fresh}).exit_code == 0);
      CHECK(ReadFileOrEmpty(first) == ReadFileOrEmpty(second));
      CHECK(ReadFileOrEmpty(first).size() > 1000);
    }
  }
}

TEST_CASE("a file with errors is refused whole, with cell locations",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  const int64_t before = Revision(db);
  const std::string csv = dir.File("plan.csv");
  REQUIRE(testing::WriteFile(
      csv,
      "Cycle,Objective,Key result,Owner,Start,Target,Current\r\n"
      "2026-Q4,Ship the new app,Reach 1000 users,amara.okafor@halden-health."
      "example,0,1000,10\r\n"
      "2026-Q4,Ship the new app,Crash-free sessions,amara.okafor@halden-"
      "health.example,90,abc,95\r\n"));
  ProcessResult r = Okrd({"import", csv, "--db", db});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "plan.csv:3:"));
  CHECK(Contains(r.err, "abc"));
  CHECK(Contains(r.err, "the database was not changed"));
  CHECK(Revision(db) == before);
}

TEST_CASE("import adds, re-import matches by title, prune removes", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  const std::string csv = dir.File("extra.csv");
  const std::string owner = "amara.okafor@halden-health.example";
  REQUIRE(testing::WriteFile(
      csv, "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current\n"
           "2026-Q4,halden,Open a Madrid office,Sign the lease," + owner +
           ",0,1,0\n"
           "2026-Q4,halden,Open a Madrid office,Hire 5 people," + owner +
           ",0,5,2\n"));
  ProcessResult first = Okrd({"import", csv, "--db", db});
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(Contains(first.out, "objective"));
  ExpectNoChanges(db, csv);  // No ID column: matched by cycle, owner, title.
  ProcessResult prune = Okrd({"import", csv, "--prune", "--dry-run", "--db", db});
  CHECK(prune.exit_code == 0);
  CHECK(Contains(prune.out, "\n- objective "));  // 2026-Q4 objectives go.
  CHECK(Contains(prune.out, "dry run"));
}

TEST_CASE("several files in one import: each file's derived keys match",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  const std::string owner = "amara.okafor@halden-health.example";
  const std::string header =
      "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current";
  // Stored with IDs that no derivation would produce.
  const std::string with_ids = dir.File("ids.csv");
  REQUIRE(testing::WriteFile(
      with_ids, "Objective ID,KR ID," + header + "\n" +
                    "O-LISBON,K-LISBON,2026-Q4,halden,Open a Lisbon office,"
                    "Sign the lease," + owner + ",0,1,0\n" +
                    "O-MADRID,K-MADRID,2026-Q4,halden,Open a Madrid office,"
                    "Hire 5 people," + owner + ",0,5,2\n"));
  REQUIRE(Okrd({"import", with_ids, "--db", db}).exit_code == 0);
  // Then two files at once: the first keeps an ID, the second has none and
  // must take the stored keys by cycle, owner and title.
  const std::string first = dir.File("first.csv");
  REQUIRE(testing::WriteFile(
      first, "Objective ID,KR ID," + header + "\n" +
                 "O-LISBON,K-LISBON,2026-Q4,halden,Open a Lisbon office,"
                 "Sign the lease," + owner + ",0,1,0\n"));
  const std::string second = dir.File("second.csv");
  REQUIRE(testing::WriteFile(
      second, header + "\n2026-Q4,halden,Open a MADRID office,Hire 5 people," +
                  owner + ",0,5,2\n"));
  // In either order: the flags of the file without IDs follow its items.
  for (const auto& [a, b] : {std::pair{first, second}, std::pair{second, first}}) {
    ProcessResult dry = Okrd({"import", a, b, "--dry-run", "--db", db});
    INFO(a << " then " << b << "\n" << dry.out << dry.err);
    REQUIRE(dry.exit_code == 0);
    CHECK_FALSE(Contains(dry.out, "+ objective"));
    CHECK_FALSE(Contains(dry.out, "+ key result"));
  }
}

TEST_CASE("export refuses what it cannot write", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  CHECK(Okrd({"export", "--db", db}).exit_code == 2);
  CHECK(Okrd({"export", "-o", dir.File("x.pdf"), "--db", db}).exit_code == 2);
  ProcessResult cycle =
      Okrd({"export", "-o", dir.File("x.xml"), "--cycle", "1999-Q1", "--db", db});
  CHECK(cycle.exit_code == 1);
  CHECK(cycle.err == "okrd: no cycle \"1999-Q1\"\n");
}

TEST_CASE("the configured deadline stops a CSV import, database untouched",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  const int64_t before = Revision(db);
  // 1 ms is the least the config takes; reading 20,000 rows takes longer,
  // and the reader asks the clock every 4096 fields.
  const std::string config = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(config, "[limits]\ndeadline_ms = 1\n"));
  const std::string csv = dir.File("plan.csv");
  const std::string owner = "amara.okafor@halden-health.example";
  std::string text = "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current\n";
  for (int i = 0; i < 20000; ++i) {
    text += "2026-Q4,halden,Objective " + std::to_string(i / 4) + ",Result " +
            std::to_string(i) + "," + owner + ",0,10,3\n";
  }
  REQUIRE(testing::WriteFile(csv, text));
  ProcessResult r = Okrd({"--config", config, "--db", db, "import", csv});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "plan.csv:"));
  CHECK(Contains(r.err, ": reading took longer than deadline_ms (1)"));
  CHECK(Revision(db) == before);
}

}  // namespace
}  // namespace okr
