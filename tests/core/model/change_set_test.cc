// Copyright 2026 The okrd Authors.

#include "core/model/change_set.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "tests/support/fixtures.h"

namespace okr {
namespace {

using testing::SmallOrganisation;

constexpr UnixSeconds kNow = 1800000000;

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The OKR part of an organisation as a spreadsheet would carry it.
Organisation AsFile(Organisation org) {
  org.check_ins.clear();
  return org;
}

// `stored` as a file that moves one KR's current value and renames one
// objective.
Organisation EditedFile(const Organisation& stored) {
  Organisation file = AsFile(stored);
  file.key_results[0].current = 11;
  file.objectives[0].title = "Win the mid-market in Europe";
  return file;
}

bool HasChange(const ImportPlan& plan, const std::string& line) {
  for (const Change& c : plan.changes) {
    if (c.ToString() == line) return true;
  }
  return false;
}

TEST_CASE("importing what is stored changes nothing", "[model]") {
  const Organisation stored = SmallOrganisation();
  auto plan = PlanImport(stored, AsFile(stored), {.now = kNow});
  REQUIRE(plan.ok());
  CHECK_FALSE(plan->HasChanges());
  CHECK(plan->merged == stored);
  CHECK(plan->counts.at("objective") == ChangeCounts{.unchanged = 2});
  CHECK(plan->counts.at("key result") == ChangeCounts{.unchanged = 3});
  CHECK(plan->counts.at("check-in") == ChangeCounts{.unchanged = 2});
}

TEST_CASE("into an empty store everything is added", "[model]") {
  const Organisation file = AsFile(SmallOrganisation());
  auto plan = PlanImport({}, file, {.now = kNow});
  REQUIRE(plan.ok());
  CHECK(plan->counts.at("unit") == ChangeCounts{.added = 2});
  CHECK(plan->counts.at("key result") == ChangeCounts{.added = 3});
  CHECK(HasChange(*plan, "+ objective o-co-1: Win the mid-market"));
  // kr-co-1-1 starts at 8 and is at 9, kr-eng-1-1 at 280 from 0: the
  // import records those values; the milestone is still at its start.
  REQUIRE(plan->new_check_ins.size() == 2);
  CHECK(plan->new_check_ins[1].target_key == "kr-eng-1-1");
  CHECK(plan->new_check_ins[0].target_key == "kr-co-1-1");
  CHECK(plan->new_check_ins[0].value == 9);
  CHECK(plan->new_check_ins[0].source == "import");
  CHECK(plan->new_check_ins[0].at == kNow);
  CHECK(plan->new_check_ins[0].author_email == "ada@acme.test");
}

// PlanImport with on_change appending each change's line to `lines`.
Result<ImportPlan> PlanStreamed(const Organisation& stored,
                                const Organisation& file,
                                std::vector<std::string>* lines) {
  return PlanImport(stored, file,
                    {.now = kNow, .on_change = [lines](const Change& c) {
                       lines->push_back(c.ToString());
                     }});
}

TEST_CASE("on_change receives the changes in order instead of the plan",
          "[model]") {
  const Organisation stored = SmallOrganisation();
  // Objective, KR and value check-in: three changes, kept in the plan.
  auto kept = PlanImport(stored, EditedFile(stored), {.now = kNow});
  REQUIRE(kept.ok());
  REQUIRE(kept->changes.size() == 3);
  std::vector<std::string> passed;
  auto streamed = PlanStreamed(stored, EditedFile(stored), &passed);
  REQUIRE(streamed.ok());
  CHECK(streamed->changes.empty());
  CHECK(streamed->change_count == 3);
  CHECK(kept->change_count == 3);
  CHECK(streamed->HasChanges());
  REQUIRE(passed.size() == 3);
  for (size_t i = 0; i < passed.size(); ++i) {
    CHECK(passed[i] == kept->changes[i].ToString());
  }
  CHECK(streamed->merged == kept->merged);
  CHECK(streamed->counts == kept->counts);

  std::vector<std::string> none;
  auto same = PlanStreamed(stored, AsFile(stored), &none);
  REQUIRE(same.ok());
  CHECK(none.empty());
  CHECK_FALSE(same->HasChanges());
}

TEST_CASE("a changed current value is recorded as an import check-in",
          "[model]") {
  const Organisation stored = SmallOrganisation();
  const Organisation file = EditedFile(stored);
  auto plan = PlanImport(stored, file, {.now = kNow});
  REQUIRE(plan.ok());
  CHECK(HasChange(*plan, "~ key result kr-co-1-1: current 9 -> 11"));
  CHECK(HasChange(*plan,
                  "~ objective o-co-1: title \"Win the mid-market in Europe\""));
  REQUIRE(plan->new_check_ins.size() == 1);
  CHECK(plan->new_check_ins[0].value == 11);
  CHECK(plan->merged.check_ins.size() == 3);  // History kept, one added.
  CHECK(plan->counts.at("key result") ==
        ChangeCounts{.changed = 1, .unchanged = 2});
}

TEST_CASE("check-ins from the file are appended once, not duplicated",
          "[model]") {
  const Organisation stored = SmallOrganisation();
  Organisation file = stored;  // Carries the stored check-ins again...
  CheckIn newer = stored.check_ins[0];
  newer.at += 7 * 86400;
  newer.value = 10;
  file.check_ins.push_back(newer);  // ...plus one new one...
  file.key_results[0].current = 10;  // ...which explains the new value.
  auto plan = PlanImport(stored, file, {.now = kNow});
  REQUIRE(plan.ok());
  REQUIRE(plan->new_check_ins.size() == 1);
  CHECK(plan->new_check_ins[0].at == newer.at);
  CHECK(plan->new_check_ins[0].source == "cli");
}

TEST_CASE("items missing from the file stay unless pruned, and pruning is "
          "scoped to what the file covers", "[model]") {
  const Organisation stored = SmallOrganisation();
  Organisation file = AsFile(stored);
  file.key_results.pop_back();  // kr-eng-1-2 gone from the file.
  file.people.clear();          // The file has no People sheet.
  auto kept = PlanImport(stored, file, {.now = kNow});
  REQUIRE(kept.ok());
  CHECK(kept->merged.key_results.size() == 3);
  CHECK_FALSE(kept->HasChanges());

  auto pruned = PlanImport(stored, file, {.prune = true, .now = kNow});
  REQUIRE(pruned.ok());
  CHECK(pruned->merged.key_results.size() == 2);
  CHECK(HasChange(*pruned, "- key result kr-eng-1-2: Launch the status API"));
  CHECK(pruned->merged.people.size() == 2);  // Not covered: not pruned.
}

TEST_CASE("pruning an objective of another cycle is out of scope", "[model]") {
  Organisation stored = SmallOrganisation();
  stored.cycles.push_back({.name = "2027-Q2", .start = {2027, 4, 1},
                           .end = {2027, 6, 30}});
  Organisation file = AsFile(stored);
  stored.objectives.push_back({.key = "o-q2", .title = "Later",
                               .level = Level::kCompany, .unit_key = "co",
                               .cycle = "2027-Q2"});
  auto plan = PlanImport(stored, file, {.prune = true, .now = kNow});
  REQUIRE(plan.ok());
  CHECK(plan->merged.objectives.size() == 3);
}

TEST_CASE("derived keys adopt the stored key of the same objective", "[model]") {
  const Organisation stored = SmallOrganisation();
  Organisation file = AsFile(stored);
  // The file had no IDs: the importer invented keys.
  file.objectives[0].key = "o-derived";
  file.objectives[0].title = "WIN the Mid-Market";
  for (KeyResult& k : file.key_results) {
    if (k.objective_key == "o-co-1") k.objective_key = "o-derived";
  }
  file.objectives[1].supports[0].key = "o-derived";
  file.key_results[1].key = "kr-derived";
  PlanOptions options{.now = kNow,
                      .derived_objectives = {true},
                      .derived_krs = {false, true},
                      .normalise_title = Lower};
  auto plan = PlanImport(stored, file, options);
  REQUIRE(plan.ok());
  CHECK(plan->counts.at("objective").added == 0);
  CHECK(plan->counts.at("key result").added == 0);
  CHECK(plan->merged.objectives[0].key == "o-co-1");
  CHECK(plan->merged.objectives[1].supports[0].key == "o-co-1");
  CHECK(plan->merged.key_results[1].key == "kr-eng-1-1");
  // Without the normalisation the titles differ: a new objective.
  options.normalise_title = nullptr;
  auto exact = PlanImport(stored, file, options);
  REQUIRE(exact.ok());
  CHECK(exact->counts.at("objective").added == 1);
}

TEST_CASE("a merge that breaks references is refused with every problem",
          "[model]") {
  const Organisation stored = SmallOrganisation();
  Organisation file = AsFile(stored);
  file.objectives[1].parent = LinkTarget{TargetKind::kObjective, "o-ghost"};
  file.key_results[2].owner_email = "nobody@acme.test";
  auto plan = PlanImport(stored, file, {.now = kNow});
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().message() ==
        "objective \"o-eng-1\": parent objective \"o-ghost\" does not exist\n"
        "key result \"kr-eng-1-2\": owner \"nobody@acme.test\" does not exist");
}

TEST_CASE("into an empty store the first item of a key wins, in file order",
          "[model]") {
  Organisation file = AsFile(SmallOrganisation());
  Objective again = file.objectives[0];
  again.title = "Said twice";
  file.objectives.insert(file.objectives.begin() + 1, again);
  KeyResult kr_again = file.key_results.back();
  kr_again.title = "Also twice";
  file.key_results.push_back(kr_again);
  std::vector<std::string> lines;
  auto streamed = PlanStreamed({}, file, &lines);
  auto kept = PlanImport({}, file, {.now = kNow});
  REQUIRE(streamed.ok());
  REQUIRE(kept.ok());
  const Organisation expected = AsFile(SmallOrganisation());
  CHECK(kept->merged.objectives == expected.objectives);
  CHECK(kept->merged.key_results == expected.key_results);
  CHECK(kept->counts.at("objective") == ChangeCounts{.added = 2});
  CHECK(kept->counts.at("key result") == ChangeCounts{.added = 3});
  CHECK(HasChange(*kept, "+ objective o-co-1: Win the mid-market"));
  for (const Change& c : kept->changes) {
    CHECK(c.detail != "Said twice");
    CHECK(c.detail != "Also twice");
  }
  // Units, people, cycles, objectives, KRs, then the value check-ins.
  REQUIRE(lines.size() == kept->changes.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i] == kept->changes[i].ToString());
  }
  CHECK(lines.back().rfind("+ check-in ", 0) == 0);
  CHECK(streamed->merged == kept->merged);
}

