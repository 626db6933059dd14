// Copyright 2026 The okrd Authors.
//
// Events notifiers receive. Produced by the EventScanner (event_scanner.h)
// from the store, so they do not depend on who wrote the data.

#ifndef OKR_CORE_REGISTRY_EVENT_H_
#define OKR_CORE_REGISTRY_EVENT_H_

#include <string>
#include <utility>
#include <vector>

#include "core/base/civil_time.h"

namespace okr {

inline constexpr char kEventCheckInSubmitted[] = "checkin.submitted";
inline constexpr char kEventKrAtRisk[] = "kr.at_risk";
inline constexpr char kEventCheckInOverdue[] = "checkin.overdue";
inline constexpr char kEventPhaseStarted[] = "cycle.phase_started";

struct Event {
  std::string type;  // One of the kEvent* names.
  UnixSeconds time = 0;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string summary;  // One human-readable line.

  // The value of attribute `key`, "" when absent.
  std::string Attr(const std::string& key) const;
};

}  // namespace okr

#endif  // OKR_CORE_REGISTRY_EVENT_H_
