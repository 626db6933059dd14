// Copyright 2026 The okrd Authors.
//
// LintImportedFile: a real CSV read by the real importer, linted against a
// stored organisation (the example) that it is not copied into. The
// findings are those of the former way (stored people, units and cycles
// copied into the file's organisation, all findings collected, then
// filtered and located), line for line.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/import_planner.h"
#include "core/base/limits.h"
#include "core/example/example_org.h"
#include "importers/import_file.h"
#include "tests/core/analytics/lint_reference.h"

namespace okr {
namespace {

constexpr char kOwner[] = "amara.okafor@halden-health.example";

std::string PlanCsv() {
  const std::string o = kOwner;
  return "Cycle,Unit,Objective,Key result,Owner,Start,Target,Current,"
         "Unit of Measure,Due\n"
         "2026-Q4,halden,Open a Madrid office,Sign the lease," +
         o +
         ",0,0,0,,\n"
         "2026-Q4,halden,Open a Madrid office,Hire 5 people,ghost@x.test,"
         "0,5,2,,2027-06-30\n"
         "2026-Q4,nowhere,Open a Lisbon office,Hire 3 people," +
         o + ",0,3,1,people,\n";
}

// The former LintImportedFile, as the reference.
std::vector<std::string> FormerLint(const FileImport& file,
                                    const Organisation& stored,
                                    const LintSettings& settings) {
  const Organisation org = testing::WithKnownCopied(file.org, stored);
  const SubjectLocator where(file.org, file.where);
  std::vector<std::string> lines;
  for (Finding& f : RunLint(org, settings)) {
    const std::string& first = f.subjects.front();
    if (first.starts_with("unit:") && !where.Find(first)) continue;
    for (const std::string& s : f.subjects) {
      if (std::optional<std::string> at = where.Find(s)) {
        f.location = *at;
        break;
      }
    }
    lines.push_back(FormatFinding(f));
  }
  return lines;
}

bool Has(const std::vector<std::string>& lines, const std::string& part) {
  for (const std::string& l : lines) {
    if (l.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("import lint streams located findings without copying the store",
          "[cli][lint][import]") {
  const Organisation stored = MakeExampleOrganisation(Date{2026, 11, 24});
  Result<FileImport> file =
      ImportSpreadsheet({{"plan.csv", PlanCsv()}}, FileFormat::kCsv,
                        {.today = Date{2026, 11, 24}}, Limits());
  REQUIRE(file.ok());
  INFO(file->errors.size());
  REQUIRE(file->errors.empty());
  const size_t people = file->org.people.size(), units = file->org.units.size();
  LintSettings settings;
  REQUIRE(
      SetLintLevel(&settings, "objective-description-missing", "warning").ok());
  std::vector<std::string> lines;
  LintImportedFile(*file, stored, settings, [&lines](Finding&& f) {
    lines.push_back(FormatFinding(f));
  });
  INFO(::Catch::Detail::stringify(lines));
  CHECK(lines == FormerLint(*file, stored, settings));
  CHECK(Has(lines,
            "plan.csv:2:4: error: kr-not-measurable: key result "
            "\"Sign the lease\""));
  // The stored owner is known, the other is not; both lines are located.
  CHECK(Has(lines,
            "plan.csv:3:4: error: owner-unknown: key result "
            "\"Hire 5 people\" has owner \"ghost@x.test\""));
  CHECK(!Has(lines, "owner \"" + std::string(kOwner)));
  CHECK(Has(lines, "plan.csv:3:4: warning: kr-unit-missing"));
  // Stored units the file does not touch are left out.
  CHECK(!Has(lines, "eng-platform"));
  CHECK(file->org.people.size() == people);  // Nothing added to the file.
  CHECK(file->org.units.size() == units);
}

}  // namespace
}  // namespace okr
