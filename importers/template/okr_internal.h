// Copyright 2026 The okrd Authors.
//
// Internals of the OKRs sheet mapping shared by okr_rows.cc (rows to
// objectives and key results), okr_values.cc (a row's KR values) and
// okr_keys.cc (keys, links and the output). Not part of okr_importers'
// interface.

#ifndef OKR_IMPORTERS_TEMPLATE_OKR_INTERNAL_H_
#define OKR_IMPORTERS_TEMPLATE_OKR_INTERNAL_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/organisation.h"
#include "importers/template/mapper_internal.h"

namespace okr::mapper_internal {

// How many columns describe an objective (kObjectiveColumns in okr_rows.cc).
inline constexpr size_t kObjectiveColumnCount = 11;

// The texts of an objective's columns as its first row gave them, by
// position in kObjectiveColumns (okr_rows.cc), in one string: a large sheet
// holds tens of thousands of objectives, and most of these texts are short.
class FirstValues {
 public:
  std::string_view Get(size_t i) const;
  void Set(size_t i, std::string_view text);

 private:
  std::string texts_;                            // Concatenated.
  std::array<uint32_t, kObjectiveColumnCount> ends_{};  // Into texts_.
};

// What the mapping keeps about an objective besides the Objective itself
// (OkrDrafts::objectives[i] for objective_drafts[i]) until keys and links
// are final.
struct ObjectiveDraft {
  bool key_from_file = false;  // Else its key is empty until assigned.
  CellAt location;  // Its objective cell on its first row.
  int64_t first_row = 0;
  std::string owner_name;  // An owner name that matched no person.
  std::string parent_text;
  CellAt parent_location;
  std::vector<std::string> support_texts;
  CellAt supports_location;
  // Objective columns as written on the first row that gave them.
  FirstValues first_values;
  uint32_t warned = 0;  // Bit i: kObjectiveColumns[i] reported as differing.
  std::vector<size_t> krs;  // Indices into OkrDrafts::krs, in row order.
};

// Likewise for a key result (OkrDrafts::krs[i] for kr_drafts[i]).
struct KrDraft {
  bool key_from_file = false;  // Else its key is empty until assigned.
  CellAt location;
  std::string owner_name;
  std::optional<double> confidence;
};

// The items apart from what is only needed while mapping, so that the
// output can take the vectors whole instead of moving item by item into
// second copies.
struct OkrDrafts {
  std::vector<Objective> objectives;
  std::vector<ObjectiveDraft> objective_drafts;
  std::vector<KeyResult> krs;
  std::vector<KrDraft> kr_drafts;
};

// Kind, start, target, current, unit, weight and due date of the KR on
// `row`, and its confidence; problems are reported.
void ReadKrValues(const SheetTable& sheet, const SheetRow& row, MapState* state,
                  KeyResult* kr, std::optional<double>* confidence);

// Assigns derived keys, resolves Parent and Supports, and appends the
// objectives and key results (grouped by objective) to the output.
void FinishOkrDrafts(OkrDrafts* drafts, MapState* state);

}  // namespace okr::mapper_internal

#endif  // OKR_IMPORTERS_TEMPLATE_OKR_INTERNAL_H_
