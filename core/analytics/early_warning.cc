// Copyright 2026 The okrd Authors.

#include "core/analytics/early_warning.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/model/progress.h"

namespace okr {
namespace {

using CheckIns = std::vector<const CheckIn*>;

double Clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0; }

double Weight(double weight) {
  return std::isfinite(weight) ? std::max(weight, 0.0) : 0.0;
}

// Days from the cycle start to the day of `t`.
double DayOf(const Cycle& cycle, UnixSeconds t) {
  return static_cast<double>(DaysBetween(cycle.start, Date::FromUnixSeconds(t)));
}

void Confidence(const CheckIns& list, KrRisk* r, const RiskThresholds& t) {
  for (const CheckIn* c : list) {
    if (!c->confidence || !std::isfinite(*c->confidence)) continue;
    r->previous_confidence = r->confidence;
    r->confidence = Clamp01(*c->confidence);
  }
  if (r->confidence && *r->confidence < t.low_confidence) {
    r->reasons.push_back(RiskReason::kLowConfidence);
  }
  if (r->confidence && r->previous_confidence &&
      *r->previous_confidence - *r->confidence >= t.confidence_drop - 1e-9) {
    r->reasons.push_back(RiskReason::kConfidenceDrop);
  }
}

void Forecast(const KeyResult& kr, const Cycle& cycle, const CheckIns& list,
              KrRisk* r) {
  std::vector<double> xs{0}, ys{kr.start};
  for (const CheckIn* c : list) {
    if (!c->value || !std::isfinite(*c->value)) continue;
    xs.push_back(DayOf(cycle, c->at));
    ys.push_back(*c->value);
  }
  if (xs.size() < 2) return;  // No history to project.
  r->forecast = LeastSquaresAt(xs, ys, DaysBetween(cycle.start, cycle.end));
  if (r->forecast) {
    r->forecast_progress =
        KeyResultProgress(kr.kind, kr.start, kr.target, *r->forecast);
  }
}

void Pace(const KeyResult& kr, const Date& reference, KrRisk* r,
          const RiskThresholds& t) {
  switch (kr.kind) {
    case KrKind::kIncrease:
    case KrKind::kDecrease:
      if (r->elapsed - r->progress > t.behind_margin) {
        r->reasons.push_back(RiskReason::kBehindPace);
      }
      break;
    case KrKind::kStayAbove:
    case KrKind::kStayBelow:
      if (r->progress < 1) r->reasons.push_back(RiskReason::kTargetNotHeld);
      break;
    case KrKind::kMilestone:
      if (r->progress < 1 && kr.due && *kr.due < reference) {
        r->reasons.push_back(RiskReason::kMilestoneOverdue);
      }
      break;
  }
}

KrRisk Assess(const KeyResult& kr, const Cycle& cycle, const Date& today,
              const CheckIns& list, const RiskThresholds& t) {
  KrRisk r;
  r.kr_key = kr.key;
  r.objective_key = kr.objective_key;
  r.progress = KeyResultProgress(kr);
  r.elapsed = ElapsedShare(cycle, today);
  const Date reference = ReferenceDay(cycle, today);
  if (!list.empty()) r.last_check_in = list.back()->at;
  for (const CheckIn* c : list) {
    r.last_check_in = std::max(*r.last_check_in, c->at);
  }
  r.days_since_check_in = DaysBetween(
      r.last_check_in ? Date::FromUnixSeconds(*r.last_check_in) : cycle.start,
      reference);
  Confidence(list, &r, t);
  Pace(kr, reference, &r, t);
  if (IsStaleOn(r.last_check_in, cycle, today, t.stale_after_days)) {
    r.reasons.push_back(RiskReason::kStale);
  }
  Forecast(kr, cycle, list, &r);
  std::sort(r.reasons.begin(), r.reasons.end());
  return r;
}

CheckIns CheckInsOn(const Organisation& org, const std::string& key) {
  CheckIns list;
  for (const CheckIn& c : org.check_ins) {
    if (c.target_kind == TargetKind::kKeyResult && c.target_key == key) {
      list.push_back(&c);
    }
  }
  return list;
}

}  // namespace

std::string_view RiskReasonName(RiskReason reason) {
  switch (reason) {
    case RiskReason::kLowConfidence:
      return "low confidence";
    case RiskReason::kConfidenceDrop:
      return "confidence dropped";
    case RiskReason::kBehindPace:
      return "behind pace";
    case RiskReason::kTargetNotHeld:
      return "target not held";
    case RiskReason::kMilestoneOverdue:
      return "milestone overdue";
    case RiskReason::kStale:
      return "stale";
  }
  return "";
}

