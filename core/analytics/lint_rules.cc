// Copyright 2026 The okrd Authors.

#include "core/analytics/lint_rules.h"

#include "core/analytics/lint_internal.h"

namespace okr {
namespace {

constexpr Severity kW = Severity::kWarning;
constexpr Severity kE = Severity::kError;

constexpr LintRule kRules[] = {
    {"objectives-per-unit", kW,
     "a unit sets fewer than 2 or more than 3 objectives in a cycle",
     CheckObjectivesPerUnit},
    {"objectives-per-unit-max", kE,
     "a unit sets more than 5 objectives in a cycle",
     CheckObjectivesPerUnitMax},
    {"objectives-per-person", kW,
     "a person owns more than 3 individual objectives in a cycle",
     CheckObjectivesPerPerson},
    {"krs-per-objective", kW, "an objective has fewer than 2 or more than 5 KRs",
     CheckKrsPerObjective},
    {"kr-not-measurable", kE,
     "a KR has no numeric target (start, target and current all 0) and is "
     "not a milestone",
     CheckKrNotMeasurable},
    {"kr-start-equals-target", kW,
     "an increase/decrease KR whose start equals its target",
     CheckKrStartEqualsTarget},
    {"kr-direction", kW,
     "an increase KR with a target below its start, or a decrease KR above",
     CheckKrDirection},
    {"kr-weights-zero", kW,
     "every KR of an objective has weight 0, so it has no progress",
     CheckKrWeightsZero},
    {"owner-missing", kW, "an objective has no owner", CheckOwnerMissing},
    {"owner-unknown", kE,
     "an owner is not a known person (skipped when no people are listed)",
     CheckOwnerUnknown},
    {"objective-unaligned", kW,
     "an objective below company level is aligned to nothing",
     CheckObjectiveUnaligned},
    {"alignment-other-cycle", kE,
     "an objective is aligned to an objective of another cycle",
     CheckAlignmentOtherCycle},
    {"alignment-lower-level", kE,
     "an objective is aligned to an objective of a lower level",
     CheckAlignmentLowerLevel},
    {"alignment-cycle", kE, "alignment links form a cycle",
     CheckAlignmentCycle},
    {"committed-under-aspirational", kW,
     "a committed objective contributes to an aspirational one",
     CheckCommittedUnderAspirational},
    {"kr-due-outside-cycle", kW, "a KR is due outside its objective's cycle",
     CheckKrDueOutsideCycle},
    {"kr-unit-missing", kW, "a measured KR has no unit of measure",
     CheckKrUnitMissing},
    {"checkin-unit-mismatch", kW,
     "a check-in value looks like another unit than its KR (a fraction on a "
     "percent KR, or a percent above 100 on a 0..1 KR)",
     CheckCheckInUnitMismatch},
    {"objective-description-missing", Severity::kOff,
     "an objective has no description (off by default)",
     CheckObjectiveDescription},
};

}  // namespace

std::span<const LintRule> LintRules() { return kRules; }

Status SetLintLevel(LintSettings* settings, std::string_view rule,
                    std::string_view level) {
  std::optional<Severity> s = ParseSeverity(level);
  if (!s) {
    return InvalidArgument("lint level \"" + std::string(level) +
                           "\" is not one of off, warning, error");
  }
  for (const LintRule& r : kRules) {
    if (r.id == rule) {
      settings->levels[std::string(rule)] = *s;
      return Status::Ok();
    }
  }
  return InvalidArgument("no lint rule \"" + std::string(rule) + "\"");
}

void RunLint(const Organisation& org, const LintSettings& settings,
             const FindingSink& sink, const Organisation* known) {
  LintContext ctx(org, settings, known);
  for (const LintRule& rule : kRules) {
    auto it = settings.levels.find(rule.id);
    const Severity level =
        it == settings.levels.end() ? rule.default_level : it->second;
    if (level == Severity::kOff) continue;
    rule.check(ctx, [&rule, level, &sink](Finding&& f) {
      f.rule = rule.id;
      f.level = level;
      sink(std::move(f));
    });
  }
}

std::vector<Finding> RunLint(const Organisation& org,
                             const LintSettings& settings) {
  std::vector<Finding> all;
  RunLint(org, settings, [&all](Finding&& f) { all.push_back(std::move(f)); });
  return all;
}

}  // namespace okr
