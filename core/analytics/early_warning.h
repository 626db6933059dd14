// Copyright 2026 The okrd Authors.
//
// Early warning: which key results and objectives of a cycle are at risk,
// and why, judged on a given day. The one place these rules live; the
// status page (core/web/views.h), the feeds' live status and the webhook
// notifier call it.
//
// Contract. Pure functions of their arguments; thread-safe; no I/O. The
// organisation need not be valid (unknown keys are skipped). Results hold
// copies (keys), never pointers into the organisation. Check-ins are read in
// the order of org.check_ins (oldest first, as stored).
//
//  - Reference day: `today`, or the cycle's last day when today is past it.
//    Elapsed share: days of execution up to and including the reference day
//    over all of its days, in 0..1 (0 before the start).
//  - kLowConfidence: the latest check-in confidence < low_confidence.
//  - kConfidenceDrop: the latest confidence is at least confidence_drop
//    below the one before it (on the same KR).
//  - kBehindPace (increase/decrease KRs): elapsed - progress > behind_margin.
//    The forecast of the end value is a least-squares line through
//    (cycle start, start value) and every valued check-in, at the cycle's
//    last day; it is reported, it does not change the verdict.
//  - kTargetNotHeld (stay-above/below): the target is not held now.
//  - kMilestoneOverdue: a milestone not done whose due day is before the
//    reference day.
//  - kStale: the latest check-in on the KR (any kind) is more than
//    stale_after_days before the reference day, or there is none and the
//    cycle started more than stale_after_days before it. Never before the
//    cycle starts.
//  - An objective is at risk when the weight of its at-risk KRs (stale alone
//    does not count) is at least objective_share of its KRs' weight.

#ifndef OKR_CORE_ANALYTICS_EARLY_WARNING_H_
#define OKR_CORE_ANALYTICS_EARLY_WARNING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/civil_time.h"
#include "core/model/organisation.h"

namespace okr {

struct RiskThresholds {
  double low_confidence = 0.7;   // Below "on track" (progress.h bands).
  double confidence_drop = 0.2;  // Drop between the last two check-ins.
  double behind_margin = 0.25;   // Progress behind the elapsed share.
  int stale_after_days = 7;      // No check-in for more than this.
  double objective_share = 0.5;  // Weighted share of KRs at risk.
};

enum class RiskReason {
  kLowConfidence,
  kConfidenceDrop,
  kBehindPace,
  kTargetNotHeld,
  kMilestoneOverdue,
  kStale,
};
// "low confidence", "confidence dropped", "behind pace", "target not held",
// "milestone overdue", "stale".
std::string_view RiskReasonName(RiskReason reason);

struct KrRisk {
  std::string kr_key;
  std::string objective_key;
  std::vector<RiskReason> reasons;  // Empty: fine. In enum order.
  double progress = 0;              // 0..1 now.
  double elapsed = 0;               // 0..1 of the cycle.
  std::optional<double> confidence;           // Latest.
  std::optional<double> previous_confidence;  // The one before.
  std::optional<double> forecast;             // End-of-cycle value.
  std::optional<double> forecast_progress;    // 0..1 at that value.
  std::optional<UnixSeconds> last_check_in;
  int64_t days_since_check_in = 0;  // From last check-in (or cycle start).

  bool Has(RiskReason r) const;
  // At risk for any reason but staleness.
  bool AtRisk() const;
};

struct ObjectiveRisk {
  std::string objective_key;
  double at_risk_share = 0;  // Weighted share of KRs at risk, 0..1.
  bool at_risk = false;
};

// One entry per KR of the cycle's objectives, in org.key_results order.
std::vector<KrRisk> AssessRisks(const Organisation& org, const Cycle& cycle,
                                const Date& today,
                                const RiskThresholds& thresholds = {});

// The same for one KR (which need not belong to `cycle`'s objectives).
KrRisk AssessKrRisk(const Organisation& org, const KeyResult& kr,
                    const Cycle& cycle, const Date& today,
                    const RiskThresholds& thresholds = {});

// The same with the KR's check-ins already at hand (oldest first), for
// callers that index them.
KrRisk AssessKrRisk(const KeyResult& kr,
                    const std::vector<const CheckIn*>& check_ins,
                    const Cycle& cycle, const Date& today,
                    const RiskThresholds& thresholds = {});

// One entry per objective of the cycle, in org.objectives order, from the
// KrRisks AssessRisks returned for the same arguments.
std::vector<ObjectiveRisk> AssessObjectiveRisks(
    const Organisation& org, const Cycle& cycle,
    const std::vector<KrRisk>& kr_risks,
    const RiskThresholds& thresholds = {});

// The objective rule on its own, for callers that assessed the KRs one by
// one: `krs` holds the weight (negative or not finite counts as 0) and
// KrRisk::AtRisk() of each KR of `objective_key`.
struct WeightedKrRisk {
  double weight = 1;
  bool at_risk = false;
};
ObjectiveRisk AssessObjectiveRisk(std::string objective_key,
                                  const std::vector<WeightedKrRisk>& krs,
                                  const RiskThresholds& thresholds = {});

// Reference day and elapsed share as defined above.
Date ReferenceDay(const Cycle& cycle, const Date& today);
double ElapsedShare(const Cycle& cycle, const Date& today);

// Stale rule on its own: `last` (nullopt = never) against the reference day.
bool IsStaleOn(std::optional<UnixSeconds> last, const Cycle& cycle,
               const Date& today, int stale_after_days);

// Least-squares line through (x, y) evaluated at x_at; nullopt for fewer
// than one point; a single point or equal xs give the mean of y.
std::optional<double> LeastSquaresAt(const std::vector<double>& xs,
                                     const std::vector<double>& ys,
                                     double x_at);

}  // namespace okr

#endif  // OKR_CORE_ANALYTICS_EARLY_WARNING_H_
