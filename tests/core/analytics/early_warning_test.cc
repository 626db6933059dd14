// Copyright 2026 The okrd Authors.

#include "core/analytics/early_warning.h"

#include <catch2/catch.hpp>

#include "tests/core/analytics/analytics_fixture.h"

namespace okr {
namespace {

using Approx = Catch::Detail::Approx;
using testing::CleanOrg;

const Date kToday{2027, 2, 15};  // Day 46 of 90: elapsed 0.511.

UnixSeconds On(int m, int d) { return Date{2027, m, d}.ToUnixSeconds() + 3600; }

CheckIn Ci(const std::string& kr, UnixSeconds at, std::optional<double> value,
           std::optional<double> confidence) {
  return {.target_key = kr, .at = at, .value = value, .confidence = confidence};
}

// Every KR of the fixture checked in yesterday, on track, at its value.
Organisation Fresh() {
  Organisation org = CleanOrg();
  for (const KeyResult& kr : org.key_results) {
    org.check_ins.push_back(Ci(kr.key, On(2, 14), kr.current, 0.8));
  }
  return org;
}

const KrRisk& Find(const std::vector<KrRisk>& all, std::string_view key) {
  for (const KrRisk& r : all) {
    if (r.kr_key == key) return r;
  }
  FAIL("no risk for " << key);
  return all.front();
}

TEST_CASE("a fresh, on-track organisation has no risk", "[analytics][risk]") {
  const Organisation org = Fresh();
  const auto risks = AssessRisks(org, org.cycles[0], kToday);
  REQUIRE(risks.size() == org.key_results.size());
  for (const KrRisk& r : risks) {
    INFO(r.kr_key);
    CHECK(r.reasons.empty());
    CHECK(r.elapsed == Approx(46.0 / 90));
  }
}

TEST_CASE("low confidence: below 0.7 by default, threshold configurable",
          "[analytics][risk]") {
  Organisation org = Fresh();
  org.check_ins.push_back(Ci("e1-k1", On(2, 14), std::nullopt, 0.69));
  auto risks = AssessRisks(org, org.cycles[0], kToday);
  CHECK(Find(risks, "e1-k1").Has(RiskReason::kLowConfidence));
  CHECK(Find(risks, "e1-k1").confidence == Approx(0.69));
  CHECK(!Find(risks, "e1-k2").Has(RiskReason::kLowConfidence));
  RiskThresholds t;
  t.low_confidence = 0.6;
  risks = AssessRisks(org, org.cycles[0], kToday, t);
  CHECK(!Find(risks, "e1-k1").Has(RiskReason::kLowConfidence));
}

TEST_CASE("sharp confidence drop since the previous check-in",
          "[analytics][risk]") {
  Organisation org = Fresh();
  org.check_ins.push_back(Ci("e1-k1", On(2, 15), std::nullopt, 0.95));
  org.check_ins.push_back(Ci("e1-k2", On(2, 15), std::nullopt, 0.7));  // -0.1
  auto risks = AssessRisks(org, org.cycles[0], kToday);
  CHECK(risks.size() == 12);
  CHECK(!Find(risks, "e1-k1").Has(RiskReason::kConfidenceDrop));  // Rose.
  CHECK(!Find(risks, "e1-k2").Has(RiskReason::kConfidenceDrop));
  org.check_ins.push_back(Ci("e1-k1", On(2, 15), std::nullopt, 0.75));  // -0.2
  risks = AssessRisks(org, org.cycles[0], kToday);
  const KrRisk& r = Find(risks, "e1-k1");
  CHECK(r.Has(RiskReason::kConfidenceDrop));
  CHECK(!r.Has(RiskReason::kLowConfidence));  // 0.75 is still on track.
  CHECK(r.previous_confidence == Approx(0.95));
}

TEST_CASE("behind pace by more than the margin, with a forecast",
          "[analytics][risk]") {
  Organisation org = Fresh();
  // 0 -> 100 %: 10 on Jan 15, 20 on Feb 14: the line ends near 40.
  org.key_results[0].current = 20;
  std::erase_if(org.check_ins, [](auto& c) { return c.target_key == "c1-k1"; });
  org.check_ins.push_back(Ci("c1-k1", On(1, 15), 10, std::nullopt));
  org.check_ins.push_back(Ci("c1-k1", On(2, 14), 20, std::nullopt));
  auto risks = AssessRisks(org, org.cycles[0], kToday);
  const KrRisk& r = Find(risks, "c1-k1");
  CHECK(r.Has(RiskReason::kBehindPace));  // 0.51 - 0.20 > 0.25
  REQUIRE(r.forecast);
  CHECK(*r.forecast == Approx(40.0).margin(4));
  CHECK(*r.forecast_progress == Approx(0.4).margin(0.04));
  // 0.51 - 0.30 = 0.21: within the margin.
  org.key_results[0].current = 30;
  risks = AssessRisks(org, org.cycles[0], kToday);
  CHECK(!Find(risks, "c1-k1").Has(RiskReason::kBehindPace));
}

TEST_CASE("stay-above not held, milestone overdue", "[analytics][risk]") {
  Organisation org = Fresh();
  org.key_results[1].kind = KrKind::kStayAbove;
  org.key_results[1].target = 60;  // current 50
  org.key_results[2].kind = KrKind::kMilestone;
  org.key_results[2].current = 0;
  org.key_results[2].due = Date{2027, 2, 14};
  org.key_results[3].kind = KrKind::kMilestone;
  org.key_results[3].current = 0;
  org.key_results[3].due = Date{2027, 2, 15};  // Due today: not overdue.
  auto risks = AssessRisks(org, org.cycles[0], kToday);
  CHECK(risks[1].reasons == std::vector{RiskReason::kTargetNotHeld});
  CHECK(risks[2].reasons == std::vector{RiskReason::kMilestoneOverdue});
  CHECK(risks[3].reasons.empty());
}

TEST_CASE("stale: more than 7 days without a check-in", "[analytics][risk]") {
  Organisation org = CleanOrg();
  org.check_ins.push_back(Ci("e1-k1", On(2, 8), std::nullopt, 0.9));  // 7 days
  org.check_ins.push_back(Ci("e1-k2", On(2, 7), std::nullopt, 0.9));  // 8 days
  auto risks = AssessRisks(org, org.cycles[0], kToday);
  CHECK(!Find(risks, "e1-k1").Has(RiskReason::kStale));
  CHECK(Find(risks, "e1-k2").Has(RiskReason::kStale));
  CHECK(Find(risks, "e1-k2").days_since_check_in == 8);
  CHECK(!Find(risks, "e1-k2").AtRisk());  // Stale alone is not "at risk".
  CHECK(Find(risks, "o1-k1").Has(RiskReason::kStale));  // Never checked in.
  // Before the cycle starts nothing is stale.
  risks = AssessRisks(org, org.cycles[0], Date{2026, 12, 20});
  CHECK(!Find(risks, "o1-k1").Has(RiskReason::kStale));
  RiskThresholds t;
  t.stale_after_days = 10;
  risks = AssessRisks(org, org.cycles[0], kToday, t);
  CHECK(!Find(risks, "e1-k2").Has(RiskReason::kStale));
}

TEST_CASE("objective at risk when half its KR weight is", "[analytics][risk]") {
  Organisation org = Fresh();
  org.check_ins.push_back(Ci("e1-k1", On(2, 15), std::nullopt, 0.2));
  auto krs = AssessRisks(org, org.cycles[0], kToday);
  auto objectives = AssessObjectiveRisks(org, org.cycles[0], krs);
  REQUIRE(objectives.size() == 6);
  CHECK(objectives[2].objective_key == "e1");
  CHECK(objectives[2].at_risk_share == Approx(0.5));
  CHECK(objectives[2].at_risk);
  CHECK(!objectives[3].at_risk);
  org.key_results[5].weight = 3;  // e1-k2 weighs 3: share 0.25.
  krs = AssessRisks(org, org.cycles[0], kToday);
  objectives = AssessObjectiveRisks(org, org.cycles[0], krs);
  CHECK(objectives[2].at_risk_share == Approx(0.25));
  CHECK(!objectives[2].at_risk);
}

TEST_CASE("least squares and elapsed share", "[analytics][risk]") {
  CHECK(*LeastSquaresAt({0, 1, 2}, {1, 3, 5}, 4) == Approx(9));
  CHECK(*LeastSquaresAt({3}, {7}, 10) == Approx(7));
  CHECK(!LeastSquaresAt({}, {}, 1));
  const Cycle c{"q", {2027, 1, 1}, {2027, 1, 10}};
  CHECK(ElapsedShare(c, {2026, 12, 1}) == 0);
  CHECK(ElapsedShare(c, {2027, 1, 5}) == Approx(0.5));
  CHECK(ElapsedShare(c, {2027, 5, 1}) == 1);
  CHECK(ReferenceDay(c, {2027, 5, 1}) == Date{2027, 1, 10});
}

}  // namespace
}  // namespace okr
