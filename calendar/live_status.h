// Copyright 2026 The okrd Authors.
//
// The short live status in a feed event's DESCRIPTION, judged by the
// analytics early warning (core/analytics/early_warning.h): the same rules
// as the status page's health view and the webhook notifier, not a
// confidence band alone.
//
// For a meeting's concerned objectives (a one-on-one: the report's own
// objectives; a review: the team's non-individual objectives; a phase
// marker: the company objectives; all in the meeting's cycle):
//   Status, <cycle>:
//   - <objective>: <progress>, <confidence band> (<c>)[, at risk]
//   KRs at risk:                      (or "No KRs at risk.")
//   - <KR>: <reasons> (progress P% at E% of the cycle[, confidence C])
//   Last check-in: <date>             (or "No check-in yet.")
// "At risk" is ObjectiveRisk::at_risk and KrRisk::AtRisk() (every reason
// but staleness), judged on `today` (the cycle's reference day). At most
// eight objectives and eight KRs are listed; the rest are counted.
//
// Ownership: borrows `org`, which must outlive the index. Threads: const
// methods are thread-safe.

#ifndef OKR_CALENDAR_LIVE_STATUS_H_
#define OKR_CALENDAR_LIVE_STATUS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/cadence.h"
#include "core/analytics/early_warning.h"
#include "core/model/organisation.h"
#include "core/model/progress.h"

namespace okr {

class LiveStatusIndex {
 public:
  // Assesses every KR and objective of the named cycles once.
  LiveStatusIndex(const Organisation& org, const std::vector<std::string>& cycles,
                  const Date& today, const ConfidenceThresholds& bands,
                  const RiskThresholds& risk);

  // The status text of `meeting`, ending with a newline.
  std::string Describe(const Meeting& meeting) const;

 private:
  struct ObjectiveStatus {
    const Objective* objective = nullptr;
    std::optional<double> progress;
    std::optional<double> confidence;
    bool at_risk = false;
    std::vector<const KrRisk*> krs;  // In org.key_results order.
    UnixSeconds last_check_in = 0;   // On it or its KRs; 0 = none.
  };
  std::vector<const ObjectiveStatus*> Concerned(const Meeting& meeting) const;
  // The group of objectives a meeting is about: "o\n<cycle>\n<report>",
  // "u\n<cycle>\n<team>" or "c\n<cycle>".
  static std::string GroupKey(const Meeting& meeting);

  const Organisation& org_;
  ConfidenceThresholds bands_;
  std::map<std::string, const KeyResult*> krs_;       // By key.
  std::vector<KrRisk> kr_risks_;                      // All cycles.
  std::vector<ObjectiveStatus> objectives_;           // In org order.
  // Indexes into objectives_ by GroupKey, ascending.
  std::map<std::string, std::vector<size_t>> groups_;
};

}  // namespace okr

#endif  // OKR_CALENDAR_LIVE_STATUS_H_
