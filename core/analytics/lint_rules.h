// Copyright 2026 The okrd Authors.
//
// OKR lint: advisory rules about how objectives and key results are set
// (counts per level, measurability, ownership, alignment, dates, units),
// as opposed to the structural errors of core/model/validate.h. Each rule
// has a stable id, a default level and a level the configuration may
// override ([lint] rule.ID = off|warning|error). Works on the plain
// Organisation, so a parsed file is linted the same as the database; the
// input need not be valid (dangling references are skipped, not crashed
// on). Pure functions; thread-safe. docs/analytics.md explains each rule.

#ifndef OKR_CORE_ANALYTICS_LINT_RULES_H_
#define OKR_CORE_ANALYTICS_LINT_RULES_H_

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/finding.h"
#include "core/base/status.h"
#include "core/model/organisation.h"

namespace okr {

struct LintSettings {
  // Rule id -> level; rules not listed run at their default level.
  std::map<std::string, Severity, std::less<>> levels;
  int min_objectives_per_unit = 2;   // objectives-per-unit (warning)
  int max_objectives_per_unit = 3;
  int hard_max_objectives_per_unit = 5;  // objectives-per-unit-max (error)
  int max_objectives_per_person = 3;     // objectives-per-person
  int min_krs_per_objective = 2;         // krs-per-objective
  int max_krs_per_objective = 5;
};

class LintContext;  // Indexes of one organisation; lint_internal.h.

// Receives each finding as lint finds it; may move from it. Called on the
// thread running RunLint, never concurrently.
using FindingSink = std::function<void(Finding&&)>;

struct LintRule {
  std::string_view id;
  Severity default_level;
  std::string_view summary;  // One line, for --help and docs.
  // Passes each finding to `out` (rule, level filled in by RunLint).
  void (*check)(const LintContext& ctx, const FindingSink& out);
};

// Every rule, in a fixed order.
std::span<const LintRule> LintRules();

// Overrides one rule's level. InvalidArgument for an unknown rule id or a
// level other than off|warning|error.
Status SetLintLevel(LintSettings* settings, std::string_view rule,
                    std::string_view level);

// Passes every finding of the enabled rules to `sink` as it is found, rules
// in table order, items in model order within a rule; keeps none of them
// (rules that count, such as objectives-per-unit, keep only the counts).
// `known`, when given, lends its people, units and cycles to lookups: they
// count as `org`'s own where `org` has none by that email, key or name (so
// a file can be linted against the stored organisation without copying
// it); its objectives, key results and check-ins are ignored. Both must
// outlive the call.
void RunLint(const Organisation& org, const LintSettings& settings,
             const FindingSink& sink, const Organisation* known = nullptr);

// The same findings, in the same order, collected.
std::vector<Finding> RunLint(const Organisation& org,
                             const LintSettings& settings = {});

}  // namespace okr

#endif  // OKR_CORE_ANALYTICS_LINT_RULES_H_