TEST_CASE("pruning with an objective listed twice removes its other KRs",
          "[model]") {
  const Organisation stored = SmallOrganisation();
  Organisation file = AsFile(stored);
  file.objectives.push_back(file.objectives[1]);  // o-eng-1 twice.
  file.key_results.pop_back();                    // kr-eng-1-2 gone.
  auto plan = PlanImport(stored, file, {.prune = true, .now = kNow});
  REQUIRE(plan.ok());
  CHECK(plan->merged.objectives == stored.objectives);
  CHECK(plan->counts.at("key result") ==
        ChangeCounts{.unchanged = 2, .removed = 1});
  CHECK(plan->changes.size() == 1);
  CHECK(HasChange(*plan, "- key result kr-eng-1-2: Launch the status API"));
}

TEST_CASE("stored check-ins newer than the import's stay in time order",
          "[model]") {
  Organisation stored = SmallOrganisation();
  stored.check_ins.back().at = kNow + 3600;  // After the import's "now".
  auto plan = PlanImport(stored, EditedFile(stored), {.now = kNow});
  REQUIRE(plan.ok());
  REQUIRE(plan->new_check_ins.size() == 1);
  const std::vector<CheckIn>& all = plan->merged.check_ins;
  REQUIRE(all.size() == 3);
  CHECK(all[0] == stored.check_ins[0]);
  CHECK(all[1] == plan->new_check_ins[0]);
  CHECK(all[2] == stored.check_ins[1]);
}

TEST_CASE("Change::AppendTo appends the line ToString gives", "[model]") {
  const Change with{'~', "key result", "kr-1", "current 40 -> 55"};
  const Change without{'-', "person", "x@y.z", ""};
  CHECK(with.ToString() == "~ key result kr-1: current 40 -> 55");
  CHECK(without.ToString() == "- person x@y.z");
  std::string line = "> ";
  with.AppendTo(&line);
  without.AppendTo(&line);
  CHECK(line == "> ~ key result kr-1: current 40 -> 55- person x@y.z");
}

}  // namespace
}  // namespace okr
