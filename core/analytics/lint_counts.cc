// Copyright 2026 The okrd Authors.
//
// Lint rules about how many objectives and key results there are.

#include <map>
#include <utility>

#include "core/analytics/lint_internal.h"

namespace okr {
namespace {

// (unit key, cycle) -> objective count, in first-seen order of units.
using Counts = std::vector<std::pair<std::pair<std::string, std::string>, int>>;

Counts CountBy(const Organisation& org, bool individual) {
  Counts counts;
  std::map<std::pair<std::string, std::string>, size_t> at;
  for (const Objective& o : org.objectives) {
    if ((o.level == Level::kIndividual) != individual) continue;
    const std::string& owner = individual ? o.owner_email : o.unit_key;
    if (owner.empty()) continue;
    auto key = std::make_pair(owner, o.cycle);
    auto [it, added] = at.emplace(key, counts.size());
    if (added) counts.push_back({key, 0});
    ++counts[it->second].second;
  }
  return counts;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

void UnitFindings(const LintContext& ctx, bool hard, std::vector<Finding>* out) {
  const LintSettings& s = ctx.settings();
  for (const auto& [key, n] : CountBy(ctx.org(), /*individual=*/false)) {
    const bool fires = hard ? n > s.hard_max_objectives_per_unit
                            : (n < s.min_objectives_per_unit ||
                               n > s.max_objectives_per_unit) &&
                                  n <= s.hard_max_objectives_per_unit;
    if (!fires) continue;
    const Unit* unit = ctx.FindUnit(key.first);
    std::string level = unit ? std::string(LevelName(unit->level)) : "unit";
    std::string range =
        hard ? "at most " + std::to_string(s.hard_max_objectives_per_unit)
             : std::to_string(s.min_objectives_per_unit) + "-" +
                   std::to_string(s.max_objectives_per_unit);
    out->push_back({.subjects = {"unit:" + key.first, "cycle:" + key.second},
                    .message = level + " " + Quote(key.first) + " has " +
                               std::to_string(n) + " objective(s) in cycle " +
                               Quote(key.second) + " (" + range + " keeps focus)"});
  }
}

}  // namespace

void CheckObjectivesPerUnit(const LintContext& ctx, std::vector<Finding>* out) {
  UnitFindings(ctx, /*hard=*/false, out);
}

void CheckObjectivesPerUnitMax(const LintContext& ctx,
                               std::vector<Finding>* out) {
  UnitFindings(ctx, /*hard=*/true, out);
}

void CheckObjectivesPerPerson(const LintContext& ctx,
                              std::vector<Finding>* out) {
  const int max = ctx.settings().max_objectives_per_person;
  for (const auto& [key, n] : CountBy(ctx.org(), /*individual=*/true)) {
    if (n <= max) continue;
    out->push_back({.subjects = {"person:" + key.first, "cycle:" + key.second},
                    .message = Quote(key.first) + " owns " + std::to_string(n) +
                               " individual objectives in cycle " +
                               Quote(key.second) + " (at most " +
                               std::to_string(max) + ")"});
  }
}

void CheckKrsPerObjective(const LintContext& ctx, std::vector<Finding>* out) {
  const LintSettings& s = ctx.settings();
  for (const Objective& o : ctx.org().objectives) {
    const int n = static_cast<int>(ctx.KrsOf(o.key).size());
    if (n >= s.min_krs_per_objective && n <= s.max_krs_per_objective) continue;
    out->push_back({.subjects = {ObjectiveSubject(o)},
                    .message = "objective " + Quote(o.title) + " has " +
                               std::to_string(n) + " key result(s) (" +
                               std::to_string(s.min_krs_per_objective) + "-" +
                               std::to_string(s.max_krs_per_objective) +
                               " expected)"});
  }
}

}  // namespace okr
