// Copyright 2026 The okrd Authors.
//
// Views: plain structs with everything a status page shows, computed from
// an Organisation and the day it is shown on. The pages (pages.h) and the
// JSON API (api.h) only format these; all OKR judgement lives here:
//
//  - Reference day: today, or the cycle's last day when today is past it, so
//    a past cycle is judged as it stood when it ended. Elapsed share: days of
//    execution up to and including the reference day over all its days,
//    clamped to 0..1 (0 before the cycle starts).
//  - Key result at risk: the early-warning rules of
//    core/analytics/early_warning.h but staleness (shown per owner/unit).
//    They amount to: its latest confidence is not "on track"
//    (ConfidenceThresholds defaults); an increase/decrease KR whose progress
//    is behind the elapsed share by more than RiskThresholds::behind_margin; a
//    stay-above/below KR that is not met; a milestone past its due date and
//    not done; a confidence drop of 0.2 or more since the previous one.
//  - Objective at risk: the early-warning objective rule
//    (AssessObjectiveRisk): the KRs at risk (as above) carry at least half
//    of its KRs' weight.
//  - Trend since the last check-in: progress now minus progress with each KR
//    moved back to the value before its latest valued check-in (weighted as
//    objective progress is), in 0..1 units; nullopt without any history.
//  - Stale: an owner (person) or a unit with objectives in the cycle whose
//    latest check-in on the cycle's objectives and key results is more than
//    RiskThresholds::stale_after_days before the reference day, or who
//    never checked in.
//  - Objective counts: the findings of the lint rules objectives-per-unit
//    and objectives-per-unit-max for the cycle, at the configured levels
//    and bounds (LintSettings).
//  - Alignment: the cascade from the cycle's objectives without a parent in
//    the cycle, children ordered as stored; objectives that have neither a
//    parent nor supports links are flagged, as are non-company objectives
//    without a parent.
//
// Views hold copies, never pointers into the Organisation. Pure functions;
// thread-safe; no recursion (hostile data may nest deeply).

#ifndef OKR_CORE_WEB_VIEWS_H_
#define OKR_CORE_WEB_VIEWS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analytics/finding.h"
#include "core/analytics/early_warning.h"
#include "core/analytics/lint_rules.h"
#include "core/base/civil_time.h"
#include "core/model/organisation.h"
#include "core/model/progress.h"

namespace okr::web {

// The overview ("/") shows every objective in full when the cycle has at
// most this many objectives. Above it (a large organisation) it shows the
// company's and the departments' objectives in full and every other unit
// as one row (UnitRow) under the nearest unit shown in full, so that the
// page stays small: the unit's page has its objectives in full.
inline constexpr int kHomeFullObjectives = 150;

struct CycleInfo {
  std::string name;
  Date start;
  Date end;
  Phase phase = Phase::kExecution;
  Date reference_day;
  int64_t days_left = 0;   // Days after the reference day until the end.
  double elapsed = 0;      // 0..1.
  bool is_current = false; // CurrentCycle() on today.
};

// A person as shown: name (email when unknown) and email (the key).
struct PersonRef {
  std::string email;
  std::string name;
};

// Progress after a check-in, for charts.
struct Sample {
  UnixSeconds at = 0;
  double progress = 0;  // 0..1.
};

struct KrView {
  std::string key;
  std::string objective_key;
  std::string objective_title;
  std::string title;
  PersonRef owner;
  KrKind kind = KrKind::kIncrease;
  double start = 0;
  double target = 0;
  double current = 0;
  std::string unit;
  double weight = 1;
  std::optional<Date> due;
  double progress = 0;
  std::optional<double> confidence;
  std::optional<ConfidenceBand> band;
  std::optional<double> trend;
  std::vector<Sample> history;  // One per valued check-in, oldest first.
  std::optional<UnixSeconds> last_check_in;
  std::vector<std::string> risks;  // Why it is at risk; empty when fine.
};

struct ObjectiveView {
  std::string key;
  std::string title;
  std::string description;
  std::string cycle;
  Level level = Level::kTeam;
  std::string unit_key;   // Owning unit (the owner's unit for individual).
  std::string unit_name;
  PersonRef owner;
  bool committed = true;
  std::optional<double> progress;
  std::optional<double> confidence;
  std::optional<ConfidenceBand> band;
  std::optional<double> trend;
  std::optional<double> score_override;
  std::string score_reason;
  std::optional<UnixSeconds> last_check_in;
  std::vector<KrView> krs;
  std::vector<std::string> risks;
  double at_risk_share = 0;  // Weight share of its KRs at risk, 0..1.
};

// How a set of objectives stands: counts by confidence band, how many need
// attention (ObjectiveView::risks not empty), mean progress of those with
// key results.
struct ObjectiveTally {
  int objectives = 0;
  int on_track = 0;
  int at_risk = 0;
  int off_track = 0;
  int no_confidence = 0;
  int need_attention = 0;
  int measured = 0;  // Objectives with a progress.
  double progress_sum = 0;

