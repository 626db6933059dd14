// Copyright 2026 The okrd Authors.

#include "calendar/live_status.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/model/progress_inputs.h"

namespace okr {
namespace {

constexpr size_t kMaxObjectivesShown = 8;
constexpr size_t kMaxKrsShown = 8;

std::string Percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

std::string Confidence(std::optional<double> c, const ConfidenceThresholds& t) {
  if (!c) return "no confidence given";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s (%.2f)",
                std::string(ConfidenceBandName(BandOf(*c, t))).c_str(), *c);
  return buf;
}

std::string KrLine(const KeyResult& kr, const KrRisk& r) {
  std::string reasons;
  for (RiskReason reason : r.reasons) {
    if (reason == RiskReason::kStale) continue;
    if (!reasons.empty()) reasons += ", ";
    reasons += RiskReasonName(reason);
  }
  std::string out = "- " + kr.title + ": " + reasons + " (progress " +
                    Percent(r.progress) + " at " + Percent(r.elapsed) +
                    " of the cycle";
  if (r.confidence) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ", confidence %.2f", *r.confidence);
    out += buf;
  }
  return out + ")\n";
}

// ObjectiveProgress (without children, its default) and ObjectiveConfidence
// (progress.h) for every objective from one pass over the key results and
// check-ins (per objective they scan them all: quadratic at scale).
class ObjectiveInputs {
 public:
  explicit ObjectiveInputs(const Organisation& org) {
    for (const KeyResult& kr : org.key_results) {
      krs_of_[kr.objective_key].push_back(&kr);
    }
    for (const CheckIn& c : org.check_ins) {  // LatestCheckIn's rule.
      if (!c.confidence) continue;
      const CheckIn*& latest = latest_[{c.target_kind, c.target_key}];
      if (latest == nullptr || c.at >= latest->at) latest = &c;
    }
  }

  std::optional<double> Progress(const Objective& objective) const {
    return KrsProgress(KrsOf(objective));
  }

  std::optional<double> Confidence(const Objective& objective) const {
    const std::vector<const KeyResult*>& krs = KrsOf(objective);
    std::vector<const CheckIn*> kr_latest;
    for (const KeyResult* kr : krs) {
      kr_latest.push_back(Latest(TargetKind::kKeyResult, kr->key));
    }
    return CombinedConfidence(Latest(TargetKind::kObjective, objective.key),
                              krs, kr_latest);
  }

 private:
  const std::vector<const KeyResult*>& KrsOf(const Objective& o) const {
    static const std::vector<const KeyResult*> kNone;
    auto it = krs_of_.find(o.key);
    return it == krs_of_.end() ? kNone : it->second;
  }

  const CheckIn* Latest(TargetKind kind, const std::string& key) const {
    auto it = latest_.find({kind, key});
    return it == latest_.end() ? nullptr : it->second;
  }

  std::map<std::string, std::vector<const KeyResult*>> krs_of_;
  std::map<std::pair<TargetKind, std::string>, const CheckIn*> latest_;
};

}  // namespace

