// Copyright 2026 The okrd Authors.
//
// Internal to lint: the indexes the checks share, and the checks.

#ifndef OKR_CORE_ANALYTICS_LINT_INTERNAL_H_
#define OKR_CORE_ANALYTICS_LINT_INTERNAL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/lint_rules.h"

namespace okr {

// Items by key: an open-addressing hash table of pointers into vectors the
// caller keeps alive, sized once (no node per item, no key copied). When
// two items share a key, the first added wins.
template <typename T, std::string T::*kKey>
class KeyIndex {
 public:
  // Sizes the table for `n` items; call once, before Add.
  void Reserve(size_t n);
  void Add(std::span<const T> items);
  const T* Find(std::string_view key) const;

 private:
  size_t Slot(std::string_view key) const;
  std::vector<const T*> slots_;  // Size a power of two; nullptr: empty.
};

// Items grouped by an owner's index (key results by objective, check-ins
// by key result): compressed rows, model order within a group.
template <typename T>
class GroupIndex {
 public:
  // `owner[i]` is the group of `items[i]`, or -1 for none; `groups` is the
  // number of groups.
  void Build(std::span<const T> items, const std::vector<int32_t>& owner,
             size_t groups);
  std::span<const T* const> Of(size_t group) const;

 private:
  std::vector<uint32_t> begin_;  // groups + 1 offsets into items_.
  std::vector<const T*> items_;
};

class LintContext {
 public:
  // `known`: see RunLint. `org`, `known` and `settings` must outlive the
  // context.
  LintContext(const Organisation& org, const LintSettings& settings,
              const Organisation* known = nullptr);

  const Organisation& org() const { return org_; }
  const LintSettings& settings() const { return settings_; }
  // Whether any person is listed (in org or known).
  bool HasPeople() const;
  const Unit* FindUnit(std::string_view key) const;
  const Person* FindPerson(std::string_view email) const;
  const Cycle* FindCycle(std::string_view name) const;
  const Objective* FindObjective(std::string_view key) const;
  const KeyResult* FindKr(std::string_view key) const;
  // The objective a link points at (the KR's objective for a KR link).
  const Objective* Target(const LinkTarget& link) const;
  // The key results of the (first) objective with that key.
  std::span<const KeyResult* const> KrsOf(std::string_view key) const;
  // The check-ins of the (first) key result with that key.
  std::span<const CheckIn* const> CheckInsOf(std::string_view kr) const;

 private:
  const Organisation& org_;
  const LintSettings& settings_;
  const Organisation* known_;
  KeyIndex<Unit, &Unit::key> units_;
  KeyIndex<Person, &Person::email> people_;
  KeyIndex<Cycle, &Cycle::name> cycles_;
  KeyIndex<Objective, &Objective::key> objectives_;
  KeyIndex<KeyResult, &KeyResult::key> krs_;
  GroupIndex<KeyResult> krs_of_;      // By objective index.
  GroupIndex<CheckIn> check_ins_of_;  // By key result index.
};

std::string ObjectiveSubject(const Objective& o);  // "objective:KEY"
std::string KrSubject(const KeyResult& kr);        // "kr:KEY"

// Checks, one per rule (lint_counts.cc, lint_items.cc, lint_alignment.cc).
void CheckObjectivesPerUnit(const LintContext& ctx, const FindingSink& out);
void CheckObjectivesPerUnitMax(const LintContext& ctx, const FindingSink& out);
void CheckObjectivesPerPerson(const LintContext& ctx, const FindingSink& out);
void CheckKrsPerObjective(const LintContext& ctx, const FindingSink& out);
void CheckKrNotMeasurable(const LintContext& ctx, const FindingSink& out);
void CheckKrStartEqualsTarget(const LintContext& ctx, const FindingSink& out);
void CheckKrDirection(const LintContext& ctx, const FindingSink& out);
void CheckKrWeightsZero(const LintContext& ctx, const FindingSink& out);
void CheckOwnerMissing(const LintContext& ctx, const FindingSink& out);
void CheckOwnerUnknown(const LintContext& ctx, const FindingSink& out);
void CheckKrDueOutsideCycle(const LintContext& ctx, const FindingSink& out);
void CheckKrUnitMissing(const LintContext& ctx, const FindingSink& out);
void CheckCheckInUnitMismatch(const LintContext& ctx, const FindingSink& out);
void CheckObjectiveDescription(const LintContext& ctx, const FindingSink& out);
void CheckObjectiveUnaligned(const LintContext& ctx, const FindingSink& out);
void CheckAlignmentOtherCycle(const LintContext& ctx, const FindingSink& out);
void CheckAlignmentLowerLevel(const LintContext& ctx, const FindingSink& out);
void CheckAlignmentCycle(const LintContext& ctx, const FindingSink& out);
void CheckCommittedUnderAspirational(const LintContext& ctx,
                                     const FindingSink& out);

}  // namespace okr

#endif  // OKR_CORE_ANALYTICS_LINT_INTERNAL_H_
