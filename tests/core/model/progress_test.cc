// Copyright 2026 The okrd Authors.

#include "core/model/progress.h"

#include <catch2/catch.hpp>
#include <limits>

namespace okr {
namespace {

using Approx = Catch::Detail::Approx;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

TEST_CASE("increase: linear, clamped, start == target", "[model]") {
  CHECK(KeyResultProgress(KrKind::kIncrease, 0, 100, 40) == Approx(0.4));
  CHECK(KeyResultProgress(KrKind::kIncrease, 20, 70, 45) == Approx(0.5));
  CHECK(KeyResultProgress(KrKind::kIncrease, 0, 100, 130) == 1.0);  // overshoot
  CHECK(KeyResultProgress(KrKind::kIncrease, 10, 20, 5) == 0.0);    // regress
  CHECK(KeyResultProgress(KrKind::kIncrease, -50, -10, -30) == Approx(0.5));
  CHECK(KeyResultProgress(KrKind::kIncrease, 5, 5, 5) == 1.0);
  CHECK(KeyResultProgress(KrKind::kIncrease, 5, 5, 4.999) == 0.0);
}

TEST_CASE("decrease: mirrored, clamped, start == target", "[model]") {
  CHECK(KeyResultProgress(KrKind::kDecrease, 300, 100, 250) == Approx(0.25));
  CHECK(KeyResultProgress(KrKind::kDecrease, 300, 100, 50) == 1.0);
  CHECK(KeyResultProgress(KrKind::kDecrease, 300, 100, 320) == 0.0);
  CHECK(KeyResultProgress(KrKind::kDecrease, -10, -30, -25) == Approx(0.75));
  CHECK(KeyResultProgress(KrKind::kDecrease, 7, 7, 7) == 1.0);
  CHECK(KeyResultProgress(KrKind::kDecrease, 7, 7, 7.5) == 0.0);
  // A "decrease" to a target above the start has no range to cover: it is
  // met while current stays at or below the target.
  CHECK(KeyResultProgress(KrKind::kDecrease, 10, 20, 15) == 1.0);
  CHECK(KeyResultProgress(KrKind::kDecrease, 10, 20, 21) == 0.0);
  CHECK(KeyResultProgress(KrKind::kIncrease, 10, 5, 4) == 0.0);
  CHECK(KeyResultProgress(KrKind::kIncrease, 10, 5, 6) == 1.0);
}

TEST_CASE("stay-above and stay-below are met or not, boundary included",
          "[model]") {
  CHECK(KeyResultProgress(KrKind::kStayAbove, 0, 99.9, 99.9) == 1.0);
  CHECK(KeyResultProgress(KrKind::kStayAbove, 0, 99.9, 99.89) == 0.0);
  CHECK(KeyResultProgress(KrKind::kStayAbove, 0, -5, -4) == 1.0);
  CHECK(KeyResultProgress(KrKind::kStayBelow, 0, 200, 200) == 1.0);
  CHECK(KeyResultProgress(KrKind::kStayBelow, 0, 200, 201) == 0.0);
  CHECK(KeyResultProgress(KrKind::kStayBelow, 0, -1, -3) == 1.0);
}

TEST_CASE("milestone is done when current is non-zero", "[model]") {
  CHECK(KeyResultProgress(KrKind::kMilestone, 0, 1, 0) == 0.0);
  CHECK(KeyResultProgress(KrKind::kMilestone, 0, 1, 1) == 1.0);
  CHECK(KeyResultProgress(KrKind::kMilestone, 0, 1, -1) == 1.0);
}

TEST_CASE("non-finite inputs never give NaN or out-of-range", "[model]") {
  for (KrKind k : {KrKind::kIncrease, KrKind::kDecrease, KrKind::kStayAbove,
                   KrKind::kStayBelow, KrKind::kMilestone}) {
    CHECK(KeyResultProgress(k, 0, 10, kNan) == 0.0);
    CHECK(KeyResultProgress(k, kInf, 10, 5) == 0.0);
    CHECK(KeyResultProgress(k, 0, -kInf, 5) == 0.0);
  }
  // Huge spans stay finite.
  CHECK(KeyResultProgress(KrKind::kIncrease, -1e308, 1e308, 0) == Approx(0.5));
  CHECK(KeyResultProgress(KrKind::kDecrease, 1e308, -1e308, 5e307) ==
        Approx(0.25));
}

Organisation TwoKrObjective() {
  Organisation org;
  org.objectives.push_back({.key = "o1", .title = "Grow"});
  KeyResult a{.key = "a", .objective_key = "o1", .kind = KrKind::kIncrease,
              .start = 0, .target = 100, .current = 50, .weight = 1};
  KeyResult b{.key = "b", .objective_key = "o1", .kind = KrKind::kMilestone,
              .start = 0, .target = 1, .current = 1, .weight = 3};
  org.key_results = {a, b};
  return org;
}

TEST_CASE("objective progress is the weighted mean of its KRs", "[model]") {
  Organisation org = TwoKrObjective();
  CHECK(*ObjectiveProgress(org, "o1") == Approx((0.5 * 1 + 1.0 * 3) / 4));
  org.key_results[1].weight = 0;
  CHECK(*ObjectiveProgress(org, "o1") == Approx(0.5));
  org.key_results[0].weight = -2;  // Negative counts as zero.
  CHECK_FALSE(ObjectiveProgress(org, "o1").has_value());
}

TEST_CASE("empty objective has no progress and scores 0 unless overridden",
          "[model]") {
  Organisation org;
  org.objectives.push_back({.key = "empty", .title = "Nothing yet"});
  CHECK_FALSE(ObjectiveProgress(org, "empty").has_value());
  CHECK(ObjectiveScore(org, org.objectives[0]) == 0.0);
  org.objectives[0].score_override = 0.7;
  CHECK(ObjectiveScore(org, org.objectives[0]) == Approx(0.7));
  org.objectives[0].score_override = 1.4;
  CHECK(ObjectiveScore(org, org.objectives[0]) == 1.0);
}

TEST_CASE("children contribute only when asked, through objective or KR links",
          "[model]") {
  Organisation org = TwoKrObjective();  // o1 progress 0.875
  Objective child{.key = "c1", .title = "Child"};
  child.parent = LinkTarget{TargetKind::kKeyResult, "a"};
  org.objectives.push_back(child);
  org.key_results.push_back({.key = "c1k", .objective_key = "c1",
                             .kind = KrKind::kIncrease, .start = 0,
                             .target = 10, .current = 0});
  CHECK(*ObjectiveProgress(org, "o1") == Approx(0.875));
  ObjectiveProgressOptions with{.include_children = true, .child_weight = 4};
  CHECK(*ObjectiveProgress(org, "o1", with) == Approx(3.5 / 8));
  // A loop in the links does not recurse forever.
  org.objectives[0].parent = LinkTarget{TargetKind::kObjective, "c1"};
  CHECK(ObjectiveProgress(org, "o1", with).has_value());
}

TEST_CASE("confidence bands and objective confidence", "[model]") {
  CHECK(BandOf(0.7) == ConfidenceBand::kOnTrack);
  CHECK(BandOf(0.69) == ConfidenceBand::kAtRisk);
  CHECK(BandOf(0.4) == ConfidenceBand::kAtRisk);
  CHECK(BandOf(0.39) == ConfidenceBand::kOffTrack);
  CHECK(BandOf(kNan) == ConfidenceBand::kOffTrack);
  CHECK(ConfidenceBandName(ConfidenceBand::kAtRisk) == "at risk");

  Organisation org = TwoKrObjective();
  CHECK_FALSE(ObjectiveConfidence(org, org.objectives[0]).has_value());
  org.check_ins.push_back({.target_key = "a", .at = 100, .confidence = 0.2});
  org.check_ins.push_back({.target_key = "b", .at = 110, .confidence = 0.6});
  org.check_ins.push_back({.target_key = "a", .at = 120, .confidence = 0.8});
  CHECK(*ObjectiveConfidence(org, org.objectives[0]) ==
        Approx((0.8 * 1 + 0.6 * 3) / 4));
  CHECK(LatestCheckIn(org, TargetKind::kKeyResult, "a")->at == 120);
  org.check_ins.push_back({.target_kind = TargetKind::kObjective,
                           .target_key = "o1", .at = 130, .confidence = 0.1});
  CHECK(*ObjectiveConfidence(org, org.objectives[0]) == Approx(0.1));
}

TEST_CASE("cycle phases and the current cycle", "[model]") {
  Cycle q1{.name = "2027-Q1", .start = {2027, 1, 4}, .end = {2027, 3, 31},
           .planning_days = 14, .retrospective_days = 7};
  CHECK(PhaseOn(q1, {2026, 12, 20}) == Phase::kBefore);
  CHECK(PhaseOn(q1, {2026, 12, 21}) == Phase::kPlanning);
  CHECK(PhaseOn(q1, {2027, 1, 3}) == Phase::kPlanning);
  CHECK(PhaseOn(q1, {2027, 1, 4}) == Phase::kExecution);
  CHECK(PhaseOn(q1, {2027, 3, 31}) == Phase::kExecution);
  CHECK(PhaseOn(q1, {2027, 4, 7}) == Phase::kRetrospective);
  CHECK(PhaseOn(q1, {2027, 4, 8}) == Phase::kAfter);

  Cycle q2{.name = "2027-Q2", .start = {2027, 4, 1}, .end = {2027, 6, 30}};
  std::vector<Cycle> cycles{q1, q2};
  // In Q2's execution and Q1's retrospective: execution wins.
  CHECK(CurrentCycle(cycles, {2027, 4, 2})->name == "2027-Q2");
  CHECK(CurrentCycle(cycles, {2026, 12, 25})->name == "2027-Q1");
  CHECK(CurrentCycle(cycles, {2028, 1, 1})->name == "2027-Q2");
  CHECK(CurrentCycle(cycles, {2020, 1, 1})->name == "2027-Q1");
  CHECK(CurrentCycle({}, {2020, 1, 1}) == nullptr);
}

}  // namespace
}  // namespace okr
