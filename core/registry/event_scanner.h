// Copyright 2026 The okrd Authors.
//
// EventScanner: the serving process's source of notifier events. A thread
// of its own reads the store every `interval` (and on Trigger()) and
// compares with what it saw last time:
//   checkin.submitted     a check-in with an id above the last one seen
//   kr.at_risk            a key result of a cycle in execution became at
//                         risk by the early-warning rules (low or dropping
//                         confidence, behind pace, target not held,
//                         milestone overdue; core/analytics/early_warning.h)
//   checkin.overdue       a key result of a cycle in execution became stale
//                         (no check-in for more than stale_after_days)
//   cycle.phase_started   a cycle's phase became planning, execution or
//                         retrospective
// The first scan sets the baseline and emits nothing, so a restart does not
// replay history. Events go to every notifier, one call at a time, from the
// scanner thread (never a request thread). Reading the store, not hooking
// writers, keeps notifications independent of who wrote (CLI, API, web).
// Thread-safe: Trigger/Stop from any thread.

#ifndef OKR_CORE_REGISTRY_EVENT_SCANNER_H_
#define OKR_CORE_REGISTRY_EVENT_SCANNER_H_

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/analytics/early_warning.h"
#include "core/base/clock.h"
#include "core/model/organisation.h"
#include "core/registry/event.h"
#include "core/registry/registry.h"
#include "core/store/store.h"

namespace okr {

struct EventScannerOptions {
  int interval_seconds = 60;
  RiskThresholds risk;  // The [analytics] thresholds.
};

// What one scan remembers for the next.
struct ScanState {
  bool initialised = false;
  int64_t last_check_in_id = 0;
  std::set<std::string> at_risk;        // KR keys.
  std::set<std::string> overdue;        // KR keys.
  std::map<std::string, Phase> phases;  // Cycle name -> phase.
};

// The pure part: events between `state` and `org` at `now`; updates state.
std::vector<Event> DiffEvents(const Organisation& org, UnixSeconds now,
                              const EventScannerOptions& options,
                              ScanState* state);

class EventScanner {
 public:
  EventScanner(Store* store, const Clock* clock,
               std::vector<std::shared_ptr<Notifier>> notifiers,
               EventScannerOptions options);
  ~EventScanner();  // Stops the thread.
  EventScanner(const EventScanner&) = delete;
  EventScanner& operator=(const EventScanner&) = delete;

  void Start();
  void Stop();
  // Scans now (on the scanner thread) instead of waiting for the interval.
  void Trigger();
  // One scan on the calling thread: load, diff, deliver. Returns the events.
  Result<std::vector<Event>> ScanOnce();

 private:
  void Run();

  Store* store_;
  const Clock* clock_;
  std::vector<std::shared_ptr<Notifier>> notifiers_;
  EventScannerOptions options_;
  ScanState state_;  // Only the scanning thread touches it.
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool triggered_ = false;
  std::thread thread_;
};

}  // namespace okr

#endif  // OKR_CORE_REGISTRY_EVENT_SCANNER_H_
