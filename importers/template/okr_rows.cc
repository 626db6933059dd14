// Copyright 2026 The okrd Authors.
//
// The OKRs sheets: rows to objective and key result drafts, following the
// layouts described in workbook_mapper.h (objective repeated on every row,
// given once and filled down, or on its own row).

#include <array>
#include <cassert>
#include <unordered_map>
#include <utility>

#include "core/model/progress.h"
#include "core/model/text.h"
#include "importers/template/links.h"
#include "importers/template/okr_internal.h"
#include "importers/template/value_parsing.h"

namespace okr::mapper_internal {
namespace {

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// The objective columns, compared across the rows of one objective.
constexpr std::array<Column, kObjectiveColumnCount> kObjectiveColumns = {
    Column::kCycle,      Column::kObjective,  Column::kDescription,
    Column::kLevel,      Column::kUnit,       Column::kObjectiveOwner,
    Column::kCommitment, Column::kParent,     Column::kSupports,
    Column::kScore,      Column::kScoreReason};

// Position of `c` in kObjectiveColumns (ObjectiveDraft::first_values).
size_t ObjectiveColumnIndex(Column c) {
  for (size_t i = 0; i < kObjectiveColumns.size(); ++i) {
    if (kObjectiveColumns[i] == c) return i;
  }
  assert(false && "not an objective column");
  return 0;
}

// Fields a later row may fill in when the objective's first row left them
// blank; the others (identity, level) come from the first row only.
bool IsLateField(Column c) {
  return c != Column::kCycle && c != Column::kObjective &&
         c != Column::kLevel && c != Column::kUnit;
}

// The identifying texts of a row.
struct RowIds {
  std::string objective_title;
  std::string objective_id;
  std::string kr_title;
  std::string kr_id;
  bool names_objective() const {
    return !objective_title.empty() || !objective_id.empty();
  }
  bool has_kr() const { return !kr_title.empty() || !kr_id.empty(); }
};

RowIds ReadIds(const SheetTable& sheet, const SheetRow& row) {
  RowIds ids{sheet.Text(row, Column::kObjective),
             sheet.Text(row, Column::kObjectiveId),
             sheet.Text(row, Column::kKeyResult),
             sheet.Text(row, Column::kKrId)};
  const std::string generic = sheet.Text(row, Column::kRowId);
  if (generic.empty()) return ids;
  if (!ids.kr_title.empty()) {
    if (ids.kr_id.empty()) ids.kr_id = generic;
  } else if (ids.objective_id.empty()) {
    ids.objective_id = generic;
  }
  return ids;
}

// Lookups shared by all OKRs sheets of the file.
struct OkrIndex {
  std::unordered_map<std::string, size_t> objective_by_id;
  std::unordered_map<std::string, size_t> objective_by_group;
  std::unordered_map<std::string, size_t> kr_by_id;
};

class OkrSheetMapper {
 public:
  OkrSheetMapper(const SheetTable& sheet, bool sheet_name_is_unit,
                 OkrDrafts* drafts, OkrIndex* index, MapState* state)
      : sheet_(sheet),
        name_is_unit_(sheet_name_is_unit && !sheet.Has(Column::kUnit)),
        owner_per_row_(!sheet.Has(Column::kKrOwner)),
        drafts_(*drafts),
        index_(*index),
        state_(*state) {}

  // Maps `rows` (the sheet's) in order, freeing each row's cells once
  // mapped, so a large sheet's raw cells and its drafts are not both held
  // whole at the same time.
  void Run(std::vector<PackedRow>* rows) {
    SheetRow row;
    for (PackedRow& packed : *rows) {
      UnpackRow(packed, sheet_.header->columns.size(), &row);
      std::string().swap(packed.bytes);
      MapRow(row);
    }
    std::vector<PackedRow>().swap(*rows);
  }

