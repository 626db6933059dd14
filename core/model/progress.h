// Copyright 2026 The okrd Authors.
//
// Progress, confidence and scoring: the OKR arithmetic. Pure functions over
// the model; thread-safe. Every result is finite and within [0, 1]: inputs
// that are not finite, zero-width ranges and negative weights are handled
// explicitly, never by dividing by zero.

#ifndef OKR_CORE_MODEL_PROGRESS_H_
#define OKR_CORE_MODEL_PROGRESS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/model/organisation.h"

namespace okr {

// Progress of one key result in [0, 1]:
//  increase:   (current - start) / (target - start), clamped;
//  decrease:   (start - current) / (start - target), clamped;
//              when the target is not beyond the start in the kind's
//              direction (start == target, or a "decrease" up to a higher
//              target), there is no range to cover: done once current is on
//              the kind's side of the target (>= for increase, <= for
//              decrease), else 0; lint flags such KRs;
//  stay-above: 1 while current >= target, else 0;
//  stay-below: 1 while current <= target, else 0;
//  milestone:  1 when current != 0, else 0.
// Non-finite inputs give 0.
double KeyResultProgress(KrKind kind, double start, double target,
                         double current);
double KeyResultProgress(const KeyResult& kr);

struct ObjectiveProgressOptions {
  // Also count objectives whose parent is this objective (or one of its KRs)
  // as contributions, each with `child_weight`, recursively.
  bool include_children = false;
  double child_weight = 1.0;
};

// Weighted mean of the objective's KR progress (weights < 0 count as 0).
// Returns nullopt for an objective with nothing to measure: no KRs (and no
// children when included) or all weights zero. Alignment cycles are
// tolerated (each objective is visited once).
std::optional<double> ObjectiveProgress(
    const Organisation& org, std::string_view objective_key,
    const ObjectiveProgressOptions& options = {});

// End-of-cycle score in [0, 1]: the override when set (clamped), otherwise
// the objective's progress, 0 for an empty objective.
double ObjectiveScore(const Organisation& org, const Objective& objective,
                      const ObjectiveProgressOptions& options = {});

// Confidence bands shown beside the 0..1 number.
enum class ConfidenceBand { kOnTrack, kAtRisk, kOffTrack };
struct ConfidenceThresholds {
  double on_track = 0.7;  // >= on_track is on track.
  double at_risk = 0.4;   // >= at_risk (and < on_track) is at risk.
};
ConfidenceBand BandOf(double confidence, const ConfidenceThresholds& t = {});
std::string_view ConfidenceBandName(ConfidenceBand band);  // "on track", ...

// The latest check-in with a confidence for a target, or nullptr.
// `org.check_ins` is ordered oldest first.
const CheckIn* LatestCheckIn(const Organisation& org, TargetKind kind,
                             std::string_view key);

// Confidence of an objective: its own latest check-in confidence if newer
// than all of its KRs', else the weighted mean of its KRs' latest
// confidences. nullopt when nobody has said anything.
std::optional<double> ObjectiveConfidence(const Organisation& org,
                                          const Objective& objective);

// Phase of a cycle on a given day.
Phase PhaseOn(const Cycle& cycle, const Date& day);
// The cycle to show by default on `today`: one whose planning..retrospective
// window contains today (the one in execution preferred), else the most
// recent one that started before today, else the first. nullptr when empty.
const Cycle* CurrentCycle(const std::vector<Cycle>& cycles, const Date& today);

}  // namespace okr

#endif  // OKR_CORE_MODEL_PROGRESS_H_
