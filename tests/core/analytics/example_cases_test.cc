// Copyright 2026 The okrd Authors.
//
// The example organisation shows the analytics: the finding kinds the demo
// is meant to have are there (docs/analytics.md lists what is not).

#include <catch2/catch.hpp>
#include <set>

#include "core/analytics/duplicates.h"
#include "core/analytics/early_warning.h"
#include "core/analytics/lint_rules.h"
#include "core/example/example_org.h"
#include "core/model/progress.h"

namespace okr {
namespace {

TEST_CASE("the example organisation has a case of each shown finding",
          "[analytics][example]") {
  const Date today{2026, 11, 24};
  const Organisation org = MakeExampleOrganisation(today);
  const Cycle* cycle = CurrentCycle(org.cycles, today);
  REQUIRE(cycle != nullptr);

  std::set<std::string> rules;
  for (const Finding& f : RunLint(org)) rules.insert(f.rule);
  for (const Finding& f : FindDuplicates(org)) rules.insert(f.rule);
  for (const char* rule :
       {"objectives-per-unit", "kr-start-equals-target", "objective-unaligned",
        "committed-under-aspirational", "duplicate-objective",
        "kpi-unlinked"}) {
    INFO(rule);
    CHECK(rules.count(rule) == 1);
  }
  CHECK(!HasErrors(RunLint(org)));  // okrd lint on the demo exits 0.

  std::set<RiskReason> reasons;
  for (const KrRisk& r : AssessRisks(org, *cycle, today)) {
    reasons.insert(r.reasons.begin(), r.reasons.end());
  }
  for (RiskReason r : {RiskReason::kLowConfidence, RiskReason::kConfidenceDrop,
                       RiskReason::kBehindPace, RiskReason::kTargetNotHeld,
                       RiskReason::kMilestoneOverdue, RiskReason::kStale}) {
    INFO(RiskReasonName(r));
    CHECK(reasons.count(r) == 1);
  }
}

}  // namespace
}  // namespace okr
