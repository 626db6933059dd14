// Copyright 2026 The okrd Authors.
//
// Internal to views.cc and views_detail.cc: lookups over one Organisation.
// Holds pointers into the Organisation, which must outlive it (the
// shared_ptr constructor keeps it alive). Immutable once built: the status
// page builds one per store revision (BuildOrgIndex, views.h) and uses it
// from every worker thread at once.

#ifndef OKR_CORE_WEB_VIEWS_INTERNAL_H_
#define OKR_CORE_WEB_VIEWS_INTERNAL_H_

#include <map>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/web/views.h"

namespace okr::web::internal {

class OrgIndex {
 public:
  // `risk`: the early-warning thresholds ([analytics]) the views apply.
  explicit OrgIndex(const Organisation& org, const RiskThresholds& risk = {});
  explicit OrgIndex(std::shared_ptr<const Organisation> org,
                    const RiskThresholds& risk = {});
  OrgIndex(const OrgIndex&) = delete;
  OrgIndex& operator=(const OrgIndex&) = delete;

  const Organisation& org() const { return org_; }
  const RiskThresholds& risk() const { return risk_; }
  const Unit* FindUnit(std::string_view key) const;
  const Person* FindPerson(std::string_view email) const;
  const Objective* FindObjective(std::string_view key) const;
  const KeyResult* FindKr(std::string_view key) const;
  const Cycle* FindCycle(std::string_view name) const;

  // Key results of an objective, in stored order.
  const std::vector<const KeyResult*>& KrsOf(std::string_view objective) const;
  // Check-ins on a target, oldest first.
  const std::vector<const CheckIn*>& CheckInsOn(TargetKind kind,
                                                std::string_view key) const;
  // The latest check-in with a confidence on a target (LatestCheckIn,
  // progress.h), or nullptr.
  const CheckIn* LatestConfidence(TargetKind kind, std::string_view key) const;
  // ObjectiveProgress (no children) and ObjectiveConfidence from the index.
  std::optional<double> ProgressOf(const Objective& objective) const;
  std::optional<double> ConfidenceOf(const Objective& objective) const;
  // Objectives of every cycle whose UnitKeyOf() is `unit`, stored order.
  const std::vector<const Objective*>& ObjectivesOf(
      std::string_view unit) const;
  // Objectives whose parent is `objective` or one of its KRs.
  const std::vector<const Objective*>& ChildrenOf(
      std::string_view objective) const;
  // Objectives with a supports link to `objective` or one of its KRs.
  const std::vector<const Objective*>& SupportersOf(
      std::string_view objective) const;

  // The objective a link points at (the KR's objective for KR links).
  const Objective* ResolveLink(const LinkTarget& link) const;
  // The unit an objective belongs to: its unit, or its owner's for
  // individual objectives. Empty when unknown.
  std::string UnitKeyOf(const Objective& objective) const;
  // The department (a department-level ancestor or self) of a unit.
  std::string DepartmentOf(std::string_view unit_key) const;
  PersonRef Ref(std::string_view email) const;
  std::string UnitName(std::string_view key) const;
  // The effective owner of a KR: its own, else its objective's.
  std::string OwnerOf(const KeyResult& kr) const;

 private:
  const Organisation& org_;
  const RiskThresholds risk_;
  std::shared_ptr<const Organisation> owned_;  // May be null.
  std::map<std::string, const Unit*, std::less<>> units_;
  std::map<std::string, const Person*, std::less<>> people_;
  std::map<std::string, const Objective*, std::less<>> objectives_;
  std::map<std::string, const KeyResult*, std::less<>> krs_;
  std::map<std::string, std::vector<const KeyResult*>, std::less<>> krs_of_;
  std::map<std::pair<int, std::string>, std::vector<const CheckIn*>>
      check_ins_;
  std::map<std::string, std::vector<const Objective*>, std::less<>> children_;
  std::map<std::string, std::vector<const Objective*>, std::less<>>
      supporters_;
  std::map<std::string, std::vector<const Objective*>, std::less<>>
      by_unit_;
};

KrView MakeKrView(const OrgIndex& index, const KeyResult& kr,
                  const CycleInfo& cycle);
// `with_krs` false: without key results and trend (which comes from them),
// for summaries (UnitRow) that need only progress, confidence and risks.
ObjectiveView MakeObjectiveView(const OrgIndex& index,
                                const Objective& objective,
                                const CycleInfo& cycle, bool with_krs = true);
ObjectiveRef MakeObjectiveRef(const OrgIndex& index,
                              const Objective& objective);
LinkRef MakeLinkRef(const OrgIndex& index, const Objective& from,
                    const LinkTarget& link);
// Latest check-in time on an objective or any of its KRs.
std::optional<UnixSeconds> LastCheckInOn(const OrgIndex& index,
                                         const Objective& objective);

}  // namespace okr::web::internal

#endif  // OKR_CORE_WEB_VIEWS_INTERNAL_H_
