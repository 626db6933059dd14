// Copyright 2026 The okrd Authors.

#include "core/model/progress.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/model/progress_inputs.h"

namespace okr {
namespace {

double Clamp01(double x) {
  if (!std::isfinite(x)) return 0;
  return std::clamp(x, 0.0, 1.0);
}

// (current - start) / (target - start) for start < target, without
// overflow for huge magnitudes.
double Ratio(double start, double target, double current) {
  double done = current - start, span = target - start;
  if (!std::isfinite(done) || !std::isfinite(span)) {
    done = current / 2 - start / 2;
    span = target / 2 - start / 2;
  }
  return Clamp01(done / span);
}

// A KR's weight as the arithmetic uses it: negative and non-finite are 0.
double KrWeight(const KeyResult& kr) {
  return std::isfinite(kr.weight) ? std::max(kr.weight, 0.0) : 0;
}

bool IsChildOf(const Organisation& org, const Objective& child,
               std::string_view parent_key) {
  if (!child.parent) return false;
  if (child.parent->kind == TargetKind::kObjective) {
    return child.parent->key == parent_key;
  }
  for (const KeyResult& kr : org.key_results) {
    if (kr.key == child.parent->key) return kr.objective_key == parent_key;
  }
  return false;
}

std::optional<double> ProgressVisiting(const Organisation& org,
                                       std::string_view key,
                                       const ObjectiveProgressOptions& options,
                                       std::set<std::string>* visited) {
  if (!visited->insert(std::string(key)).second) return std::nullopt;
  double sum = 0, weights = 0;
  for (const KeyResult& kr : org.key_results) {
    if (kr.objective_key != key) continue;
    const double w = KrWeight(kr);
    sum += w * KeyResultProgress(kr);
    weights += w;
  }
  if (options.include_children && options.child_weight > 0) {
    for (const Objective& child : org.objectives) {
      if (!IsChildOf(org, child, key)) continue;
      auto p = ProgressVisiting(org, child.key, options, visited);
      if (!p) continue;
      sum += options.child_weight * *p;
      weights += options.child_weight;
    }
  }
  if (weights <= 0) return std::nullopt;
  return Clamp01(sum / weights);
}

}  // namespace

double KeyResultProgress(KrKind kind, double start, double target,
                         double current) {
  if (!std::isfinite(start) || !std::isfinite(target) ||
      !std::isfinite(current)) {
    return 0;
  }
  switch (kind) {
    case KrKind::kIncrease:
      if (target <= start) return current >= target ? 1 : 0;
      return Ratio(start, target, current);
    case KrKind::kDecrease:
      if (target >= start) return current <= target ? 1 : 0;
      return Ratio(-start, -target, -current);
    case KrKind::kStayAbove:
      return current >= target ? 1 : 0;
    case KrKind::kStayBelow:
      return current <= target ? 1 : 0;
    case KrKind::kMilestone:
      return current != 0 ? 1 : 0;
  }
  return 0;
}

double KeyResultProgress(const KeyResult& kr) {
  return KeyResultProgress(kr.kind, kr.start, kr.target, kr.current);
}

std::optional<double> ObjectiveProgress(const Organisation& org,
                                        std::string_view objective_key,
                                        const ObjectiveProgressOptions& options) {
  std::set<std::string> visited;
  return ProgressVisiting(org, objective_key, options, &visited);
}

double ObjectiveScore(const Organisation& org, const Objective& objective,
                      const ObjectiveProgressOptions& options) {
  if (objective.score_override) return Clamp01(*objective.score_override);
  return ObjectiveProgress(org, objective.key, options).value_or(0);
}

ConfidenceBand BandOf(double confidence, const ConfidenceThresholds& t) {
  if (confidence >= t.on_track) return ConfidenceBand::kOnTrack;
  if (confidence >= t.at_risk) return ConfidenceBand::kAtRisk;
  return ConfidenceBand::kOffTrack;  // NaN lands here too.
}

std::string_view ConfidenceBandName(ConfidenceBand band) {
  switch (band) {
    case ConfidenceBand::kOnTrack: return "on track";
    case ConfidenceBand::kAtRisk: return "at risk";
    case ConfidenceBand::kOffTrack: return "off track";
  }
  return "?";
}

const CheckIn* LatestCheckIn(const Organisation& org, TargetKind kind,
                             std::string_view key) {
  const CheckIn* latest = nullptr;
  for (const CheckIn& c : org.check_ins) {
    if (c.target_kind != kind || c.target_key != key || !c.confidence) continue;
    if (latest == nullptr || c.at >= latest->at) latest = &c;
  }
  return latest;
}

std::optional<double> ObjectiveConfidence(const Organisation& org,
                                          const Objective& objective) {
  std::vector<const KeyResult*> krs;
  std::vector<const CheckIn*> latest;
  for (const KeyResult& kr : org.key_results) {
    if (kr.objective_key != objective.key) continue;
    krs.push_back(&kr);
    latest.push_back(LatestCheckIn(org, TargetKind::kKeyResult, kr.key));
  }
  return CombinedConfidence(
      LatestCheckIn(org, TargetKind::kObjective, objective.key), krs, latest);
}

std::optional<double> CombinedConfidence(
    const CheckIn* own, const std::vector<const KeyResult*>& krs,
    const std::vector<const CheckIn*>& kr_latest) {
  double sum = 0, weights = 0;
  UnixSeconds newest_kr = 0;
  for (size_t i = 0; i < krs.size() && i < kr_latest.size(); ++i) {
    const CheckIn* c = kr_latest[i];
    if (c == nullptr) continue;
    const double w = KrWeight(*krs[i]);
    sum += w * Clamp01(*c->confidence);
    weights += w;
    newest_kr = std::max(newest_kr, c->at);
  }
  if (own != nullptr && (weights <= 0 || own->at >= newest_kr)) {
    return Clamp01(*own->confidence);
  }
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

std::optional<double> KrsProgress(const std::vector<const KeyResult*>& krs) {
  double sum = 0, weights = 0;
  for (const KeyResult* kr : krs) {
    sum += KrWeight(*kr) * KeyResultProgress(*kr);
    weights += KrWeight(*kr);
  }
  if (weights <= 0) return std::nullopt;
  return Clamp01(sum / weights);
}

Phase PhaseOn(const Cycle& cycle, const Date& day) {
  if (day < cycle.start.AddDays(-std::max(cycle.planning_days, 0))) {
    return Phase::kBefore;
  }
  if (day < cycle.start) return Phase::kPlanning;
  if (day <= cycle.end) return Phase::kExecution;
  if (day <= cycle.end.AddDays(std::max(cycle.retrospective_days, 0))) {
    return Phase::kRetrospective;
  }
  return Phase::kAfter;
}

const Cycle* CurrentCycle(const std::vector<Cycle>& cycles, const Date& today) {
  const Cycle* best = nullptr;
  for (const Cycle& c : cycles) {
    if (PhaseOn(c, today) == Phase::kExecution) return &c;
  }
  for (const Cycle& c : cycles) {
    const Phase p = PhaseOn(c, today);
    if (p == Phase::kPlanning || p == Phase::kRetrospective) return &c;
  }
  for (const Cycle& c : cycles) {
    if (c.start <= today && (best == nullptr || best->start < c.start)) {
      best = &c;
    }
  }
  if (best == nullptr && !cycles.empty()) best = &cycles.front();
  return best;
}

}  // namespace okr
