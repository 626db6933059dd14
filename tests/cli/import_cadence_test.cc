// Copyright 2026 The okrd Authors.
//
// okrd import shows the cadence's warnings: a one-on-one given a day and
// time that overlaps another meeting of the manager is kept as given and
// reported to whoever imports (the server's planner only logs it). Person
// and unit pages show the overrides beside the meetings they place.

#include <signal.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/cli/okrd_process.h"
#include "tests/support/http_client.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::Contains;
using testing::Okrd;
using testing::ProcessResult;

// Mia manages Ana and Ben; both one-on-ones are given as Tuesday 10:00
// (Europe/Berlin) when `clash`, else Ben's is Wednesday 10:00.
std::string Organisation(bool clash) {
  const std::string ben_day = clash ? "tuesday" : "wednesday";
  return "<?xml version=\"1.0\"?>\n"
         "<okrd xmlns=\"urn:okrd:organisation:1\" version=\"1\">\n"
         "  <units>\n"
         "    <unit key=\"co\" name=\"Acme\" level=\"company\" "
         "lead=\"mia@acme.test\"/>\n"
         "    <unit key=\"t\" name=\"Team T\" parent=\"co\" level=\"team\" "
         "lead=\"mia@acme.test\" review-day=\"thursday\" "
         "review-time=\"15:00\" review-minutes=\"45\" review-weeks=\"2\"/>\n"
         "  </units>\n"
         "  <people>\n"
         "    <person email=\"mia@acme.test\" name=\"Mia\" unit=\"co\" "
         "time-zone=\"Europe/Berlin\"/>\n"
         "    <person email=\"ana@acme.test\" name=\"Ana\" unit=\"t\" "
         "manager=\"mia@acme.test\" time-zone=\"Europe/Berlin\" "
         "one-on-one-day=\"tuesday\" one-on-one-time=\"10:00\"/>\n"
         "    <person email=\"ben@acme.test\" name=\"Ben\" unit=\"t\" "
         "manager=\"mia@acme.test\" time-zone=\"Europe/Berlin\" "
         "one-on-one-day=\"" + ben_day + "\" one-on-one-time=\"10:00\"/>\n"
         "  </people>\n"
         "  <cycles>\n"
         "    <cycle name=\"2026-Q4\" start=\"2026-10-01\" end=\"2026-12-31\"/>\n"
         "  </cycles>\n"
         "</okrd>\n";
}

TEST_CASE("import prints an override that overlaps another meeting", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("okrd.db");
  const std::string file = dir.File("org.xml");
  REQUIRE(testing::WriteFile(file, Organisation(/*clash=*/true)));
  ProcessResult dry = Okrd({"import", file, "--dry-run", "--db", db});
  INFO(dry.out << dry.err);
  REQUIRE(dry.exit_code == 0);
  CHECK(Contains(dry.err, "okrd: warning: cadence: 1on1/mia@acme.test/"));
  CHECK(Contains(dry.err, "overlaps another meeting of mia@acme.test; kept "
                          "as given"));
  ProcessResult done = Okrd({"import", file, "--db", db});
  INFO(done.out << done.err);
  REQUIRE(done.exit_code == 0);
  CHECK(Contains(done.err, "overlaps another meeting of mia@acme.test"));
  // Moved apart: no warning.
  REQUIRE(testing::WriteFile(file, Organisation(/*clash=*/false)));
  ProcessResult apart = Okrd({"import", file, "--db", db});
  INFO(apart.out << apart.err);
  REQUIRE(apart.exit_code == 0);
  CHECK_FALSE(Contains(apart.err, "cadence"));
}

TEST_CASE("person and unit pages show their cadence overrides", "[cli][web]") {
  testing::TempDir dir;
  const std::string db = dir.File("okrd.db");
  const std::string file = dir.File("org.xml");
  REQUIRE(testing::WriteFile(file, Organisation(/*clash=*/false)));
  REQUIRE(Okrd({"import", file, "--db", db}).exit_code == 0);
  testing::ChildProcess server(
      {OKRD_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0"},
      testing::OkrdEnv());
  testing::HttpClient client(testing::WaitForServerPort(&server));
  auto ana = client.Get("/people/ana@acme.test");
  REQUIRE(ana.ok());
  REQUIRE(ana->status == 200);
  CHECK(Contains(ana->body, "<li>One-on-one set for Ana: Tuesday, 10:00 (the "
                            "rest as configured)</li>"));
  // Next to the meeting it places: Tuesday 24 Nov 2026 is today, 11:00 in
  // Berlin, so the next is on 1 Dec.
  CHECK(Contains(ana->body, "<li>Next OKR 1:1 Mia / Ana: Tue 1 Dec 2026, "
                            "10:00-10:20 (Europe/Berlin)</li>"));
  auto team = client.Get("/units/t");
  REQUIRE(team.ok());
  REQUIRE(team->status == 200);
  CHECK(Contains(team->body, "<li>Team review set for Team T: Thursday, "
                             "15:00, 45 min, every 2 weeks</li>"));
  auto mia = client.Get("/people/mia@acme.test");  // No override of her own.
  REQUIRE(mia.ok());
  CHECK_FALSE(Contains(mia->body, "set for"));
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

}  // namespace
}  // namespace okr