LiveStatusIndex::LiveStatusIndex(const Organisation& org,
                                 const std::vector<std::string>& cycles,
                                 const Date& today,
                                 const ConfidenceThresholds& bands,
                                 const RiskThresholds& risk)
    : org_(org), bands_(bands) {
  for (const KeyResult& kr : org.key_results) krs_.emplace(kr.key, &kr);
  std::vector<ObjectiveRisk> objective_risks;
  for (const Cycle& cycle : org.cycles) {
    if (std::find(cycles.begin(), cycles.end(), cycle.name) == cycles.end()) {
      continue;
    }
    std::vector<KrRisk> krs = AssessRisks(org, cycle, today, risk);
    std::vector<ObjectiveRisk> objectives =
        AssessObjectiveRisks(org, cycle, krs, risk);
    std::move(krs.begin(), krs.end(), std::back_inserter(kr_risks_));
    std::move(objectives.begin(), objectives.end(),
              std::back_inserter(objective_risks));
  }
  std::map<std::string, const ObjectiveRisk*> risk_of;
  for (const ObjectiveRisk& r : objective_risks) risk_of[r.objective_key] = &r;
  const ObjectiveInputs inputs(org);
  std::map<std::string, size_t> index_of;
  for (const Objective& o : org.objectives) {
    auto r = risk_of.find(o.key);
    if (r == risk_of.end()) continue;  // Not in a planned cycle.
    index_of[o.key] = objectives_.size();
    objectives_.push_back({.objective = &o,
                           .progress = inputs.Progress(o),
                           .confidence = inputs.Confidence(o),
                           .at_risk = r->second->at_risk});
  }
  std::map<std::string, size_t> objective_of_kr;
  for (const KrRisk& r : kr_risks_) {
    auto it = index_of.find(r.objective_key);
    if (it == index_of.end()) continue;
    objectives_[it->second].krs.push_back(&r);
    objective_of_kr[r.kr_key] = it->second;
  }
  for (const CheckIn& c : org.check_ins) {
    const auto& lookup =
        c.target_kind == TargetKind::kObjective ? index_of : objective_of_kr;
    auto it = lookup.find(c.target_key);
    if (it == lookup.end()) continue;
    UnixSeconds& last = objectives_[it->second].last_check_in;
    last = std::max(last, c.at);
  }
  for (size_t i = 0; i < objectives_.size(); ++i) {
    const Objective& o = *objectives_[i].objective;
    groups_["o\n" + o.cycle + "\n" + o.owner_email].push_back(i);
    if (o.level != Level::kIndividual) {
      groups_["u\n" + o.cycle + "\n" + o.unit_key].push_back(i);
    }
    if (o.level == Level::kCompany) groups_["c\n" + o.cycle].push_back(i);
  }
}

std::string LiveStatusIndex::GroupKey(const Meeting& m) {
  switch (m.kind) {
    case MeetingKind::kOneOnOne: return "o\n" + m.cycle + "\n" + m.report_email;
    case MeetingKind::kTeamReview: return "u\n" + m.cycle + "\n" + m.unit_key;
    case MeetingKind::kPhase: return "c\n" + m.cycle;
  }
  return {};
}

std::vector<const LiveStatusIndex::ObjectiveStatus*> LiveStatusIndex::Concerned(
    const Meeting& m) const {
  std::vector<const ObjectiveStatus*> out;
  auto it = groups_.find(GroupKey(m));
  if (it == groups_.end()) return out;
  for (size_t i : it->second) out.push_back(&objectives_[i]);
  return out;
}

std::string LiveStatusIndex::Describe(const Meeting& m) const {
  const std::vector<const ObjectiveStatus*> objectives = Concerned(m);
  if (objectives.empty()) return "No objectives for " + m.cycle + " yet.\n";
  std::string out = "Status, " + m.cycle + ":\n";
  std::string at_risk;
  size_t risky = 0;
  UnixSeconds last = 0;
  for (size_t i = 0; i < objectives.size(); ++i) {
    const ObjectiveStatus& s = *objectives[i];
    last = std::max(last, s.last_check_in);
    if (i < kMaxObjectivesShown) {
      out += "- " + s.objective->title + ": " +
             (s.progress ? Percent(*s.progress) : std::string("no KRs")) +
             ", " + Confidence(s.confidence, bands_) +
             (s.at_risk ? ", at risk" : "") + "\n";
    }
    for (const KrRisk* r : s.krs) {
      if (!r->AtRisk()) continue;
      if (++risky <= kMaxKrsShown) at_risk += KrLine(*krs_.at(r->kr_key), *r);
    }
  }
  if (objectives.size() > kMaxObjectivesShown) {
    out += "- and " + std::to_string(objectives.size() - kMaxObjectivesShown) +
           " more\n";
  }
  if (risky > kMaxKrsShown) {
    at_risk += "- and " + std::to_string(risky - kMaxKrsShown) + " more\n";
  }
  out += risky == 0 ? "No KRs at risk.\n" : "KRs at risk:\n" + at_risk;
  out += last == 0 ? "No check-in yet.\n"
                   : "Last check-in: " + Date::FromUnixSeconds(last).ToString() +
                         "\n";
  return out;
}

}  // namespace okr
