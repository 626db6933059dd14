// Copyright 2026 The okrd Authors.
//
// The okrd binary as a user runs it: exit codes, messages, and the
// commands end to end on a real database file.

#include <signal.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/example/example_org.h"
#include "core/model/progress.h"
#include "core/store/schema.h"
#include "core/store/sqlite.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ProcessResult;
using testing::TempDir;

constexpr char kNow[] = "2026-11-24T10:00:00Z";

ProcessResult Okrd(std::vector<std::string> args,
                   std::vector<std::string> env = {}) {
  args.insert(args.begin(), OKRD_BINARY);
  // Defaults first: later entries (the caller's) win.
  env.insert(env.begin(), {std::string("OKRD_NOW=") + kNow, "OKRD_DB="});
  return testing::RunProcess(args, env);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("usage errors exit 2 with one okrd: line", "[cli]") {
  ProcessResult none = Okrd({});
  CHECK(none.exit_code == 2);
  CHECK(none.err.rfind("okrd: no command given\n", 0) == 0);
  ProcessResult unknown = Okrd({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(Contains(unknown.err, "okrd: unknown command 'frobnicate'"));
  ProcessResult flag = Okrd({"status", "--bogus"});
  CHECK(flag.exit_code == 2);
  CHECK(Contains(flag.err, "okrd: unknown option --bogus"));
  ProcessResult missing = Okrd({"status", "--cycle"});
  CHECK(missing.exit_code == 2);
  CHECK(Contains(missing.err, "okrd: --cycle needs a value"));
  CHECK(Okrd({"version", "extra"}).exit_code == 2);
  ProcessResult clock = testing::RunProcess({OKRD_BINARY, "version"},
                                            {"OKRD_NOW=yesterday"});
  CHECK(clock.exit_code == 2);
  CHECK(Contains(clock.err, "okrd: OKRD_NOW: \"yesterday\""));
}

TEST_CASE("help is available for every command", "[cli]") {
  ProcessResult top = Okrd({"--help"});
  CHECK(top.exit_code == 0);
  for (const char* name : {"init", "demo", "serve", "status", "checkin",
                           "version"}) {
    CHECK(Contains(top.out, std::string("  ") + name));
    ProcessResult help = Okrd({name, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.rfind(std::string("Usage: okrd ") + name, 0) == 0);
    CHECK(Contains(help.out, "--db PATH"));
  }
}

TEST_CASE("version names the schema", "[cli]") {
  ProcessResult v = Okrd({"version"});
  CHECK(v.exit_code == 0);
  CHECK(Contains(v.out, "okrd "));
  CHECK(Contains(v.out, "schema " + std::to_string(LatestSchemaVersion())));
  CHECK(Okrd({"--version"}).out == v.out);
}

TEST_CASE("operations on a missing database fail with exit 1", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("nothing.db");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"status", "--db", db},
        {"checkin", "kr-x", "--value", "1", "--db", db},
        {"serve", "--db", db, "--listen", "127.0.0.1:0"}}) {
    ProcessResult r = Okrd(args);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "okrd: no database at " + db +
                       " (create one with `okrd init` or pass --db)\n");
  }
}

TEST_CASE("init --example then status shows the example organisation",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  ProcessResult init = Okrd({"--db", db, "init", "--example"});
  REQUIRE(init.exit_code == 0);
  ProcessResult again = Okrd({"init", "--example", "--db", db});
  CHECK(again.exit_code == 1);
  CHECK(Contains(again.err, "already holds an organisation"));

  ProcessResult status = Okrd({"status"}, {"OKRD_DB=" + db});
  REQUIRE(status.exit_code == 0);
  const Organisation org = MakeExampleOrganisation({2026, 11, 24});
  const Cycle* cycle = CurrentCycle(org.cycles, {2026, 11, 24});
  REQUIRE(cycle != nullptr);
  CHECK(status.out.rfind(cycle->name + ": execution", 0) == 0);
  int shown = 0;
  for (const Objective& o : org.objectives) {
    if (o.cycle != cycle->name) continue;
    CHECK(Contains(status.out, o.title));
    CHECK(Contains(status.out, "[" + o.key + "]"));
    ++shown;
  }
  CHECK(shown >= 30);
  for (const Unit& u : org.units) CHECK(Contains(status.out, u.name));
  ProcessResult unknown_cycle = Okrd({"status", "--cycle", "1999-Q1", "--db", db});
  CHECK(unknown_cycle.exit_code == 1);
  CHECK(unknown_cycle.err == "okrd: no cycle \"1999-Q1\"\n");
}

TEST_CASE("the example spreadsheet moves to around any today", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("later.db");
  const std::vector<std::string> later = {"OKRD_NOW=2027-06-10T10:00:00Z",
                                          "OKRD_DB=" + db};
  REQUIRE(testing::RunProcess({OKRD_BINARY, "init", "--example"}, later)
              .exit_code == 0);
  ProcessResult status = testing::RunProcess({OKRD_BINARY, "status"}, later);
  REQUIRE(status.exit_code == 0);
  // 28 weeks later: the same cycle shape, renamed two quarters on, with
  // its history moved along.
  CHECK(status.out.rfind("2027-Q2: execution, 2027-04-12 to 2027-07-11", 0) == 0);
  auto raw = Database::Open(db, Database::Mode::kReadOnly);
  REQUIRE(raw.ok());
  const int64_t newest = *(*raw)->QueryInt("SELECT max(at) FROM check_ins");
  CHECK(newest <= *ParseUtcTimestamp("2027-06-10T10:00:00Z"));
  CHECK(newest > *ParseUtcTimestamp("2027-06-01T00:00:00Z"));
}