bool KrRisk::Has(RiskReason r) const {
  return std::find(reasons.begin(), reasons.end(), r) != reasons.end();
}

bool KrRisk::AtRisk() const {
  return std::any_of(reasons.begin(), reasons.end(),
                     [](RiskReason r) { return r != RiskReason::kStale; });
}

Date ReferenceDay(const Cycle& cycle, const Date& today) {
  return today > cycle.end ? cycle.end : today;
}

double ElapsedShare(const Cycle& cycle, const Date& today) {
  const int64_t total = DaysBetween(cycle.start, cycle.end) + 1;
  if (total <= 0) return 0;
  const int64_t done = DaysBetween(cycle.start, ReferenceDay(cycle, today)) + 1;
  return Clamp01(static_cast<double>(done) / static_cast<double>(total));
}

bool IsStaleOn(std::optional<UnixSeconds> last, const Cycle& cycle,
               const Date& today, int stale_after_days) {
  const Date reference = ReferenceDay(cycle, today);
  if (reference < cycle.start) return false;
  const Date from = last ? Date::FromUnixSeconds(*last) : cycle.start;
  return DaysBetween(from, reference) > stale_after_days;
}

std::optional<double> LeastSquaresAt(const std::vector<double>& xs,
                                     const std::vector<double>& ys,
                                     double x_at) {
  const size_t n = std::min(xs.size(), ys.size());
  if (n == 0) return std::nullopt;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx == 0) return my;
  const double y = my + sxy / sxx * (x_at - mx);
  return std::isfinite(y) ? std::optional<double>(y) : std::nullopt;
}

KrRisk AssessKrRisk(const Organisation& org, const KeyResult& kr,
                    const Cycle& cycle, const Date& today,
                    const RiskThresholds& thresholds) {
  return Assess(kr, cycle, today, CheckInsOn(org, kr.key), thresholds);
}

KrRisk AssessKrRisk(const KeyResult& kr,
                    const std::vector<const CheckIn*>& check_ins,
                    const Cycle& cycle, const Date& today,
                    const RiskThresholds& thresholds) {
  return Assess(kr, cycle, today, check_ins, thresholds);
}

std::vector<KrRisk> AssessRisks(const Organisation& org, const Cycle& cycle,
                                const Date& today,
                                const RiskThresholds& thresholds) {
  std::set<std::string> in_cycle;
  for (const Objective& o : org.objectives) {
    if (o.cycle == cycle.name) in_cycle.insert(o.key);
  }
  std::map<std::string, CheckIns> by_kr;
  for (const CheckIn& c : org.check_ins) {
    if (c.target_kind == TargetKind::kKeyResult) by_kr[c.target_key].push_back(&c);
  }
  std::vector<KrRisk> out;
  for (const KeyResult& kr : org.key_results) {
    if (in_cycle.count(kr.objective_key) == 0) continue;
    out.push_back(Assess(kr, cycle, today, by_kr[kr.key], thresholds));
  }
  return out;
}

ObjectiveRisk AssessObjectiveRisk(std::string objective_key,
                                  const std::vector<WeightedKrRisk>& krs,
                                  const RiskThresholds& thresholds) {
  double at_risk = 0, all = 0;
  for (const WeightedKrRisk& kr : krs) {
    const double w = Weight(kr.weight);
    all += w;
    if (kr.at_risk) at_risk += w;
  }
  ObjectiveRisk r{.objective_key = std::move(objective_key)};
  if (all > 0) {
    r.at_risk_share = at_risk / all;
    r.at_risk = r.at_risk_share >= thresholds.objective_share - 1e-9;
  }
  return r;
}

std::vector<ObjectiveRisk> AssessObjectiveRisks(
    const Organisation& org, const Cycle& cycle,
    const std::vector<KrRisk>& kr_risks, const RiskThresholds& thresholds) {
  std::map<std::string, const KrRisk*> risk_of;
  for (const KrRisk& r : kr_risks) risk_of.emplace(r.kr_key, &r);
  std::map<std::string, std::vector<WeightedKrRisk>> krs_of;
  for (const KeyResult& kr : org.key_results) {
    auto it = risk_of.find(kr.key);
    if (it == risk_of.end()) continue;
    krs_of[kr.objective_key].push_back({kr.weight, it->second->AtRisk()});
  }
  std::vector<ObjectiveRisk> out;
  for (const Objective& o : org.objectives) {
    if (o.cycle != cycle.name) continue;
    auto it = krs_of.find(o.key);
    out.push_back(AssessObjectiveRisk(
        o.key, it == krs_of.end() ? std::vector<WeightedKrRisk>{} : it->second,
        thresholds));
  }
  return out;
}

}  // namespace okr
