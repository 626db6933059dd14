// Copyright 2026 The okrd Authors.

#include "core/registry/event_scanner.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>

#include "core/base/log.h"
#include "core/analytics/early_warning.h"
#include "core/model/progress.h"

namespace okr {
namespace {

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
  return buf;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Event KrEvent(const char* type, UnixSeconds now, const Objective& objective,
              const KeyResult& kr, std::string summary) {
  return {type,
          now,
          {{"kr", kr.key},
           {"kr_title", kr.title},
           {"objective", objective.key},
           {"objective_title", objective.title},
           {"cycle", objective.cycle}},
          std::move(summary)};
}

// Why `r` is at risk, for people: "confidence 30% is below 70%; ...".
std::string AtRiskReason(const KrRisk& r, const RiskThresholds& t) {
  std::string out;
  auto add = [&out](const std::string& part) {
    out += (out.empty() ? "" : "; ") + part;
  };
  for (RiskReason reason : r.reasons) {
    switch (reason) {
      case RiskReason::kLowConfidence:
        add("confidence " + Percent(r.confidence.value_or(0)) + " is below " +
            Percent(t.low_confidence));
        break;
      case RiskReason::kConfidenceDrop:
        add("confidence dropped from " +
            Percent(r.previous_confidence.value_or(0)) + " to " +
            Percent(r.confidence.value_or(0)));
        break;
      case RiskReason::kBehindPace:
        add("progress " + Percent(r.progress) + " is behind " +
            Percent(r.elapsed) + " of the cycle elapsed");
        break;
      case RiskReason::kStale:
        break;  // Announced as checkin.overdue.
      default:
        add(std::string(RiskReasonName(reason)));
    }
  }
  return out;
}

void CheckInEvents(const Organisation& org, ScanState* s,
                   std::vector<Event>* out) {
  std::map<std::string, const KeyResult*> krs;
  for (const KeyResult& k : org.key_results) krs[k.key] = &k;
  int64_t max_id = s->last_check_in_id;
  for (const CheckIn& ci : org.check_ins) {
    max_id = std::max(max_id, ci.id);
    if (ci.id <= s->last_check_in_id) continue;
    Event e{kEventCheckInSubmitted,
            ci.at,
            {{"check_in_id", std::to_string(ci.id)},
             {"target_kind", std::string(TargetKindName(ci.target_kind))},
             {"target", ci.target_key},
             {"author", ci.author_email},
             {"source", ci.source}},
            ""};
    std::string what = ci.target_key;
    if (auto k = krs.find(ci.target_key);
        k != krs.end() && ci.target_kind == TargetKind::kKeyResult) {
      what = k->second->title;
      e.attrs.push_back({"kr_title", what});
    }
    if (ci.value) e.attrs.push_back({"value", Number(*ci.value)});
    if (ci.confidence)
      e.attrs.push_back({"confidence", Number(*ci.confidence)});
    e.summary =
        "Check-in on \"" + what + "\"" +
        (ci.author_email.empty() ? "" : " by " + ci.author_email) +
        (ci.value ? ": now " + Number(*ci.value) : "") +
        (ci.confidence ? ", confidence " + Percent(*ci.confidence) : "");
    out->push_back(std::move(e));
  }
  s->last_check_in_id = max_id;
}

void PhaseEvents(const Organisation& org, const Date& today, UnixSeconds now,
                 ScanState* s, std::vector<Event>* out) {
  for (const Cycle& c : org.cycles) {
    const Phase phase = PhaseOn(c, today);
    auto it = s->phases.find(c.name);
    const bool changed = it == s->phases.end() || it->second != phase;
    s->phases[c.name] = phase;
    if (!changed || phase == Phase::kBefore || phase == Phase::kAfter) continue;
    const std::string name(PhaseName(phase));
    out->push_back({kEventPhaseStarted,
                    now,
                    {{"cycle", c.name},
                     {"phase", name},
                     {"start", c.start.ToString()},
                     {"end", c.end.ToString()}},
                    "Cycle " + c.name + ": " + name + " started"});
  }
}

}  // namespace

std::vector<Event> DiffEvents(const Organisation& org, UnixSeconds now,
                              const EventScannerOptions& options,
                              ScanState* s) {
  std::vector<Event> out;
  const Date today = Date::FromUnixSeconds(now);
  CheckInEvents(org, s, &out);
  PhaseEvents(org, today, now, s, &out);
  std::set<std::string> at_risk, overdue;
  std::map<std::string, const Objective*> objectives;
  for (const Objective& o : org.objectives) objectives[o.key] = &o;
  std::map<std::string, const KeyResult*> krs;
  for (const KeyResult& k : org.key_results) krs[k.key] = &k;
  for (const Cycle& cycle : org.cycles) {
    if (PhaseOn(cycle, today) != Phase::kExecution) continue;
    for (const KrRisk& r : AssessRisks(org, cycle, today, options.risk)) {
      const KeyResult& kr = *krs.at(r.kr_key);
      const Objective& objective = *objectives.at(r.objective_key);
      if (r.AtRisk()) {
        at_risk.insert(r.kr_key);
        if (!s->at_risk.count(r.kr_key)) {
          const std::string reason = AtRiskReason(r, options.risk);
          Event e = KrEvent(kEventKrAtRisk, now, objective, kr,
                            "\"" + kr.title + "\" is at risk: " + reason);
          e.attrs.push_back({"reason", reason});
          out.push_back(std::move(e));
        }
      }
      if (r.Has(RiskReason::kStale)) {
        overdue.insert(r.kr_key);
        if (!s->overdue.count(r.kr_key)) {
          const std::string days = std::to_string(r.days_since_check_in);
          Event e = KrEvent(kEventCheckInOverdue, now, objective, kr,
                            "\"" + kr.title + "\" has had no check-in for " +
                                days + " days");
          e.attrs.push_back({"days", days});
          out.push_back(std::move(e));
        }
      }
    }
  }
  s->at_risk = std::move(at_risk);
  s->overdue = std::move(overdue);
  if (!s->initialised) {  // The baseline: remember, announce nothing.
    s->initialised = true;
    out.clear();
  }
  return out;
}

EventScanner::EventScanner(Store* store, const Clock* clock,
                           std::vector<std::shared_ptr<Notifier>> notifiers,
                           EventScannerOptions options)
    : store_(store),
      clock_(clock),
      notifiers_(std::move(notifiers)),
      options_(options) {}

EventScanner::~EventScanner() { Stop(); }

void EventScanner::Start() {
  assert(!thread_.joinable());
  thread_ = std::thread([this] { Run(); });
}

void EventScanner::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void EventScanner::Trigger() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    triggered_ = true;
  }
  cv_.notify_all();
}

Result<std::vector<Event>> EventScanner::ScanOnce() {
  OKR_ASSIGN_OR_RETURN(Organisation org, store_->Load());
  std::vector<Event> events = DiffEvents(org, clock_->Now(), options_, &state_);
  for (const Event& e : events) {
    for (const auto& n : notifiers_) {
      if (Status s = n->Notify(e); !s.ok()) {
        LogError("notifier: " + e.type + ": " + s.message());
      }
    }
  }
  return events;
}

void EventScanner::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    lock.unlock();
    if (auto r = ScanOnce(); !r.ok()) {
      LogWarn("event scan: " + r.status().message());
    }
    lock.lock();
    cv_.wait_for(lock, std::chrono::seconds(options_.interval_seconds),
                 [this] { return stop_ || triggered_; });
    triggered_ = false;
  }
}

}  // namespace okr