 private:
  void MapRow(const SheetRow& row);
  size_t ObjectiveFor(const SheetRow& row, const RowIds& ids);
  size_t StartObjective(const SheetRow& row, const RowIds& ids,
                        const std::string& cycle, const std::string& unit);
  Level ObjectiveLevel(const SheetRow& row, const std::string& unit,
                       const MapState::PersonMatch& owner);
  void ApplyField(size_t objective, Column c, const SheetRow& row);
  void SetCommitment(const std::string& text, const CellAt& where,
                     Objective* o);
  void SetScore(const Cell& cell, const CellAt& where, Objective* o);
  void CompareFields(size_t objective, const SheetRow& row);
  void AddKr(size_t objective, const SheetRow& row, const RowIds& ids);
  bool IsRepeatedKrId(const SheetRow& row, const std::string& id);
  void SetKrOwner(const SheetRow& row, KeyResult* kr, KrDraft* draft);
  void WarnRepeatedTitle(const ObjectiveDraft& parent, const KeyResult& kr,
                         const KrDraft& draft);
  std::string RowCycle(const SheetRow& row);
  std::string DefaultCycle(const SheetRow& row);
  std::string RowUnit(const SheetRow& row);
  const MapState::PersonMatch& RowOwner(const SheetRow& row);
  std::string GroupKey(const std::string& cycle, const std::string& unit,
                       const SheetRow& row, const std::string& title);

