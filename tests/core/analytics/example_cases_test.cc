// Copyright 2026 The okrd Authors.
//
// The example organisation shows the analytics: linting it yields every lint
// rule a stored organisation can break, each kind of double work, and every
// early-warning case (docs/analytics.md, "In the example organisation").

#include <catch2/catch.hpp>
#include <set>

#include "core/analytics/duplicates.h"
#include "core/analytics/early_warning.h"
#include "core/analytics/lint_rules.h"
#include "core/example/example_org.h"
#include "core/model/progress.h"
#include "core/model/validate.h"

namespace okr {
namespace {

// Two rules describe data the store refuses (core/model/validate.h: every
// owner is a person, the alignment graph has no cycle), so no stored
// organisation, the example included, can show them.
bool Storable(std::string_view rule) {
  return rule != "owner-unknown" && rule != "alignment-cycle";
}

// Every rule on, at least at warning level (the description rule is off by
// default).
LintSettings AllRulesOn() {
  LintSettings settings;
  for (const LintRule& rule : LintRules()) {
    if (rule.default_level == Severity::kOff) {
      REQUIRE(SetLintLevel(&settings, rule.id, "warning").ok());
    }
  }
  return settings;
}

std::set<std::string> RulesOf(const std::vector<Finding>& findings) {
  std::set<std::string> rules;
  for (const Finding& f : findings) rules.insert(f.rule);
  return rules;
}

bool HasSubject(const std::vector<Finding>& findings, std::string_view rule,
                std::string_view subject) {
  for (const Finding& f : findings) {
    if (f.rule != rule) continue;
    for (const std::string& s : f.subjects) {
      if (s == subject) return true;
    }
  }
  return false;
}

const Date kToday{2026, 11, 24};

TEST_CASE("linting the example yields every storable lint rule",
          "[analytics][example]") {
  const Organisation org = MakeExampleOrganisation(kToday);
  REQUIRE(ValidateOrganisation(org).ok());  // The demo can store it.
  const std::vector<Finding> findings = RunLint(org, AllRulesOn());
  const std::set<std::string> rules = RulesOf(findings);
  int storable = 0;
  for (const LintRule& rule : LintRules()) {
    INFO(rule.id);
    if (Storable(rule.id)) {
      ++storable;
      CHECK(rules.count(std::string(rule.id)) == 1);
    } else {
      CHECK(rules.count(std::string(rule.id)) == 0);
    }
  }
  CHECK(storable == 17);
  // The cases are where example_org.h says they are.
  using C = ExampleCases;
  auto s = [](std::string_view kind, std::string_view key) {
    return std::string(kind) + ":" + std::string(key);
  };
  const std::pair<const char*, std::string> kWhere[] = {
      {"objectives-per-unit-max", s("unit", C::kTeamWithSixObjectives)},
      {"objectives-per-unit", s("unit", C::kTeamWithOneObjective)},
      {"objectives-per-person", s("person", C::kPersonWithFourObjectives)},
      {"alignment-other-cycle", s("objective", C::kAlignedToOtherCycle)},
      {"alignment-lower-level", s("objective", C::kAlignedToLowerLevel)},
      {"kr-not-measurable", s("kr", C::kKrNotMeasurable)},
      {"owner-missing", s("objective", C::kObjectiveWithoutOwner)},
      {"kr-weights-zero", s("objective", C::kObjectiveWithoutOwner)},
      {"krs-per-objective", s("objective", C::kObjectiveWithOneKr)},
      {"objective-description-missing",
       s("objective", C::kObjectiveWithoutDescription)},
      {"checkin-unit-mismatch", s("kr", C::kKrWithFractionTypo)},
  };
  for (const auto& [rule, subject] : kWhere) {
    INFO(rule << " " << subject);
    CHECK(HasSubject(findings, rule, subject));
  }
  // With the default levels the description rule stays silent and the
  // error-level rules make `okrd lint` on the demo exit 1.
  const std::vector<Finding> defaults = RunLint(org);
  CHECK(RulesOf(defaults).count("objective-description-missing") == 0);
  CHECK(HasErrors(defaults));
}

TEST_CASE("the example has each kind of double work", "[analytics][example]") {
  const Organisation org = MakeExampleOrganisation(kToday);
  const std::vector<Finding> found = FindDuplicates(org);
  const std::set<std::string> rules = RulesOf(found);
  for (const char* rule :
       {"duplicate-objective", "duplicate-metric", "kpi-unlinked"}) {
    INFO(rule);
    CHECK(rules.count(rule) == 1);
  }
  CHECK(HasSubject(found, "duplicate-objective",
                   "objective:" + std::string(ExampleCases::kDuplicateA)));
  CHECK(HasSubject(found, "duplicate-metric",
                   "kr:" + std::string(ExampleCases::kSameMetricA)));
  CHECK(HasSubject(found, "duplicate-metric",
                   "kr:" + std::string(ExampleCases::kSameMetricB)));
}

TEST_CASE("the example has every early-warning case", "[analytics][example]") {
  const Organisation org = MakeExampleOrganisation(kToday);
  const Cycle* cycle = CurrentCycle(org.cycles, kToday);
  REQUIRE(cycle != nullptr);
  const std::vector<KrRisk> risks = AssessRisks(org, *cycle, kToday);
  std::set<RiskReason> reasons;
  bool behind_with_forecast = false;
  for (const KrRisk& r : risks) {
    reasons.insert(r.reasons.begin(), r.reasons.end());
    // Behind pace, and the forecast says it will not make it either.
    behind_with_forecast |= r.Has(RiskReason::kBehindPace) && r.forecast &&
                            r.forecast_progress && *r.forecast_progress < 0.7;
  }
  for (RiskReason r : {RiskReason::kLowConfidence, RiskReason::kConfidenceDrop,
                       RiskReason::kBehindPace, RiskReason::kTargetNotHeld,
                       RiskReason::kMilestoneOverdue, RiskReason::kStale}) {
    INFO(RiskReasonName(r));
    CHECK(reasons.count(r) == 1);
  }
  CHECK(behind_with_forecast);
  // Objectives at risk by their weighted KRs, and some that are not.
  int at_risk = 0, fine = 0;
  for (const ObjectiveRisk& o : AssessObjectiveRisks(org, *cycle, risks)) {
    (o.at_risk ? at_risk : fine) += 1;
  }
  CHECK(at_risk >= 1);
  CHECK(fine > at_risk);
}

}  // namespace
}  // namespace okr