TEST_CASE("checkin records a value and reports progress", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  const Organisation org = MakeExampleOrganisation({2026, 11, 24});
  const KeyResult* kr = nullptr;
  for (const KeyResult& k : org.key_results) {
    if (k.kind == KrKind::kIncrease && k.target > k.start) { kr = &k; break; }
  }
  REQUIRE(kr != nullptr);
  const double half = kr->start + (kr->target - kr->start) / 2;
  ProcessResult ok = Okrd({"checkin", kr->key, "--value", std::to_string(half),
                           "--confidence", "80%", "--learned", "a, b; c\\n",
                           "--db", db});
  REQUIRE(ok.exit_code == 0);
  CHECK(Contains(ok.out, "for " + kr->key));
  CHECK(Contains(ok.out, "progress 50%"));
  CHECK(Contains(ok.out, "confidence 0.80 (on track)"));

  auto raw = Database::Open(db, Database::Mode::kReadOnly);
  REQUIRE(raw.ok());
  auto learned = (*raw)->QueryText(
      "SELECT learned || '|' || author_email || '|' || source FROM check_ins "
      "ORDER BY id DESC LIMIT 1");
  CHECK(*learned == "a, b; c\\n|" + kr->owner_email + "|cli");

  CHECK(Okrd({"checkin", "kr-nope", "--value", "1", "--db", db}).err ==
        "okrd: no key result \"kr-nope\"\n");
  CHECK(Okrd({"checkin", kr->key, "--db", db}).exit_code == 2);
  CHECK(Okrd({"checkin", kr->key, "--value", "abc", "--db", db}).exit_code == 2);
  CHECK(Okrd({"checkin", kr->key, "--value", "1", "--confidence", "1.5",
              "--db", db}).exit_code == 2);
  ProcessResult stranger = Okrd({"checkin", kr->key, "--value", "1", "--by",
                                 "Nobody@Else.test", "--db", db});
  CHECK(stranger.exit_code == 1);
  CHECK(stranger.err == "okrd: no person \"nobody@else.test\"\n");
  // None of the refused check-ins landed.
  CHECK(*(*raw)->QueryInt("SELECT count(*) FROM check_ins WHERE at = " +
                          std::to_string(*ParseUtcTimestamp(kNow))) == 1);
}

TEST_CASE("a database from a newer okrd is refused by every command",
          "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--db", db}).exit_code == 0);
  {
    auto raw = Database::Open(db, Database::Mode::kReadWrite);
    REQUIRE(raw.ok());
    REQUIRE((*raw)->Exec("PRAGMA user_version = 999").ok());
  }
  ProcessResult r = Okrd({"status", "--db", db});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "schema version 999, written by a newer okrd"));
}

// Starts `okrd <args> --listen 127.0.0.1:0` and returns the served port.
int StartServer(testing::ChildProcess* child) {
  for (int i = 0; i < 5; ++i) {
    const std::string line = child->ReadLine(20000);
    const size_t at = line.find("http://127.0.0.1:");
    if (at != std::string::npos) {
      return std::stoi(line.substr(at + 17));
    }
    if (line.empty()) break;
  }
  FAIL("server did not report its address; stderr: " << child->Stderr());
  return 0;
}

TEST_CASE("serve answers /healthz and stops cleanly on SIGTERM", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0"});
  const int port = StartServer(&server);
  testing::HttpClient client(port);
  auto health = client.Get("/healthz");
  REQUIRE(health.ok());
  CHECK(health->status == 200);
  CHECK(health->body == "ok\n");
  auto home = client.Get("/");
  REQUIRE(home.ok());
  CHECK(home->status == 200);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE("demo builds a fresh database and serves it", "[cli]") {
  TempDir dir;
  testing::ChildProcess demo({OKRD_BINARY, "demo", "--listen", "127.0.0.1:0"},
                             {"TMPDIR=" + dir.path(),
                              std::string("OKRD_NOW=") + kNow});
  const std::string first = demo.ReadLine(20000);
  REQUIRE(first.rfind("demo database: " + dir.path() + "/okrd-demo-", 0) == 0);
  const std::string db = first.substr(15);
  const int port = StartServer(&demo);
  testing::HttpClient client(port);
  auto health = client.Get("/healthz");
  REQUIRE(health.ok());
  CHECK(health->status == 200);
  ProcessResult status = Okrd({"status", "--db", db});
  CHECK(status.exit_code == 0);
  CHECK(Contains(status.out, ": execution"));
  demo.Signal(SIGINT);
  CHECK(demo.Wait() == 0);
}

}  // namespace
}  // namespace okr
