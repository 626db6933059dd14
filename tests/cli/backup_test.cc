// Copyright 2026 The okrd Authors.
//
// The okrd binary with a configuration file, and `okrd backup` / `okrd
// restore`, as an administrator runs them.

#include <signal.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/store/sqlite.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ChildProcess;
using testing::ProcessResult;
using testing::TempDir;

constexpr char kNow[] = "2026-11-24T10:00:00Z";

ProcessResult Okrd(std::vector<std::string> args,
                   std::vector<std::string> env = {}) {
  args.insert(args.begin(), OKRD_BINARY);
  env.insert(env.begin(),
             {std::string("OKRD_NOW=") + kNow, "OKRD_DB=", "OKRD_CONFIG="});
  return testing::RunProcess(args, env);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A config file in `dir` whose database is dir/okrd.db, plus `extra` lines.
std::string WriteConfig(const TempDir& dir, const std::string& extra = "") {
  const std::string path = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(
      path, "[database]\npath = " + dir.File("okrd.db") + "\n" + extra));
  return path;
}

int64_t CheckInCount(const std::string& db) {
  auto conn = Database::Open(db, Database::Mode::kReadOnly);
  REQUIRE(conn.ok());
  auto n = (*conn)->QueryInt("SELECT count(*) FROM check_ins");
  REQUIRE(n.ok());
  return *n;
}

// The served port; fails the test when the server does not report one.
int PortOf(ChildProcess* server) {
  const int port = testing::ServedPort(server);
  if (port == 0) FAIL("server did not report its address; stderr: " << server->Stderr());
  return port;
}

TEST_CASE("a config file given by flag or OKRD_CONFIG chooses the database", "[cli][config]") {
  TempDir dir;
  const std::string conf = WriteConfig(dir);
  ProcessResult init = Okrd({"--config", conf, "init", "--example"});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK(init.out == "initialised " + dir.File("okrd.db") + "\n");
  CHECK(Okrd({"status", "--config", conf}).exit_code == 0);
  CHECK(Okrd({"status"}, {"OKRD_CONFIG=" + conf}).exit_code == 0);
  CHECK(Okrd({"--config=" + conf, "status"}).exit_code == 0);
  // --db and $OKRD_DB win over the file.
  const std::string other = dir.File("other.db");
  ProcessResult flag = Okrd({"--config", conf, "status", "--db", other});
  CHECK(flag.exit_code == 1);
  CHECK(Contains(flag.err, "no database at " + other));
  CHECK(Okrd({"status", "--config", conf}, {"OKRD_DB=" + other}).exit_code ==
        1);
  // Without a file nothing is read: ./okrd.db in the working directory.
  CHECK(Contains(Okrd({"status"}).err, "no database at okrd.db"));
}

TEST_CASE("a bad configuration file is refused naming file and line",
          "[cli][config]") {
  TempDir dir;
  const std::string conf =
      WriteConfig(dir, "[server]\nlisen = 127.0.0.1:1\nthreads = 1\n");
  ProcessResult r = Okrd({"--config", conf, "serve"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "okrd: " + conf + ":4: unknown key \"lisen\" in [server]\n" +
                     "okrd: " + conf +
                     ":5: threads: expected a whole number from 2 to 256\n");
  ProcessResult missing = Okrd({"--config", dir.File("none.conf"), "status"});
  CHECK(missing.exit_code == 2);
  CHECK(Contains(missing.err, "okrd: "));
  CHECK(Contains(missing.err, dir.File("none.conf")));
  CHECK(Okrd({"status", "--config", ""}).exit_code == 2);
  CHECK(Okrd({"--config"}).exit_code == 2);
  // Help needs no configuration.
  CHECK(Okrd({"--config", conf, "serve", "--help"}).exit_code == 0);
}

TEST_CASE("serve takes listen and log level from the file, --listen wins",
          "[cli][config]") {
  TempDir dir;
  const std::string conf =
      WriteConfig(dir,
                  "[server]\nlisten = 127.0.0.1:0\nthreads = 4\n"
                  "request_timeout_ms = 5000\n[log]\nlevel = warn\n");
  REQUIRE(Okrd({"--config", conf, "init", "--example"}).exit_code == 0);
  {
    ChildProcess server({OKRD_BINARY, "--config", conf, "serve"},
                        {"OKRD_DB=", "OKRD_CONFIG="});
    const int port = PortOf(&server);
    testing::HttpClient client(port);
    auto health = client.Get("/healthz");
    REQUIRE(health.ok());
    CHECK(health->status == 200);
    server.Signal(SIGTERM);
    CHECK(server.Wait() == 0);
    // level = warn: no access lines, no shutdown note.
    CHECK_FALSE(Contains(server.Stderr(), " INFO "));
  }
  // --listen overrides the file's address (this one cannot be bound).
  ProcessResult r =
      Okrd({"--config", conf, "serve", "--listen", "256.0.0.1:1"});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "256.0.0.1"));
}

TEST_CASE("backup copies a served database, restore needs it stopped",
          "[cli][backup]") {
  TempDir dir;
  const std::string conf = WriteConfig(dir, "[server]\nlisten = 127.0.0.1:0\n");
  const std::string backup = dir.File("backup.db");
  REQUIRE(Okrd({"--config", conf, "init", "--example"}).exit_code == 0);
  CHECK(Okrd({"--config", conf, "backup"}).exit_code == 2);
  CHECK(Okrd({"--config", conf, "backup", "a", "b"}).exit_code == 2);
  {
    ChildProcess server({OKRD_BINARY, "--config", conf, "serve"},
                        {"OKRD_DB=", "OKRD_CONFIG="});
    PortOf(&server);
    ProcessResult b = Okrd({"--config", conf, "backup", backup});
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    CHECK(b.out.rfind(
              "backed up " + dir.File("okrd.db") + " to " + backup + " (", 0) ==
          0);
    ProcessResult again = Okrd({"--config", conf, "backup", backup});
    CHECK(again.exit_code == 1);
    CHECK(again.err ==
          "okrd: " + backup + " exists (pass --force to replace it)\n");
    CHECK(Okrd({"--config", conf, "backup", backup, "--force"}).exit_code == 0);

    ProcessResult busy = Okrd({"--config", conf, "restore", backup, "--force"});
    CHECK(busy.exit_code == 1);
    CHECK(Contains(busy.err, "stop the okrd service"));
    server.Signal(SIGTERM);
    CHECK(server.Wait() == 0);
  }
  const int64_t saved = CheckInCount(backup);
  ProcessResult checkin = Okrd(
      {"--config", conf, "checkin", "kr-eng-platform-1-1", "--value", "1"});
  REQUIRE(checkin.exit_code == 0);
  CHECK(CheckInCount(dir.File("okrd.db")) == saved + 1);

  ProcessResult refused = Okrd({"--config", conf, "restore", backup});
  CHECK(refused.exit_code == 1);
  CHECK(Contains(refused.err, "pass --force"));
  ProcessResult restored =
      Okrd({"--config", conf, "restore", backup, "--force"});
  INFO(restored.err);
  REQUIRE(restored.exit_code == 0);
  CHECK(restored.out.rfind(
            "restored " + dir.File("okrd.db") + " from " + backup, 0) == 0);
  CHECK(Okrd({"--config", conf, "status"}).exit_code == 0);
  CHECK(CheckInCount(dir.File("okrd.db")) == saved);
  CHECK(Okrd({"--config", conf, "restore", dir.File("none.db"), "--force"})
            .exit_code == 1);
}

}  // namespace
}  // namespace okr
