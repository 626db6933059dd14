// Copyright 2026 The okrd Authors.

#include "core/analytics/lint_internal.h"

namespace okr {
namespace {

template <typename T>
const T* Find(const std::unordered_map<std::string_view, const T*>& map,
              const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

}  // namespace

LintContext::LintContext(const Organisation& org, const LintSettings& settings)
    : org_(org), settings_(settings) {
  for (const Unit& u : org.units) units_.emplace(u.key, &u);
  for (const Person& p : org.people) people_.emplace(p.email, &p);
  for (const Cycle& c : org.cycles) cycles_.emplace(c.name, &c);
  for (const Objective& o : org.objectives) objectives_.emplace(o.key, &o);
  krs_.reserve(org.key_results.size());
  krs_of_.reserve(org.objectives.size());
  for (const KeyResult& kr : org.key_results) {
    krs_.emplace(kr.key, &kr);
    krs_of_[kr.objective_key].push_back(&kr);
  }
  for (const CheckIn& c : org.check_ins) {
    if (c.target_kind == TargetKind::kKeyResult) {
      check_ins_of_[c.target_key].push_back(&c);
    }
  }
}

const Unit* LintContext::FindUnit(const std::string& key) const {
  return Find(units_, key);
}
const Person* LintContext::FindPerson(const std::string& email) const {
  return Find(people_, email);
}
const Cycle* LintContext::FindCycle(const std::string& name) const {
  return Find(cycles_, name);
}
const Objective* LintContext::FindObjective(const std::string& key) const {
  return Find(objectives_, key);
}
const KeyResult* LintContext::FindKr(const std::string& key) const {
  return Find(krs_, key);
}

const Objective* LintContext::Target(const LinkTarget& link) const {
  if (link.kind == TargetKind::kObjective) return FindObjective(link.key);
  const KeyResult* kr = FindKr(link.key);
  return kr == nullptr ? nullptr : FindObjective(kr->objective_key);
}

const std::vector<const KeyResult*>& LintContext::KrsOf(
    const std::string& key) const {
  static const std::vector<const KeyResult*> kNone;
  auto it = krs_of_.find(key);
  return it == krs_of_.end() ? kNone : it->second;
}

const std::vector<const CheckIn*>& LintContext::CheckInsOf(
    const std::string& kr) const {
  static const std::vector<const CheckIn*> kNone;
  auto it = check_ins_of_.find(kr);
  return it == check_ins_of_.end() ? kNone : it->second;
}

std::string ObjectiveSubject(const Objective& o) { return "objective:" + o.key; }
std::string KrSubject(const KeyResult& kr) { return "kr:" + kr.key; }

}  // namespace okr