  const SheetTable& sheet_;
  const bool name_is_unit_;
  const bool owner_per_row_;
  OkrDrafts& drafts_;
  OkrIndex& index_;
  MapState& state_;
  std::optional<size_t> current_;
  std::string last_cycle_text_;
  std::string last_unit_text_;
  std::optional<MapState::PersonMatch> row_owner_;
  bool reported_cycle_ = false;
  // The inputs and result of the last GroupKey call.
  struct LastGroup {
    std::string cycle, unit, owner, title, key;
  };
  std::optional<LastGroup> last_group_;
};

void OkrSheetMapper::MapRow(const SheetRow& row) {
  const RowIds ids = ReadIds(sheet_, row);
  row_owner_.reset();
  if (ids.names_objective()) {
    current_ = ObjectiveFor(row, ids);
  } else if (ids.has_kr() && current_) {
    CompareFields(*current_, row);
  }
  if (ids.has_kr()) {
    if (current_) {
      AddKr(*current_, row, ids);
    } else {
      state_.report.Error(sheet_.WhereCell(row.number, Column::kKeyResult),
                          "key result " + Quoted(ids.kr_title) +
                              " has no objective: its objective cell is "
                              "blank and no objective is above it");
    }
  } else if (!ids.names_objective()) {
    state_.report.Warning(sheet_.WhereCell(row.number, Column::kObjective),
                          "row has neither an objective nor a key result; "
                          "ignored");
  }
  const std::string cycle = sheet_.Text(row, Column::kCycle);
  if (!cycle.empty()) last_cycle_text_ = cycle;
  const std::string unit = sheet_.Text(row, Column::kUnit);
  if (!unit.empty()) last_unit_text_ = unit;
}

size_t OkrSheetMapper::ObjectiveFor(const SheetRow& row, const RowIds& ids) {
  const std::string cycle = RowCycle(row);
  const std::string unit = RowUnit(row);
  const std::string group = GroupKey(cycle, unit, row, ids.objective_title);
  std::optional<size_t> found;
  if (!ids.objective_id.empty()) {
    const auto it = index_.objective_by_id.find(ids.objective_id);
    if (it != index_.objective_by_id.end()) found = it->second;
  } else {
    const auto it = index_.objective_by_group.find(group);
    if (it != index_.objective_by_group.end()) found = it->second;
  }
  if (found) {
    CompareFields(*found, row);
    return *found;
  }
  const size_t index = StartObjective(row, ids, cycle, unit);
  if (!ids.objective_id.empty())
    index_.objective_by_id[ids.objective_id] = index;
  if (!ids.objective_title.empty()) {
    index_.objective_by_group.emplace(group, index);
  }
  return index;
}

size_t OkrSheetMapper::StartObjective(const SheetRow& row, const RowIds& ids,
                                      const std::string& cycle,
                                      const std::string& unit) {
  const size_t index = drafts_.objectives.size();
  Objective& o = drafts_.objectives.emplace_back();
  ObjectiveDraft& draft = drafts_.objective_drafts.emplace_back();
  draft.location = sheet_.At(row.number, Column::kObjective);
  draft.first_row = row.number;
  o.key = ids.objective_id;
  draft.key_from_file = !o.key.empty();
  o.title = ids.objective_title;
  if (o.title.empty()) {
    state_.report.Error(draft.location.ToString(),
                        "objective " + Quoted(o.key) + " has no title");
  }
  o.cycle = cycle;
  o.unit_key = unit;
  const MapState::PersonMatch& owner = RowOwner(row);
  o.owner_email = owner.email;
  draft.owner_name = owner.name_not_found;
  o.level = ObjectiveLevel(row, unit, owner);
  if (o.level == Level::kCompany && o.unit_key.empty()) {
    o.unit_key = state_.TopUnitKey();
  }
  for (size_t i = 0; i < kObjectiveColumns.size(); ++i) {
    const Column c = kObjectiveColumns[i];
    draft.first_values.Set(i, sheet_.Text(row, c));
    if (IsLateField(c) && c != Column::kObjectiveOwner) {
      ApplyField(index, c, row);
    }
  }
  return index;
}

Level OkrSheetMapper::ObjectiveLevel(const SheetRow& row,
                                     const std::string& unit,
                                     const MapState::PersonMatch& owner) {
  const std::string text = sheet_.Text(row, Column::kLevel);
  if (!text.empty()) {
    if (std::optional<Level> level = ParseLevelText(text)) return *level;
    state_.report.Error(sheet_.WhereCell(row.number, Column::kLevel),
                        "level " + Quoted(text) +
                            " is not company, department, team or "
                            "individual");
  }
  if (!unit.empty()) {
    const Unit* known = state_.UnitByKey(unit);
    return known ? known->level : Level::kTeam;
  }
  const bool has_owner = !owner.email.empty() || !owner.name_not_found.empty();
  return has_owner ? Level::kIndividual : Level::kCompany;
}

void OkrSheetMapper::ApplyField(size_t objective, Column c,
                                const SheetRow& row) {
  ObjectiveDraft* draft = &drafts_.objective_drafts[objective];
  Objective& o = drafts_.objectives[objective];
  const std::string text = sheet_.Text(row, c);
  const CellAt where = sheet_.At(row.number, c);
  draft->first_values.Set(ObjectiveColumnIndex(c), text);
  if (text.empty()) return;
  switch (c) {
    case Column::kDescription:
      o.description = text;
      break;
    case Column::kObjectiveOwner: {
      const MapState::PersonMatch& owner = RowOwner(row);
      o.owner_email = owner.email;
      draft->owner_name = owner.name_not_found;
      break;
    }
    case Column::kCommitment:
      SetCommitment(text, where, &o);
      break;
    case Column::kParent:
      draft->parent_text = text;
      draft->parent_location = where;
      break;
    case Column::kSupports:
      draft->support_texts = SplitLinkList(text);
      draft->supports_location = where;
      break;
    case Column::kScore:
      SetScore(sheet_.Get(row, c), where, &o);
      break;
    case Column::kScoreReason:
      o.score_reason = text;
      break;
    default:
      break;
  }
}

void OkrSheetMapper::SetCommitment(const std::string& text,
                                   const CellAt& where, Objective* o) {
  if (std::optional<bool> committed = ParseCommitmentText(text)) {
    o->committed = *committed;
    return;
  }
  state_.report.Error(where.ToString(), "commitment " + Quoted(text) +
                                 " is not committed or aspirational");
}

void OkrSheetMapper::SetScore(const Cell& cell, const CellAt& where,
                              Objective* o) {
  Result<double> score = ParseScoreCell(cell, sheet_.decimal_comma);
  if (score.ok()) {
    o->score_override = *score;
  } else {
    state_.report.Error(where.ToString(), "score " + score.status().message());
  }
}

void OkrSheetMapper::CompareFields(size_t objective, const SheetRow& row) {
  ObjectiveDraft* draft = &drafts_.objective_drafts[objective];
  for (size_t i = 0; i < kObjectiveColumns.size(); ++i) {
    const Column c = kObjectiveColumns[i];
    if (c == Column::kObjectiveOwner && owner_per_row_) continue;
    const std::string text = sheet_.Text(row, c);
    if (text.empty()) continue;
    const std::string_view first = draft->first_values.Get(i);
    if (first.empty()) {
      if (IsLateField(c)) ApplyField(objective, c, row);
      continue;
    }
    // Equal texts normalise alike: only differing titles are normalised.
    const bool same = first == text ||
                      (c == Column::kObjective &&
                       NormaliseTitle(first) == NormaliseTitle(text));
    const uint32_t bit = uint32_t{1} << i;
    if (same || (draft->warned & bit) != 0) continue;
    draft->warned |= bit;
    state_.report.Warning(sheet_.WhereCell(row.number, c),
                          std::string(sheet_.Noun(c)) + " " + Quoted(text) +
                              " differs from " + Quoted(first) +
                              " given for this objective at " +
                              draft->location.ToString() + "; that one is kept");
  }
}

void OkrSheetMapper::AddKr(size_t objective, const SheetRow& row,
                           const RowIds& ids) {
  KrDraft draft;
  KeyResult kr;
  draft.location = sheet_.At(row.number, Column::kKeyResult);
  if (ids.kr_title.empty()) {
    state_.report.Error(draft.location.ToString(),
                        "key result " + Quoted(ids.kr_id) + " has no title");
    return;
  }
  if (IsRepeatedKrId(row, ids.kr_id)) return;
  kr.key = ids.kr_id;
  draft.key_from_file = !ids.kr_id.empty();
  kr.title = ids.kr_title;
  SetKrOwner(row, &kr, &draft);
  ReadKrValues(sheet_, row, &state_, &kr, &draft.confidence);
  ObjectiveDraft& parent = drafts_.objective_drafts[objective];
  WarnRepeatedTitle(parent, kr, draft);
  const size_t index = drafts_.krs.size();
  if (draft.key_from_file) index_.kr_by_id[kr.key] = index;
  parent.krs.push_back(index);
  drafts_.krs.push_back(std::move(kr));
  drafts_.kr_drafts.push_back(std::move(draft));
}

bool OkrSheetMapper::IsRepeatedKrId(const SheetRow& row,
                                    const std::string& id) {
  if (id.empty()) return false;
  const auto seen = index_.kr_by_id.find(id);
  if (seen == index_.kr_by_id.end()) return false;
  state_.report.Error(sheet_.WhereCell(row.number, Column::kKrId),
                      "KR ID " + Quoted(id) + " is used twice (first at " +
                          drafts_.kr_drafts[seen->second].location.ToString() +
                          ")");
  return true;
}

void OkrSheetMapper::SetKrOwner(const SheetRow& row, KeyResult* kr,
                                KrDraft* draft) {
  MapState::PersonMatch owner;
  if (sheet_.Has(Column::kKrOwner)) {
    owner =
        state_.ResolvePerson(sheet_.Text(row, Column::kKrOwner), "KR owner",
                             sheet_.At(row.number, Column::kKrOwner));
  } else if (owner_per_row_) {
    owner = RowOwner(row);
  }
  kr->owner_email = owner.email;
  draft->owner_name = owner.name_not_found;
}

// Two KRs of one objective with the same title (and no IDs) are probably a
// copied row.
void OkrSheetMapper::WarnRepeatedTitle(const ObjectiveDraft& parent,
                                       const KeyResult& kr,
                                       const KrDraft& draft) {
  if (draft.key_from_file || parent.krs.empty()) return;
  const std::string title = NormaliseTitle(kr.title);
  for (size_t other : parent.krs) {
    const KrDraft& sibling = drafts_.kr_drafts[other];
    if (sibling.key_from_file ||
        NormaliseTitle(drafts_.krs[other].title) != title) {
      continue;
    }
    state_.report.Warning(draft.location.ToString(),
                          "key result " + Quoted(kr.title) +
                              " appears twice in its objective (first at " +
                              sibling.location.ToString() + ")");
    return;
  }
}

std::string OkrSheetMapper::RowCycle(const SheetRow& row) {
  std::string text = sheet_.Text(row, Column::kCycle);
  if (text.empty()) text = last_cycle_text_;
  if (text.empty()) return DefaultCycle(row);
  return state_.ResolveCycle(text, sheet_.At(row.number, Column::kCycle));
}

std::string OkrSheetMapper::DefaultCycle(const SheetRow& row) {
  const CellAt where = sheet_.At(row.number, Column::kCycle);
  const MapOptions& options = state_.options;
  if (!options.default_cycle.empty()) {
    return state_.ResolveCycle(options.default_cycle, where);
  }
  const std::vector<Cycle>& cycles = state_.org().cycles;
  if (cycles.size() == 1) return cycles.front().name;
  const Cycle* now = CurrentCycle(cycles, options.today);
  if (!reported_cycle_) {
    reported_cycle_ = true;
    if (now) {
      state_.report.Warning(where.ToString(),
                            "no cycle given; objectives without one "
                            "go to the current cycle " +
                                Quoted(now->name));
    } else {
      state_.report.Error(where.ToString(),
                          "no cycle given: add a Cycle column or a "
                          "Cycles sheet, or give a default cycle");
    }
  }
  return now ? now->name : "";
}

std::string OkrSheetMapper::RowUnit(const SheetRow& row) {
  std::string text = sheet_.Text(row, Column::kUnit);
  Level level = Level::kTeam;
  if (text.empty() && sheet_.Has(Column::kUnit) &&
      !sheet_.Has(Column::kLevel)) {
    text = last_unit_text_;
  } else if (text.empty() && name_is_unit_) {
    text = sheet_.info.name;
    level = Level::kDepartment;
  }
  if (text.empty()) return "";
  return state_.ResolveUnit(text, sheet_.At(row.number, Column::kUnit), level);
}

const MapState::PersonMatch& OkrSheetMapper::RowOwner(const SheetRow& row) {
  if (!row_owner_) {
    row_owner_ = state_.ResolvePerson(
        sheet_.Text(row, Column::kObjectiveOwner),
        owner_per_row_ ? "owner" : "objective owner",
        sheet_.At(row.number, Column::kObjectiveOwner));
  }
  return *row_owner_;
}

// Objectives without an ID are the same when cycle, unit (or, without a
// unit, the owner as written) and normalised title are.
// Rows repeating the objective of the row above (the usual layout) reuse
// its key instead of normalising the same texts again.
std::string OkrSheetMapper::GroupKey(const std::string& cycle,
                                     const std::string& unit,
                                     const SheetRow& row,
                                     const std::string& title) {
  const bool by_owner = unit.empty() && !owner_per_row_;
  std::string owner =
      by_owner ? sheet_.Text(row, Column::kObjectiveOwner) : std::string();
  if (last_group_ && last_group_->cycle == cycle &&
      last_group_->unit == unit && last_group_->owner == owner &&
      last_group_->title == title) {
    return last_group_->key;
  }
  std::string key = cycle + '\x1f' + unit + '\x1f';
  if (by_owner) key += NormaliseTitle(owner);
  key += '\x1f' + NormaliseTitle(title);
  last_group_ = LastGroup{cycle, unit, std::move(owner), title, key};
  return key;
}

}  // namespace

std::string_view FirstValues::Get(size_t i) const {
  const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(texts_).substr(begin, ends_[i] - begin);
}

void FirstValues::Set(size_t i, std::string_view text) {
  const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
  const uint32_t old = ends_[i] - begin;
  texts_.replace(begin, old, text);
  for (size_t j = i; j < ends_.size(); ++j) {
    ends_[j] = ends_[j] - old + static_cast<uint32_t>(text.size());
  }
}

void MapOkrSheets(const std::vector<SheetTable*>& sheets,
                  bool sheet_name_is_unit, MapState* state) {
  OkrDrafts drafts;
  OkrIndex index;
  for (SheetTable* sheet : sheets) {
    OkrSheetMapper(*sheet, sheet_name_is_unit, &drafts, &index, state)
        .Run(&sheet->rows);
  }
  FinishOkrDrafts(&drafts, state);
}

}  // namespace okr::mapper_internal
