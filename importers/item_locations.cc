// Copyright 2026 The okrd Authors.

#include "importers/item_locations.h"

#include <cassert>
#include <charconv>
#include <utility>

#include "importers/table.h"

namespace okr {
namespace {

size_t KindIndex(ItemKind kind) { return static_cast<size_t>(kind); }

// The number of items of `kind` in `org`.
size_t CountOf(const Organisation& org, ItemKind kind) {
  switch (kind) {
    case ItemKind::kUnit:
      return org.units.size();
    case ItemKind::kPerson:
      return org.people.size();
    case ItemKind::kCycle:
      return org.cycles.size();
    case ItemKind::kObjective:
      return org.objectives.size();
    case ItemKind::kKeyResult:
      return org.key_results.size();
    case ItemKind::kCheckIn:
      return org.check_ins.size();
  }
  return 0;
}

// Calls add(key, index) for each keyed item of `kind` in `org`.
template <typename Add>
void ForEachKey(const Organisation& org, ItemKind kind, Add add) {
  auto each = [&add](const auto& items, auto key) {
    for (size_t i = 0; i < items.size(); ++i) add(key(items[i]), i);
  };
  switch (kind) {
    case ItemKind::kUnit:
      return each(org.units,
                  [](const Unit& u) -> std::string_view { return u.key; });
    case ItemKind::kPerson:
      return each(org.people,
                  [](const Person& p) -> std::string_view { return p.email; });
    case ItemKind::kCycle:
      return each(org.cycles,
                  [](const Cycle& c) -> std::string_view { return c.name; });
    case ItemKind::kObjective:
      return each(org.objectives,
                  [](const Objective& o) -> std::string_view { return o.key; });
    case ItemKind::kKeyResult:
      return each(org.key_results,
                  [](const KeyResult& k) -> std::string_view { return k.key; });
    case ItemKind::kCheckIn:
      return;  // Found by number.
  }
}

struct Prefix {
  std::string_view text;
  ItemKind kind;
};
constexpr Prefix kPrefixes[] = {
    {"unit:", ItemKind::kUnit},    {"person:", ItemKind::kPerson},
    {"cycle:", ItemKind::kCycle},  {"objective:", ItemKind::kObjective},
    {"kr:", ItemKind::kKeyResult}, {"checkin:", ItemKind::kCheckIn}};

}  // namespace

uint32_t ItemLocations::AddPlace(std::string file, std::string sheet,
                                 bool text) {
  places_.push_back({std::move(file), std::move(sheet), text});
  return static_cast<uint32_t>(places_.size() - 1);
}

void ItemLocations::Set(ItemKind kind, size_t index, uint32_t place,
                        int64_t row, int col0) {
  assert(place < places_.size());
  std::vector<Record>& records = records_[KindIndex(kind)];
  if (records.size() <= index) records.resize(index + 1);
  records[index] = {row, place, col0};
}

std::optional<std::string> ItemLocations::Find(ItemKind kind,
                                               size_t index) const {
  const std::vector<Record>& records = records_[KindIndex(kind)];
  if (index >= records.size() || records[index].place == kNone) {
    return std::nullopt;
  }
  const Record& r = records[index];
  const Place& p = places_[r.place];
  if (p.text) return Location::InText(p.file, r.row, r.col0 + 1).ToString();
  return Location::InSheet(p.file, p.sheet, r.row, r.col0).ToString();
}

void ItemLocations::Append(ItemLocations other, const Organisation& before) {
  const auto offset = static_cast<uint32_t>(places_.size());
  for (Place& p : other.places_) places_.push_back(std::move(p));
  for (int k = 0; k < kItemKindCount; ++k) {
    std::vector<Record>& mine = records_[static_cast<size_t>(k)];
    const std::vector<Record>& theirs = other.records_[static_cast<size_t>(k)];
    if (theirs.empty()) continue;
    mine.resize(CountOf(before, static_cast<ItemKind>(k)));
    mine.reserve(mine.size() + theirs.size());
    for (Record r : theirs) {
      if (r.place != kNone) r.place += offset;
      mine.push_back(r);
    }
  }
}

size_t ItemLocations::size() const {
  size_t n = 0;
  for (const std::vector<Record>& records : records_) n += records.size();
  return n;
}

SubjectLocator::SubjectLocator(const Organisation& org,
                               const ItemLocations& locations)
    : locations_(locations) {
  for (int k = 0; k < kItemKindCount; ++k) {
    const auto kind = static_cast<ItemKind>(k);
    auto& index = index_[static_cast<size_t>(k)];
    index.reserve(CountOf(org, kind));
    // The first item with a key wins, as the planner's merge does.
    ForEachKey(org, kind, [&index](std::string_view key, size_t i) {
      index.emplace(key, i);
    });
  }
}

std::optional<std::string> SubjectLocator::Find(
    std::string_view subject) const {
  for (const Prefix& p : kPrefixes) {
    if (subject.substr(0, p.text.size()) != p.text) continue;
    const std::string_view key = subject.substr(p.text.size());
    if (p.kind == ItemKind::kCheckIn) {
      size_t n = 0;
      const auto [end, ec] =
          std::from_chars(key.data(), key.data() + key.size(), n);
      if (ec != std::errc() || end != key.data() + key.size())
        return std::nullopt;
      return locations_.Find(p.kind, n);
    }
    const auto& index = index_[KindIndex(p.kind)];
    const auto it = index.find(key);
    if (it == index.end()) return std::nullopt;
    return locations_.Find(p.kind, it->second);
  }
  return std::nullopt;
}

}  // namespace okr
