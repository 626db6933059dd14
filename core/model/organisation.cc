// Copyright 2026 The okrd Authors.

#include "core/model/organisation.h"

#include <array>
#include <utility>

namespace okr {
namespace {

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& t,
                        std::string_view name) {
  for (const auto& [value, text] : t) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& t,
                        E value) {
  for (const auto& [v, text] : t) {
    if (v == value) return text;
  }
  return "?";
}

constexpr std::array<std::pair<Level, std::string_view>, 4> kLevels{{
    {Level::kCompany, "company"},
    {Level::kDepartment, "department"},
    {Level::kTeam, "team"},
    {Level::kIndividual, "individual"},
}};

constexpr std::array<std::pair<Phase, std::string_view>, 5> kPhases{{
    {Phase::kBefore, "not started"},
    {Phase::kPlanning, "planning"},
    {Phase::kExecution, "execution"},
    {Phase::kRetrospective, "retrospective"},
    {Phase::kAfter, "closed"},
}};

constexpr std::array<std::pair<TargetKind, std::string_view>, 2> kTargets{{
    {TargetKind::kObjective, "objective"},
    {TargetKind::kKeyResult, "kr"},
}};

constexpr std::array<std::pair<KrKind, std::string_view>, 5> kKrKinds{{
    {KrKind::kIncrease, "increase"},
    {KrKind::kDecrease, "decrease"},
    {KrKind::kStayAbove, "stay-above"},
    {KrKind::kStayBelow, "stay-below"},
    {KrKind::kMilestone, "milestone"},
}};

}  // namespace

std::string_view LevelName(Level level) { return NameOf(kLevels, level); }
std::optional<Level> ParseLevel(std::string_view name) {
  return Lookup(kLevels, name);
}
std::string_view PhaseName(Phase phase) { return NameOf(kPhases, phase); }
std::string_view TargetKindName(TargetKind kind) {
  return NameOf(kTargets, kind);
}
std::optional<TargetKind> ParseTargetKind(std::string_view name) {
  return Lookup(kTargets, name);
}
std::string_view KrKindName(KrKind kind) { return NameOf(kKrKinds, kind); }
std::optional<KrKind> ParseKrKind(std::string_view name) {
  return Lookup(kKrKinds, name);
}

}  // namespace okr
