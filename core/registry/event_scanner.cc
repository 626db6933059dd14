// Copyright 2026 The okrd Authors.

#include "core/registry/event_scanner.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>

#include "core/base/log.h"
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

struct KrContext {
  const KeyResult* kr;
  const Objective* objective;
  const Cycle* cycle;
};

std::vector<KrContext> KeyResultsWithCycles(const Organisation& org) {
  std::map<std::string, const Objective*> objectives;
  for (const Objective& o : org.objectives) objectives[o.key] = &o;
  std::map<std::string, const Cycle*> cycles;
  for (const Cycle& c : org.cycles) cycles[c.name] = &c;
  std::vector<KrContext> out;
  for (const KeyResult& k : org.key_results) {
    auto o = objectives.find(k.objective_key);
    if (o == objectives.end()) continue;
    auto c = cycles.find(o->second->cycle);
    out.push_back({&k, o->second, c == cycles.end() ? nullptr : c->second});
  }
  return out;
}

Event KrEvent(const char* type, UnixSeconds now, const KrContext& c,
              std::string summary) {
  return {type,
          now,
          {{"kr", c.kr->key},
           {"kr_title", c.kr->title},
           {"objective", c.objective->key},
           {"objective_title", c.objective->title},
           {"cycle", c.objective->cycle}},
          std::move(summary)};
}

// Why a KR is at risk, or "" when it is not.
std::string AtRiskReason(const Organisation& org, const KrContext& c,
                         const Date& today, const EventScannerOptions& o) {
  const CheckIn* latest = LatestCheckIn(org, TargetKind::kKeyResult, c.kr->key);
  if (latest != nullptr && latest->confidence &&
      *latest->confidence < o.at_risk_confidence) {
    return "confidence " + Percent(*latest->confidence) + " is below " +
           Percent(o.at_risk_confidence);
  }
  if (c.cycle == nullptr || PhaseOn(*c.cycle, today) != Phase::kExecution) {
    return "";
  }
  const double length =
      static_cast<double>(c.cycle->end.ToDays() - c.cycle->start.ToDays() + 1);
  const double elapsed =
      static_cast<double>(today.ToDays() - c.cycle->start.ToDays()) / length;
  const double progress = KeyResultProgress(*c.kr);
  if (progress + o.behind_margin < elapsed) {
    return "progress " + Percent(progress) + " is behind " + Percent(elapsed) +
           " of the cycle elapsed";
  }
  return "";
}

UnixSeconds LastCheckInAt(const Organisation& org, const std::string& key) {
  UnixSeconds last = 0;
  for (const CheckIn& ci : org.check_ins) {
    if (ci.target_kind == TargetKind::kKeyResult && ci.target_key == key) {
      last = std::max(last, ci.at);
    }
  }
  return last;
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
  for (const KrContext& c : KeyResultsWithCycles(org)) {
    const std::string reason = AtRiskReason(org, c, today, options);
    if (!reason.empty()) {
      at_risk.insert(c.kr->key);
      if (!s->at_risk.count(c.kr->key)) {
        Event e = KrEvent(kEventKrAtRisk, now, c,
                          "\"" + c.kr->title + "\" is at risk: " + reason);
        e.attrs.push_back({"reason", reason});
        out.push_back(std::move(e));
      }
    }
    if (c.cycle == nullptr || PhaseOn(*c.cycle, today) != Phase::kExecution) {
      continue;
    }
    UnixSeconds last = LastCheckInAt(org, c.kr->key);
    if (last == 0) last = c.cycle->start.ToUnixSeconds();
    const int64_t days = (now - last) / 86400;
    if (days > options.overdue_days) {
      overdue.insert(c.kr->key);
      if (!s->overdue.count(c.kr->key)) {
        Event e = KrEvent(kEventCheckInOverdue, now, c,
                          "\"" + c.kr->title + "\" has had no check-in for " +
                              std::to_string(days) + " days");
        e.attrs.push_back({"days", std::to_string(days)});
        out.push_back(std::move(e));
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
