// Copyright 2026 The okrd Authors.
//
// Lint rules about how many objectives and key results there are.

#include <map>
#include <string_view>
#include <utility>

#include "core/analytics/lint_internal.h"

namespace okr {
namespace {

// (unit key or owner, cycle) -> objective count, in first-seen order. Views
// of the organisation's strings: a count, not a copy, per pair.
using Owner = std::pair<std::string_view, std::string_view>;
using Counts = std::vector<std::pair<Owner, int>>;

Counts CountBy(const Organisation& org, bool individual) {
  Counts counts;
  std::map<Owner, size_t> at;
  for (const Objective& o : org.objectives) {
    if ((o.level == Level::kIndividual) != individual) continue;
    const std::string& owner = individual ? o.owner_email : o.unit_key;
    if (owner.empty()) continue;
    const Owner key(owner, o.cycle);
    auto [it, added] = at.emplace(key, counts.size());
    if (added) counts.push_back({key, 0});
    ++counts[it->second].second;
  }
  return counts;
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

void UnitFindings(const LintContext& ctx, bool hard, const FindingSink& out) {
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
    out({.subjects = {"unit:" + std::string(key.first),
                      "cycle:" + std::string(key.second)},
         .message = level + " " + Quote(key.first) + " has " +
                    std::to_string(n) + " objective(s) in cycle " +
                    Quote(key.second) + " (" + range + " keeps focus)"});
  }
}

}  // namespace

void CheckObjectivesPerUnit(const LintContext& ctx, const FindingSink& out) {
  UnitFindings(ctx, /*hard=*/false, out);
}

void CheckObjectivesPerUnitMax(const LintContext& ctx, const FindingSink& out) {
  UnitFindings(ctx, /*hard=*/true, out);
}

void CheckObjectivesPerPerson(const LintContext& ctx, const FindingSink& out) {
  const int max = ctx.settings().max_objectives_per_person;
  for (const auto& [key, n] : CountBy(ctx.org(), /*individual=*/true)) {
    if (n <= max) continue;
    out({.subjects = {"person:" + std::string(key.first),
                      "cycle:" + std::string(key.second)},
         .message = Quote(key.first) + " owns " + std::to_string(n) +
                    " individual objectives in cycle " + Quote(key.second) +
                    " (at most " + std::to_string(max) + ")"});
  }
}

void CheckKrsPerObjective(const LintContext& ctx, const FindingSink& out) {
  const LintSettings& s = ctx.settings();
  for (const Objective& o : ctx.org().objectives) {
    const int n = static_cast<int>(ctx.KrsOf(o.key).size());
    if (n >= s.min_krs_per_objective && n <= s.max_krs_per_objective) continue;
    out({.subjects = {ObjectiveSubject(o)},
         .message = "objective " + Quote(o.title) + " has " +
                    std::to_string(n) + " key result(s) (" +
                    std::to_string(s.min_krs_per_objective) + "-" +
                    std::to_string(s.max_krs_per_objective) + " expected)"});
  }
}

}  // namespace okr