  void Add(const ObjectiveView& objective);
  std::optional<double> MeanProgress() const;
};

// A unit summarised on one row of the overview of a large organisation.
struct UnitRow {
  std::string key;
  std::string name;
  Level level = Level::kTeam;
  int depth = 0;
  ObjectiveTally tally;  // Its unit and individual objectives.
};

struct UnitSection {
  std::string key;
  std::string name;
  Level level = Level::kTeam;
  int depth = 0;  // 0 for the company.
  PersonRef lead;
  std::vector<ObjectiveView> objectives;  // Unit and individual objectives.
  // Compact overview only: the units after this one in tree order, up to
  // the next unit shown in full (its teams), as rows.
  std::vector<UnitRow> rows;
};

struct HomeView {
  CycleInfo cycle;
  std::vector<CycleInfo> cycles;  // All cycles, oldest first.
  // Tree order, company first. Compact: only the units shown in full
  // (company, departments, roots), the others as their rows.
  std::vector<UnitSection> units;
  bool compact = false;  // More than kHomeFullObjectives objectives.
  ObjectiveTally totals;  // Every objective of the cycle.
};

// A short reference to an objective, for links and trees.
struct ObjectiveRef {
  std::string key;
  std::string title;
  std::string unit_name;
  std::string department;  // Department unit key; empty for company level.
  Level level = Level::kTeam;
  std::optional<double> progress;
  std::optional<ConfidenceBand> band;
};

// One end of an alignment link.
struct LinkRef {
  TargetKind kind = TargetKind::kObjective;
  std::string key;              // Objective or KR key as stored.
  std::optional<ObjectiveRef> objective;  // The objective (or the KR's).
  std::string kr_title;         // When the link targets a key result.
  bool across_departments = false;
};

struct CheckInView {
  UnixSeconds at = 0;
  PersonRef author;
  TargetKind target_kind = TargetKind::kKeyResult;
  std::string target_key;
  std::string target_title;
  std::optional<double> value;
  std::string unit;
  std::optional<double> confidence;
  std::optional<ConfidenceBand> band;
  std::string status, learned, next_steps, challenges;
};

struct ObjectiveDetail {
  CycleInfo cycle;
  ObjectiveView objective;
  std::optional<LinkRef> parent;
  std::vector<LinkRef> supports;
  std::vector<ObjectiveRef> children;      // Parent is this or one of its KRs.
  std::vector<ObjectiveRef> supported_by;  // Supports this or one of its KRs.
  std::vector<Sample> burn_up;             // Objective progress over time.
  std::vector<CheckInView> check_ins;      // Newest first.
};

struct UnitDetail {
  CycleInfo cycle;
  Unit unit;
  PersonRef lead;
  std::optional<Unit> parent;
  std::vector<Unit> children;
  std::vector<PersonRef> members;
  std::vector<ObjectiveView> objectives;
};

struct PersonDetail {
  CycleInfo cycle;
  Person person;
  std::string unit_name;
  std::optional<PersonRef> manager;
  std::vector<PersonRef> reports;
  std::vector<ObjectiveView> objectives;  // Owned objectives.
  std::vector<KrView> key_results;        // Owned KRs in other objectives.
  std::optional<UnixSeconds> last_check_in;
};

struct TreeRow {
  int depth = 0;
  ObjectiveRef objective;
  std::string via_kr_title;  // Aligned through this KR of the parent.
  std::vector<LinkRef> supports;
  // Why the row is flagged ("aligned to nothing", ...); empty when fine.
  std::string flag;
};

struct AlignmentView {
  CycleInfo cycle;
  std::vector<TreeRow> cascade;  // Pre-order; depth gives the nesting.
  std::vector<TreeRow> flagged;  // Objectives that need alignment.
};

struct StaleItem {
  bool is_person = true;
  std::string key;  // Email or unit key.
  std::string name;
  std::optional<UnixSeconds> last_check_in;
};

// A unit whose objective count a lint rule flags.
struct UnitCount {
  std::string key;
  std::string name;
  Level level = Level::kTeam;
  int count = 0;
  std::string rule;  // objectives-per-unit or objectives-per-unit-max.
  Severity severity = Severity::kWarning;
  std::string message;  // The rule's, with its bounds.
};

struct HealthView {
  CycleInfo cycle;
  std::vector<ObjectiveView> objectives_at_risk;  // Without their KRs.
  std::vector<KrView> krs_at_risk;
  std::vector<StaleItem> stale;
  std::vector<UnitCount> unit_counts;  // In tree order.
  // Lint findings (configured levels) about the cycle's objectives, KRs and
  // per-cycle counts, errors first; double-work findings in the cycle.
  std::vector<Finding> lint;
  std::vector<Finding> double_work;
  RiskThresholds risk;  // The thresholds the lists above were judged by.
};

namespace internal {
class OrgIndex;  // views_internal.h
}  // namespace internal

// Lookups over one organisation, built once per store revision and shared
// by the requests of that revision: immutable, safe to use from many
// threads at once; keeps `org` (not null) alive. Building it walks the
// whole organisation (O(n log n)); every Build* below that takes an
// Organisation builds one first, the overloads taking an index do not.
std::shared_ptr<const internal::OrgIndex> BuildOrgIndex(
    std::shared_ptr<const Organisation> org, const RiskThresholds& risk = {});

// The cycle named `name`, or CurrentCycle() when `name` is empty. nullptr
// when there is no such cycle.
const Cycle* FindCycle(const Organisation& org, std::string_view name,
                       const Date& today);

CycleInfo MakeCycleInfo(const Organisation& org, const Cycle& cycle,
                        const Date& today);

HomeView BuildHomeView(const Organisation& org, const Cycle& cycle,
                       const Date& today);
HomeView BuildHomeView(const internal::OrgIndex& index, const Cycle& cycle,
                       const Date& today);
AlignmentView BuildAlignmentView(const Organisation& org, const Cycle& cycle,
                                 const Date& today);
AlignmentView BuildAlignmentView(const internal::OrgIndex& index,
                                 const Cycle& cycle, const Date& today);
// `lint`: the [lint] configuration (levels, bounds) for the lint findings
// and the objective counts; `risk`: the [analytics] early-warning
// thresholds (KRs and objectives at risk, stale).
HealthView BuildHealthView(const Organisation& org, const Cycle& cycle,
                           const Date& today, const LintSettings& lint = {},
                           const RiskThresholds& risk = {});
// The same from an index, judged by the index's thresholds (its `risk`).
HealthView BuildHealthView(const internal::OrgIndex& index, const Cycle& cycle,
                           const Date& today, const LintSettings& lint = {});

// nullopt when the key is unknown. An objective is shown in its own cycle
// (its CycleInfo); units and people in `cycle`.
std::optional<ObjectiveDetail> BuildObjectiveDetail(const Organisation& org,
                                                    std::string_view key,
                                                    const Date& today);
std::optional<ObjectiveDetail> BuildObjectiveDetail(
    const internal::OrgIndex& index, std::string_view key, const Date& today);
std::optional<UnitDetail> BuildUnitDetail(const Organisation& org,
                                          const Cycle& cycle,
                                          std::string_view key,
                                          const Date& today);
std::optional<UnitDetail> BuildUnitDetail(const internal::OrgIndex& index,
                                          const Cycle& cycle,
                                          std::string_view key,
                                          const Date& today);
std::optional<PersonDetail> BuildPersonDetail(const Organisation& org,
                                              const Cycle& cycle,
                                              std::string_view email,
                                              const Date& today);
std::optional<PersonDetail> BuildPersonDetail(const internal::OrgIndex& index,
                                              const Cycle& cycle,
                                              std::string_view email,
                                              const Date& today);

// Every objective of `cycle`, in stored order.
std::vector<ObjectiveView> BuildObjectiveViews(const Organisation& org,
                                               const Cycle& cycle,
                                               const Date& today);
std::vector<ObjectiveView> BuildObjectiveViews(const internal::OrgIndex& index,
                                               const Cycle& cycle,
                                               const Date& today);

// One objective's view (with KRs) on its cycle; the building block of the
// pages and the API. nullopt when the key is unknown or its cycle missing.
std::optional<ObjectiveView> BuildObjectiveView(const Organisation& org,
                                                std::string_view key,
                                                const Date& today);
std::optional<ObjectiveView> BuildObjectiveView(const internal::OrgIndex& index,
                                                std::string_view key,
                                                const Date& today);

}  // namespace okr::web

#endif  // OKR_CORE_WEB_VIEWS_H_
