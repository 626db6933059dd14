// Copyright 2026 The okrd Authors.
//
// The Check-ins sheet: one row per check-in, naming its key result (or
// objective) by ID or title.

#include <map>
#include <set>
#include <utility>

#include "core/model/text.h"
#include "importers/template/mapper_internal.h"
#include "importers/template/value_parsing.h"

namespace okr::mapper_internal {
namespace {

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Keys and unique titles of the objectives or key results of the file.
class Targets {
 public:
  void Add(const std::string& key, const std::string& title) {
    keys_.insert(key);
    const std::string normal = NormaliseTitle(title);
    if (!titles_.emplace(normal, key).second) titles_[normal].clear();
  }
  bool HasKey(const std::string& key) const { return keys_.count(key) > 0; }
  // The key of the one item with this title; "" if none or several.
  std::string ByTitle(const std::string& text) const {
    const auto it = titles_.find(NormaliseTitle(text));
    return it == titles_.end() ? "" : it->second;
  }

 private:
  std::set<std::string> keys_;
  std::map<std::string, std::string> titles_;
};

class CheckInMapper {
 public:
  CheckInMapper(const SheetTable& sheet, MapState* state)
      : sheet_(sheet), state_(*state) {
    for (const KeyResult& kr : state->org().key_results) {
      krs_.Add(kr.key, kr.title);
    }
    for (const Objective& o : state->org().objectives) {
      objectives_.Add(o.key, o.title);
    }
  }

  void Run() {
    sheet_.ForEachRow([this](const SheetRow& row) { MapRow(row); });
  }

 private:
  void MapRow(const SheetRow& row);
  bool SetTarget(const SheetRow& row, CheckIn* check_in);
  std::optional<std::string> Key(const Targets& targets, Column c,
                                 const SheetRow& row, std::string_view what);
  bool ReadValue(const SheetRow& row, CheckIn* check_in);
  bool ReadConfidence(const SheetRow& row, CheckIn* check_in);

  const SheetTable& sheet_;
  MapState& state_;
  Targets krs_;
  Targets objectives_;
};

void CheckInMapper::MapRow(const SheetRow& row) {
  CheckIn check_in;
  check_in.source = "import";
  if (!SetTarget(row, &check_in)) return;
  const Cell& time = sheet_.Get(row, Column::kTime);
  const CellAt time_at = sheet_.At(row.number, Column::kTime);
  if (IsBlankCell(time)) {
    state_.report.Error(time_at.ToString(), "check-in has no time");
    return;
  }
  Result<UnixSeconds> at = ParseTimestampCell(time, state_.options.date_order);
  if (!at.ok()) {
    state_.report.Error(time_at.ToString(), "time " + at.status().message());
    return;
  }
  check_in.at = *at;
  check_in.author_email =
      state_
          .ResolvePerson(sheet_.Text(row, Column::kAuthor), "author",
                         sheet_.At(row.number, Column::kAuthor))
          .email;
  if (!ReadValue(row, &check_in) || !ReadConfidence(row, &check_in)) return;
  check_in.status = sheet_.Text(row, Column::kStatus);
  check_in.learned = sheet_.Text(row, Column::kLearned);
  check_in.next_steps = sheet_.Text(row, Column::kNextSteps);
  check_in.challenges = sheet_.Text(row, Column::kChallenges);
  const std::string source = sheet_.Text(row, Column::kSource);
  if (!source.empty()) check_in.source = source;
  std::vector<CheckIn>& all = state_.org().check_ins;
  state_.Locate(ItemKind::kCheckIn, all.size(), time_at);
  all.push_back(std::move(check_in));
}

bool CheckInMapper::SetTarget(const SheetRow& row, CheckIn* check_in) {
  if (!sheet_.Text(row, Column::kCheckInKr).empty()) {
    const auto key = Key(krs_, Column::kCheckInKr, row, "key result");
    check_in->target_kind = TargetKind::kKeyResult;
    check_in->target_key = key.value_or("");
    return key.has_value();
  }
  if (!sheet_.Text(row, Column::kCheckInObjective).empty()) {
    const auto key =
        Key(objectives_, Column::kCheckInObjective, row, "objective");
    check_in->target_kind = TargetKind::kObjective;
    check_in->target_key = key.value_or("");
    return key.has_value();
  }
  state_.report.Error(sheet_.WhereCell(row.number, Column::kCheckInKr),
                      "check-in names no key result or objective");
  return false;
}

// A key of the file by ID or title; an ID-like text not in the file is kept
// (it may exist already) with a warning; a title not in the file is an
// error.
std::optional<std::string> CheckInMapper::Key(const Targets& targets, Column c,
                                              const SheetRow& row,
                                              std::string_view what) {
  const std::string text = sheet_.Text(row, c);
  const std::string where = sheet_.WhereCell(row.number, c);
  if (targets.HasKey(text)) return text;
  const std::string by_title = targets.ByTitle(text);
  if (!by_title.empty()) return by_title;
  if (text.find(' ') != std::string::npos) {
    state_.report.Error(where, "no " + std::string(what) + " " + Quoted(text) +
                                   " in this file");
    return std::nullopt;
  }
  state_.report.Warning(where, std::string(what) + " " + Quoted(text) +
                                   " is not in this file; it must exist "
                                   "already");
  return text;
}

bool CheckInMapper::ReadValue(const SheetRow& row, CheckIn* check_in) {
  const Cell& cell = sheet_.Get(row, Column::kValue);
  if (IsBlankCell(cell)) return true;
  Result<ParsedNumber> number = ParseNumberCell(cell, sheet_.decimal_comma);
  if (number.ok()) {
    check_in->value = number->value;
    return true;
  }
  if (std::optional<bool> flag = BoolOfCell(cell)) {
    check_in->value = *flag ? 1 : 0;
    return true;
  }
  state_.report.Error(sheet_.WhereCell(row.number, Column::kValue),
                      "value " + number.status().message());
  return false;
}

bool CheckInMapper::ReadConfidence(const SheetRow& row, CheckIn* check_in) {
  const Cell& cell = sheet_.Get(row, Column::kConfidence);
  if (IsBlankCell(cell)) return true;
  Result<double> confidence = ParseConfidenceCell(cell, sheet_.decimal_comma);
  if (confidence.ok()) {
    check_in->confidence = *confidence;
    return true;
  }
  state_.report.Error(sheet_.WhereCell(row.number, Column::kConfidence),
                      "confidence " + confidence.status().message());
  return false;
}

}  // namespace

void MapCheckInSheet(const SheetTable& sheet, MapState* state) {
  CheckInMapper(sheet, state).Run();
}

}  // namespace okr::mapper_internal
