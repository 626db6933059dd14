// Copyright 2026 The okrd Authors.

#include "core/analytics/lint_rules.h"

#include <catch2/catch.hpp>
#include <functional>
#include <set>

#include "tests/core/analytics/analytics_fixture.h"

namespace okr {
namespace {

using testing::CleanOrg;
using testing::FixtureKr;

std::vector<Finding> Of(const std::vector<Finding>& all, std::string_view id) {
  std::vector<Finding> out;
  for (const Finding& f : all) {
    if (f.rule == id) out.push_back(f);
  }
  return out;
}

// Every rule enabled, so the default-off ones are pinned too.
LintSettings AllOn() {
  LintSettings s;
  for (const LintRule& r : LintRules()) {
    if (r.default_level == Severity::kOff) s.levels[std::string(r.id)] = Severity::kWarning;
  }
  return s;
}

// The rule fires on the mutated org with `subject` first, and not on the
// clean org.
void ExpectFires(std::string_view id,
                 const std::function<void(Organisation*)>& mutate,
                 const std::string& subject) {
  INFO(id);
  Organisation org = CleanOrg();
  CHECK(Of(RunLint(org, AllOn()), id).empty());
  mutate(&org);
  const std::vector<Finding> found = Of(RunLint(org, AllOn()), id);
  REQUIRE(found.size() >= 1);
  CHECK(found[0].subjects.at(0) == subject);
  CHECK(!found[0].message.empty());
}

Objective* Obj(Organisation* org, std::string_view key) {
  for (Objective& o : org->objectives) {
    if (o.key == key) return &o;
  }
  FAIL("no objective");
  return nullptr;
}

KeyResult* Kr(Organisation* org, std::string_view key) {
  for (KeyResult& k : org->key_results) {
    if (k.key == key) return &k;
  }
  FAIL("no kr");
  return nullptr;
}

void AddObjective(Organisation* org, const std::string& key, Level level,
                  const std::string& unit, const std::string& owner) {
  org->objectives.push_back({.key = key, .title = "Extra " + key,
                             .description = "d", .level = level,
                             .unit_key = unit, .owner_email = owner,
                             .cycle = "2027-Q1",
                             .parent = LinkTarget{TargetKind::kObjective, "c1"}});
  org->key_results.push_back(FixtureKr(key + "-k1", key, "x"));
  org->key_results.push_back(FixtureKr(key + "-k2", key, "y"));
}

TEST_CASE("the clean fixture has no findings at all", "[analytics][lint]") {
  CHECK(RunLint(CleanOrg(), AllOn()).empty());
}

TEST_CASE("objectives-per-unit: fewer than 2 or more than 3", "[analytics][lint]") {
  ExpectFires("objectives-per-unit", [](Organisation* org) {
    AddObjective(org, "e3", Level::kTeam, "eng", "eng@acme.test");
    AddObjective(org, "e4", Level::kTeam, "eng", "eng@acme.test");
  }, "unit:eng");
  ExpectFires("objectives-per-unit", [](Organisation* org) {
    std::erase_if(org->objectives, [](auto& o) { return o.key == "o2"; });
  }, "unit:ops");
}

TEST_CASE("objectives-per-unit-max: above 5 is an error, 5 is not", "[analytics][lint]") {
  Organisation org = CleanOrg();
  for (int i = 3; i <= 5; ++i) {
    AddObjective(&org, "e" + std::to_string(i), Level::kTeam, "eng", "eng@acme.test");
  }
  CHECK(Of(RunLint(org), "objectives-per-unit-max").empty());
  CHECK(Of(RunLint(org), "objectives-per-unit").size() == 1);
  AddObjective(&org, "e6", Level::kTeam, "eng", "eng@acme.test");
  const auto found = Of(RunLint(org), "objectives-per-unit-max");
  REQUIRE(found.size() == 1);
  CHECK(found[0].level == Severity::kError);
  CHECK(found[0].message.find("has 6 objective(s)") != std::string::npos);
  CHECK(Of(RunLint(org), "objectives-per-unit").empty());  // Not twice.
}

TEST_CASE("objectives-per-person: more than 3 individual objectives", "[analytics][lint]") {
  ExpectFires("objectives-per-person", [](Organisation* org) {
    for (int i = 0; i < 4; ++i) {
      AddObjective(org, "i" + std::to_string(i), Level::kIndividual, "", "eng@acme.test");
    }
  }, "person:eng@acme.test");
  Organisation org = CleanOrg();
  for (int i = 0; i < 3; ++i) {
    AddObjective(&org, "i" + std::to_string(i), Level::kIndividual, "", "eng@acme.test");
  }
  CHECK(Of(RunLint(org), "objectives-per-person").empty());
}

TEST_CASE("krs-per-objective: outside 2..5", "[analytics][lint]") {
  ExpectFires("krs-per-objective", [](Organisation* org) {
    std::erase_if(org->key_results, [](auto& k) { return k.key == "e1-k2"; });
  }, "objective:e1");
  ExpectFires("krs-per-objective", [](Organisation* org) {
    for (int i = 3; i <= 6; ++i) {
      org->key_results.push_back(FixtureKr("e2-k" + std::to_string(i), "e2", "z"));
    }
  }, "objective:e2");
}

TEST_CASE("kr-not-measurable: no number and not a milestone", "[analytics][lint]") {
  ExpectFires("kr-not-measurable", [](Organisation* org) {
    KeyResult* k = Kr(org, "e1-k1");
    k->start = k->target = k->current = 0;
  }, "kr:e1-k1");
  Organisation org = CleanOrg();
  KeyResult* k = Kr(&org, "e1-k1");
  k->kind = KrKind::kMilestone;
  k->start = k->target = k->current = 0;
  CHECK(Of(RunLint(org), "kr-not-measurable").empty());
}

TEST_CASE("kr-start-equals-target", "[analytics][lint]") {
  ExpectFires("kr-start-equals-target", [](Organisation* org) {
    Kr(org, "o1-k2")->start = 100;
  }, "kr:o1-k2");
}

TEST_CASE("kr-direction: target on the wrong side", "[analytics][lint]") {
  ExpectFires("kr-direction", [](Organisation* org) {
    Kr(org, "o1-k1")->kind = KrKind::kDecrease;
  }, "kr:o1-k1");
}

TEST_CASE("kr-weights-zero", "[analytics][lint]") {
  ExpectFires("kr-weights-zero", [](Organisation* org) {
    Kr(org, "o2-k1")->weight = 0;
    Kr(org, "o2-k2")->weight = 0;
  }, "objective:o2");
  Organisation org = CleanOrg();
  Kr(&org, "o2-k1")->weight = 0;
  CHECK(Of(RunLint(org), "kr-weights-zero").empty());
}

TEST_CASE("owner-missing and owner-unknown", "[analytics][lint]") {
  ExpectFires("owner-missing", [](Organisation* org) {
    Obj(org, "e2")->owner_email.clear();
  }, "objective:e2");
  ExpectFires("owner-unknown", [](Organisation* org) {
    Obj(org, "e2")->owner_email = "ghost@acme.test";
  }, "objective:e2");
  ExpectFires("owner-unknown", [](Organisation* org) {
    Kr(org, "e2-k1")->owner_email = "ghost@acme.test";
  }, "kr:e2-k1");
  Organisation org = CleanOrg();  // Nobody listed: nobody can be unknown.
  Obj(&org, "e2")->owner_email = "ghost@acme.test";
  org.people.clear();
  CHECK(Of(RunLint(org), "owner-unknown").empty());
}

TEST_CASE("objective-unaligned below company level", "[analytics][lint]") {
  ExpectFires("objective-unaligned", [](Organisation* org) {
    Obj(org, "o1")->parent.reset();
  }, "objective:o1");
  Organisation org = CleanOrg();
  Obj(&org, "o1")->parent.reset();
  Obj(&org, "o1")->supports.push_back({TargetKind::kObjective, "c2"});
  CHECK(Of(RunLint(org), "objective-unaligned").empty());  // Supports count.
}

TEST_CASE("alignment-other-cycle", "[analytics][lint]") {
  ExpectFires("alignment-other-cycle", [](Organisation* org) {
    org->cycles.push_back({"2026-Q4", Date{2026, 10, 1}, Date{2026, 12, 31}});
    Obj(org, "c1")->cycle = "2026-Q4";
  }, "objective:e1");
}

TEST_CASE("alignment-lower-level, also through a KR link", "[analytics][lint]") {
  ExpectFires("alignment-lower-level", [](Organisation* org) {
    Obj(org, "c2")->parent = LinkTarget{TargetKind::kKeyResult, "e1-k1"};
  }, "objective:c2");
  Organisation org = CleanOrg();  // Team to team is fine.
  Obj(&org, "o1")->parent = LinkTarget{TargetKind::kObjective, "e1"};
  CHECK(Of(RunLint(org), "alignment-lower-level").empty());
}

TEST_CASE("alignment-cycle names the loop", "[analytics][lint]") {
  ExpectFires("alignment-cycle", [](Organisation* org) {
    Obj(org, "o1")->parent = LinkTarget{TargetKind::kObjective, "o2"};
    Obj(org, "o2")->parent = LinkTarget{TargetKind::kObjective, "o1"};
  }, "objective:o1");
}

TEST_CASE("committed-under-aspirational", "[analytics][lint]") {
  ExpectFires("committed-under-aspirational", [](Organisation* org) {
    Obj(org, "c1")->committed = false;
  }, "objective:e1");
  Organisation org = CleanOrg();
  Obj(&org, "c1")->committed = false;
  Obj(&org, "e1")->committed = false;
  Obj(&org, "o1")->committed = false;
  CHECK(Of(RunLint(org), "committed-under-aspirational").empty());
}

TEST_CASE("kr-due-outside-cycle", "[analytics][lint]") {
  ExpectFires("kr-due-outside-cycle", [](Organisation* org) {
    Kr(org, "e1-k1")->due = Date{2027, 4, 15};
  }, "kr:e1-k1");
  Organisation org = CleanOrg();
  Kr(&org, "e1-k1")->due = Date{2027, 3, 31};  // Last day is inside.
  CHECK(Of(RunLint(org), "kr-due-outside-cycle").empty());
}

TEST_CASE("kr-unit-missing, not for milestones", "[analytics][lint]") {
  ExpectFires("kr-unit-missing", [](Organisation* org) {
    Kr(org, "e1-k1")->unit = " ";
  }, "kr:e1-k1");
  Organisation org = CleanOrg();
  Kr(&org, "e1-k1")->unit.clear();
  Kr(&org, "e1-k1")->kind = KrKind::kMilestone;
  CHECK(Of(RunLint(org), "kr-unit-missing").empty());
}

TEST_CASE("checkin-unit-mismatch: a fraction on a percent KR", "[analytics][lint]") {
  auto checkin = [](double v) {
    return CheckIn{.target_key = "e1-k1", .at = Date{2027, 1, 20}.ToUnixSeconds(),
                   .value = v};
  };
  ExpectFires("checkin-unit-mismatch", [&](Organisation* org) {
    org->check_ins.push_back(checkin(0.45));
  }, "kr:e1-k1");
  Organisation org = CleanOrg();
  org.check_ins.push_back(checkin(45));
  CHECK(Of(RunLint(org), "checkin-unit-mismatch").empty());
  // A 0..1 ratio KR read in percent.
  KeyResult* k = Kr(&org, "e1-k1");
  k->unit = "ratio";
  k->target = 0.9;
  k->current = 0.5;
  CHECK(Of(RunLint(org), "checkin-unit-mismatch").size() == 1);
}

TEST_CASE("objective-description-missing is off by default", "[analytics][lint]") {
  ExpectFires("objective-description-missing", [](Organisation* org) {
    Obj(org, "o1")->description.clear();
  }, "objective:o1");
  Organisation org = CleanOrg();
  Obj(&org, "o1")->description.clear();
  CHECK(Of(RunLint(org), "objective-description-missing").empty());
}

TEST_CASE("levels: override, off, unknown rule", "[analytics][lint]") {
  Organisation org = CleanOrg();
  Obj(&org, "e2")->owner_email.clear();
  LintSettings s;
  REQUIRE(SetLintLevel(&s, "owner-missing", "error").ok());
  auto found = Of(RunLint(org, s), "owner-missing");
  REQUIRE(found.size() == 1);
  CHECK(found[0].level == Severity::kError);
  CHECK(HasErrors(found));
  CHECK(FormatFinding(found[0]) ==
        "objective:e2: error: owner-missing: objective \"Harden the payment "
        "platform\" has no owner");
  REQUIRE(SetLintLevel(&s, "owner-missing", "off").ok());
  CHECK(Of(RunLint(org, s), "owner-missing").empty());
  CHECK(!SetLintLevel(&s, "no-such-rule", "error").ok());
  CHECK(!SetLintLevel(&s, "owner-missing", "loud").ok());
}

TEST_CASE("rule ids are unique and every rule is tested here", "[analytics][lint]") {
  std::set<std::string_view> ids;
  for (const LintRule& r : LintRules()) CHECK(ids.insert(r.id).second);
  CHECK(ids.size() == 19);
}

}  // namespace
}  // namespace okr
