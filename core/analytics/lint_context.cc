// Copyright 2026 The okrd Authors.

#include <algorithm>
#include <bit>
#include <cassert>
#include <functional>
#include <type_traits>

#include "core/analytics/lint_internal.h"

namespace okr {

template <typename T, std::string T::*kKey>
void KeyIndex<T, kKey>::Reserve(size_t n) {
  assert(slots_.empty());
  // At most two thirds full, so probes stay short.
  slots_.assign(std::bit_ceil(n + n / 2 + 1), nullptr);
}

template <typename T, std::string T::*kKey>
size_t KeyIndex<T, kKey>::Slot(std::string_view key) const {
  const size_t mask = slots_.size() - 1;
  size_t i = std::hash<std::string_view>()(key) & mask;
  while (slots_[i] != nullptr && slots_[i]->*kKey != key) i = (i + 1) & mask;
  return i;
}

template <typename T, std::string T::*kKey>
void KeyIndex<T, kKey>::Add(std::span<const T> items) {
  for (const T& item : items) {
    const T*& slot = slots_[Slot(item.*kKey)];
    if (slot == nullptr) slot = &item;
  }
}

template <typename T, std::string T::*kKey>
const T* KeyIndex<T, kKey>::Find(std::string_view key) const {
  return slots_.empty() ? nullptr : slots_[Slot(key)];
}

template <typename T>
void GroupIndex<T>::Build(std::span<const T> items,
                          const std::vector<int32_t>& owner, size_t groups) {
  begin_.assign(groups + 1, 0);
  for (int32_t g : owner) {
    if (g >= 0) ++begin_[g + 1];
  }
  for (size_t g = 0; g < groups; ++g) begin_[g + 1] += begin_[g];
  items_.resize(begin_[groups]);
  std::vector<uint32_t> next(begin_.begin(), begin_.end() - 1);
  for (size_t i = 0; i < items.size(); ++i) {
    if (owner[i] >= 0) items_[next[owner[i]]++] = &items[i];
  }
}

template <typename T>
std::span<const T* const> GroupIndex<T>::Of(size_t group) const {
  return std::span<const T* const>(items_).subspan(
      begin_[group], begin_[group + 1] - begin_[group]);
}

namespace {

// Index of `item` in `all`, or -1 when it is not one of them.
template <typename T>
int32_t IndexIn(const std::vector<T>& all, const T* item) {
  return item == nullptr ? -1 : static_cast<int32_t>(item - all.data());
}

template <typename Index, typename T>
void IndexBoth(Index* index, const std::vector<T>& own,
               std::type_identity_t<const std::vector<T>*> known = nullptr) {
  index->Reserve(own.size() + (known ? known->size() : 0));
  index->Add(own);
  if (known) index->Add(*known);
}

}  // namespace

LintContext::LintContext(const Organisation& org, const LintSettings& settings,
                         const Organisation* known)
    : org_(org), settings_(settings), known_(known) {
  IndexBoth(&units_, org.units, known ? &known->units : nullptr);
  IndexBoth(&people_, org.people, known ? &known->people : nullptr);
  IndexBoth(&cycles_, org.cycles, known ? &known->cycles : nullptr);
  IndexBoth(&objectives_, org.objectives);
  IndexBoth(&krs_, org.key_results);
  std::vector<int32_t> owner;
  owner.reserve(std::max(org.key_results.size(), org.check_ins.size()));
  for (const KeyResult& kr : org.key_results) {
    owner.push_back(IndexIn(org.objectives, FindObjective(kr.objective_key)));
  }
  krs_of_.Build(org.key_results, owner, org.objectives.size());
  owner.clear();
  for (const CheckIn& c : org.check_ins) {
    owner.push_back(c.target_kind == TargetKind::kKeyResult
                        ? IndexIn(org.key_results, FindKr(c.target_key))
                        : -1);
  }
  check_ins_of_.Build(org.check_ins, owner, org.key_results.size());
}

bool LintContext::HasPeople() const {
  return !org_.people.empty() || (known_ && !known_->people.empty());
}

const Unit* LintContext::FindUnit(std::string_view key) const {
  return units_.Find(key);
}
const Person* LintContext::FindPerson(std::string_view email) const {
  return people_.Find(email);
}
const Cycle* LintContext::FindCycle(std::string_view name) const {
  return cycles_.Find(name);
}
const Objective* LintContext::FindObjective(std::string_view key) const {
  return objectives_.Find(key);
}
const KeyResult* LintContext::FindKr(std::string_view key) const {
  return krs_.Find(key);
}

const Objective* LintContext::Target(const LinkTarget& link) const {
  if (link.kind == TargetKind::kObjective) return FindObjective(link.key);
  const KeyResult* kr = FindKr(link.key);
  return kr == nullptr ? nullptr : FindObjective(kr->objective_key);
}

std::span<const KeyResult* const> LintContext::KrsOf(
    std::string_view key) const {
  const int32_t o = IndexIn(org_.objectives, FindObjective(key));
  return o < 0 ? std::span<const KeyResult* const>() : krs_of_.Of(o);
}

std::span<const CheckIn* const> LintContext::CheckInsOf(
    std::string_view kr) const {
  const int32_t k = IndexIn(org_.key_results, FindKr(kr));
  return k < 0 ? std::span<const CheckIn* const>() : check_ins_of_.Of(k);
}

std::string ObjectiveSubject(const Objective& o) {
  return "objective:" + o.key;
}
std::string KrSubject(const KeyResult& kr) { return "kr:" + kr.key; }

}  // namespace okr
