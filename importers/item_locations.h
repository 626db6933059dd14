// Copyright 2026 The okrd Authors.
//
// ItemLocations: where each item of an imported file was defined, kept
// compactly. A large spreadsheet defines hundreds of thousands of items;
// holding "plan.xlsx:OKRs!D7" as text for each (keyed by "kr:KEY") cost
// more than the items. Here an item's location is one 16-byte record in a
// vector aligned with the file's Organisation (record i of kObjective is
// org.objectives[i]), pointing at one of a few places (a sheet of a file, or
// a CSV file); the text is formatted only when asked for, exactly as
// Location formats it.
//
// Items without a record (added after mapping, or by an importer that has
// no cells) have no location. Threads: thread-compatible value type.

#ifndef OKR_IMPORTERS_ITEM_LOCATIONS_H_
#define OKR_IMPORTERS_ITEM_LOCATIONS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/organisation.h"

namespace okr {

enum class ItemKind {
  kUnit,
  kPerson,
  kCycle,
  kObjective,
  kKeyResult,
  kCheckIn
};
inline constexpr int kItemKindCount = 6;

class ItemLocations {
 public:
  // A sheet of a file ("plan.xlsx", "OKRs"), or a CSV file (`text`: cells
  // are written line:column, sheet unused). Returns its id for Set.
  uint32_t AddPlace(std::string file, std::string sheet, bool text);

  // Item `index` of `kind` (its position in the organisation's vector) is
  // at 1-based `row`, 0-based `col0` of place `place` (from AddPlace).
  void Set(ItemKind kind, size_t index, uint32_t place, int64_t row, int col0);

  // "plan.xlsx:OKRs!D7" or "plan.csv:12:4"; nullopt when item `index` of
  // `kind` has no location.
  std::optional<std::string> Find(ItemKind kind, size_t index) const;

  // Appends `other`, the locations of a second file whose items are
  // appended to `before` (the first file's organisation, before it grows),
  // so that records stay aligned with the merged vectors.
  void Append(ItemLocations other, const Organisation& before);

  // The number of item records kept (a test's view of the memory).
  size_t size() const;

 private:
  struct Place {
    std::string file;
    std::string sheet;
    bool text = false;
  };
  struct Record {
    int64_t row = 0;
    uint32_t place = kNone;
    int32_t col0 = 0;
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  std::vector<Place> places_;
  std::array<std::vector<Record>, kItemKindCount> records_;
};

// Finds an item's location by a lint subject ("objective:KEY", "kr:KEY",
// "unit:KEY", "person:EMAIL", "cycle:NAME", "checkin:N"), indexing the keys
// of `org` once. `org` and `locations` must outlive it and stay unchanged.
class SubjectLocator {
 public:
  SubjectLocator(const Organisation& org, const ItemLocations& locations);

  // nullopt when the subject names no item of the file, or one without a
  // location.
  std::optional<std::string> Find(std::string_view subject) const;

 private:
  const ItemLocations& locations_;
  // Per kind (but check-ins, found by number): key -> index.
  std::array<std::unordered_map<std::string_view, size_t>, kItemKindCount>
      index_;
};

}  // namespace okr

#endif  // OKR_IMPORTERS_ITEM_LOCATIONS_H_
