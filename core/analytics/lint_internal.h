// Copyright 2026 The okrd Authors.
//
// Internal to lint: the indexes the checks share, and the checks.

#ifndef OKR_CORE_ANALYTICS_LINT_INTERNAL_H_
#define OKR_CORE_ANALYTICS_LINT_INTERNAL_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analytics/lint_rules.h"

namespace okr {

class LintContext {
 public:
  LintContext(const Organisation& org, const LintSettings& settings);

  const Organisation& org() const { return org_; }
  const LintSettings& settings() const { return settings_; }
  const Unit* FindUnit(const std::string& key) const;
  const Person* FindPerson(const std::string& email) const;
  const Cycle* FindCycle(const std::string& name) const;
  const Objective* FindObjective(const std::string& key) const;
  const KeyResult* FindKr(const std::string& key) const;
  // The objective a link points at (the KR's objective for a KR link).
  const Objective* Target(const LinkTarget& link) const;
  const std::vector<const KeyResult*>& KrsOf(const std::string& key) const;
  const std::vector<const CheckIn*>& CheckInsOf(const std::string& kr) const;

 private:
  const Organisation& org_;
  const LintSettings& settings_;
  // Keyed by views of org_'s keys (org_ outlives the context); only looked
  // up, never listed, so hashed.
  template <typename V>
  using ByKey = std::unordered_map<std::string_view, V>;
  ByKey<const Unit*> units_;
  ByKey<const Person*> people_;
  ByKey<const Cycle*> cycles_;
  ByKey<const Objective*> objectives_;
  ByKey<const KeyResult*> krs_;
  ByKey<std::vector<const KeyResult*>> krs_of_;
  ByKey<std::vector<const CheckIn*>> check_ins_of_;
};

std::string ObjectiveSubject(const Objective& o);  // "objective:KEY"
std::string KrSubject(const KeyResult& kr);        // "kr:KEY"

// Checks, one per rule (lint_counts.cc, lint_items.cc, lint_alignment.cc).
void CheckObjectivesPerUnit(const LintContext& ctx, std::vector<Finding>* out);
void CheckObjectivesPerUnitMax(const LintContext& ctx,
                               std::vector<Finding>* out);
void CheckObjectivesPerPerson(const LintContext& ctx,
                              std::vector<Finding>* out);
void CheckKrsPerObjective(const LintContext& ctx, std::vector<Finding>* out);
void CheckKrNotMeasurable(const LintContext& ctx, std::vector<Finding>* out);
void CheckKrStartEqualsTarget(const LintContext& ctx,
                              std::vector<Finding>* out);
void CheckKrDirection(const LintContext& ctx, std::vector<Finding>* out);
void CheckKrWeightsZero(const LintContext& ctx, std::vector<Finding>* out);
void CheckOwnerMissing(const LintContext& ctx, std::vector<Finding>* out);
void CheckOwnerUnknown(const LintContext& ctx, std::vector<Finding>* out);
void CheckKrDueOutsideCycle(const LintContext& ctx, std::vector<Finding>* out);
void CheckKrUnitMissing(const LintContext& ctx, std::vector<Finding>* out);
void CheckCheckInUnitMismatch(const LintContext& ctx,
                              std::vector<Finding>* out);
void CheckObjectiveDescription(const LintContext& ctx,
                               std::vector<Finding>* out);
void CheckObjectiveUnaligned(const LintContext& ctx, std::vector<Finding>* out);
void CheckAlignmentOtherCycle(const LintContext& ctx,
                              std::vector<Finding>* out);
void CheckAlignmentLowerLevel(const LintContext& ctx,
                              std::vector<Finding>* out);
void CheckAlignmentCycle(const LintContext& ctx, std::vector<Finding>* out);
void CheckCommittedUnderAspirational(const LintContext& ctx,
                                     std::vector<Finding>* out);

}  // namespace okr

#endif  // OKR_CORE_ANALYTICS_LINT_INTERNAL_H_
