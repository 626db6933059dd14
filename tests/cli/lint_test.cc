// Copyright 2026 The okrd Authors.
//
// okrd lint as a user runs it: on files before import and on the database,
// text and JSON output, exit codes.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using testing::ProcessResult;
using testing::TempDir;

ProcessResult Okrd(std::vector<std::string> args) {
  args.insert(args.begin(), OKRD_BINARY);
  return testing::RunProcess(args, {"OKRD_NOW=2026-11-24T10:00:00Z", "OKRD_DB="});
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

constexpr char kOwner[] = "amara.okafor@halden-health.example";

// One objective with one KR that has no unit, and one with nothing to
// measure (an error).
std::string PlanCsv() {
  const std::string o = kOwner;
  return "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current,"
         "Unit of Measure\n"
         "2026-Q4,halden,Open a Madrid office,Sign the lease," + o +
         ",0,0,0,\n"
         "2026-Q4,halden,Open a Madrid office,Hire 5 people," + o +
         ",0,5,2,people\n";
}

TEST_CASE("lint on a file: located findings, exit 1 on an error", "[cli][lint]") {
  TempDir dir;
  const std::string csv = dir.File("plan.csv");
  REQUIRE(testing::WriteFile(csv, PlanCsv()));
  ProcessResult r = Okrd({"lint", csv});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  // Row 2 holds the KR without a target; the finding points at its row.
  CHECK(Contains(r.out, "plan.csv:2:"));
  CHECK(Contains(r.out, ": error: kr-not-measurable: key result \"Sign the lease\""));
  CHECK(Contains(r.err, "okrd: lint: 1 error(s)"));
  CHECK(!Contains(r.out, "owner-unknown"));  // No People sheet to know.
}

TEST_CASE("lint levels come from the config file", "[cli][lint]") {
  TempDir dir;
  const std::string csv = dir.File("plan.csv");
  REQUIRE(testing::WriteFile(csv, PlanCsv()));
  const std::string conf = dir.File("okrd.conf");
  REQUIRE(testing::WriteFile(conf, "[lint]\nrule.kr-not-measurable = warning\n"));
  ProcessResult r = Okrd({"--config", conf, "lint", csv});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.out, ": warning: kr-not-measurable:"));
}

TEST_CASE("lint --format json is parseable and counts", "[cli][lint]") {
  TempDir dir;
  const std::string csv = dir.File("plan.csv");
  REQUIRE(testing::WriteFile(csv, PlanCsv()));
  ProcessResult r = Okrd({"lint", csv, "--format", "json"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  const std::string json = dir.File("out.json");
  REQUIRE(testing::WriteFile(json, r.out));
  // A real JSON parser reads it back.
  ProcessResult check = testing::RunProcess(
      {"/usr/bin/python3", "-c",
       "import json,sys; d=json.load(open(sys.argv[1])); "
       "assert d['errors']==1, d; "
       "f=[x for x in d['findings'] if x['rule']=='kr-not-measurable'][0]; "
       "assert f['level']=='error' and f['location'].startswith('plan.csv:2'), f; "
       "assert f['subjects'][0].startswith('kr:'), f",
       json},
      {});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("lint on the database names keys, --duplicates adds double work",
          "[cli][lint]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  ProcessResult r = Okrd({"lint", "--db", db});
  INFO(r.out << r.err);
  // The example shows the error-level rules too (docs/analytics.md).
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "lint: 4 error(s)"));
  CHECK(Contains(r.out, "objective:"));
  CHECK(Contains(r.out, ": warning: objectives-per-unit: team \"eng-mobile\""));
  CHECK(Contains(r.out,
                 ": error: objectives-per-unit-max: team \"eng-platform\""));
  CHECK(!Contains(r.out, "plan.csv"));
}

TEST_CASE("lint --duplicates names both objectives and a score", "[cli][lint]") {
  TempDir dir;
  const std::string csv = dir.File("two.csv");
  const std::string o = kOwner;
  REQUIRE(testing::WriteFile(
      csv, "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current,"
           "Unit of Measure\n"
           "2026-Q4,sales,Reduce customer churn,Renew 90% of contracts," + o +
           ",80,90,85,%\n"
           "2026-Q4,cs,Cut churn of our clients,Call every at-risk account," + o +
           ",0,40,10,calls\n"
           "2026-Q4,hr,Reduce hiring churn,Keep 95% of new hires," + o +
           ",0,95,10,%\n"));
  ProcessResult plain = Okrd({"lint", csv});
  CHECK(!Contains(plain.out, "duplicate-objective"));
  ProcessResult d = Okrd({"lint", "--duplicates", csv});
  INFO(d.out << d.err);
  CHECK(d.exit_code == 0);
  CHECK(Contains(d.out, "two.csv:2:3: warning: duplicate-objective: objectives "
                        "\"Reduce customer churn\" (sales) and \"Cut churn of "
                        "our clients\" (cs) look like the same work"));
  CHECK(!Contains(d.out, "hiring churn\" (hr) look"));
  CHECK(!Contains(d.out, "and \"Reduce hiring churn\""));
}

TEST_CASE("lint usage and I/O errors exit 2", "[cli][lint]") {
  TempDir dir;
  CHECK(Okrd({"lint", dir.File("missing.xlsx")}).exit_code == 2);
  CHECK(Okrd({"lint", "--format", "yaml", dir.File("x.csv")}).exit_code == 2);
  CHECK(Okrd({"lint", "--db", dir.File("none.db")}).exit_code == 2);
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

TEST_CASE("import prints lint findings after its summary, same exit status",
          "[cli][lint]") {
  TempDir dir;
  const std::string db = dir.File("okrd.db");
  REQUIRE(Okrd({"init", "--example", "--db", db}).exit_code == 0);
  const std::string csv = dir.File("plan.csv");
  REQUIRE(testing::WriteFile(csv, PlanCsv()));
  for (bool dry : {true, false}) {
    std::vector<std::string> args = {"import", csv, "--db", db};
    if (dry) args.push_back("--dry-run");
    ProcessResult r = Okrd(args);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);  // Lint is advisory on import.
    CHECK(Contains(r.out, "key result"));
    CHECK(Contains(r.err, "plan.csv:2:4: error: kr-not-measurable: key result "
                          "\"Sign the lease\""));
    // The owner is a stored person, so not "unknown".
    CHECK(!Contains(r.err, "owner-unknown"));
    // Stored units the file does not touch are not linted here.
    CHECK(!Contains(r.err, "eng-platform"));
  }
}

}  // namespace
}  // namespace okr
