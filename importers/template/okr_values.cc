// Copyright 2026 The okrd Authors.
//
// The values of one key-result row: kind, start, target, current, unit of
// measure, weight, due date and confidence.

#include <utility>

#include "core/model/text.h"
#include "importers/template/okr_internal.h"
#include "importers/template/value_parsing.h"

namespace okr::mapper_internal {
namespace {

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// A start, target or current cell as read.
struct Value {
  Column column = Column::kStart;
  bool present = false;
  std::optional<double> number;
  std::optional<bool> flag;  // A yes/no word or a bool cell.
  bool bool_cell = false;
  bool reported = false;  // Not a number, and already said so.
  std::string unit;
  std::string text;

  // A yes/no value rather than a number (bool cells count as both).
  bool is_flag() const { return flag && (!number || bool_cell); }
  double Or(double fallback) const {
    if (number) return *number;
    if (flag) return *flag ? 1 : 0;
    return fallback;
  }
};

Value ReadValue(const SheetTable& sheet, const SheetRow& row, Column c,
                MapState* state) {
  Value v;
  v.column = c;
  const Cell& cell = sheet.Get(row, c);
  if (IsBlankCell(cell)) return v;
  v.present = true;
  v.text = CellDisplayText(cell);
  v.flag = BoolOfCell(cell);
  v.bool_cell = cell.type == CellType::kBool;
  Result<ParsedNumber> number = ParseNumberCell(cell, sheet.decimal_comma);
  if (number.ok()) {
    v.number = number->value;
    v.unit = std::move(number->unit);
  } else if (!v.flag) {
    state->report.Error(
        sheet.WhereCell(row.number, c),
        std::string(sheet.Noun(c)) + " " + number.status().message());
    v.reported = true;
  }
  return v;
}

KrKind ChooseKind(const SheetTable& sheet, const SheetRow& row,
                  const Value& start, const Value& target, const Value& current,
                  MapState* state) {
  const std::string text = sheet.Text(row, Column::kKind);
  if (!text.empty()) {
    if (std::optional<KrKind> kind = ParseKindText(text)) return *kind;
    state->report.Error(sheet.WhereCell(row.number, Column::kKind),
                        "kind " + Quoted(text) +
                            " is not increase, decrease, stay above, stay "
                            "below or milestone");
  }
  if (target.is_flag()) return KrKind::kMilestone;
  if (!start.present && !target.present && current.is_flag()) {
    return KrKind::kMilestone;
  }
  if (target.number && start.number && *target.number < *start.number) {
    return KrKind::kDecrease;
  }
  return KrKind::kIncrease;
}

// Numbers for a KR that is not a milestone: yes/no words are errors.
void NumericValues(const SheetTable& sheet, const SheetRow& row,
                   const Value& start, const Value& target,
                   const Value& current, MapState* state, KeyResult* kr) {
  for (const Value* v : {&start, &target, &current}) {
    if (v->present && !v->number && !v->reported) {
      state->report.Error(sheet.WhereCell(row.number, v->column),
                          std::string(sheet.Noun(v->column)) + " " +
                              Quoted(v->text) + " is not a number");
    }
  }
  if (!target.present && sheet.Has(Column::kTarget)) {
    state->report.Error(sheet.WhereCell(row.number, Column::kTarget),
                        "key result " + Quoted(kr->title) + " has no target");
  }
  kr->start = start.number.value_or(0);
  kr->target = target.number.value_or(0);
  kr->current = current.number.value_or(kr->start);
}

// The unit of measure: the column, else the unit written with the values;
// disagreements are warnings.
std::string MeasureUnit(const SheetTable& sheet, const SheetRow& row,
                        const std::vector<const Value*>& values,
                        MapState* state) {
  std::string unit = sheet.Text(row, Column::kMeasureUnit);
  const bool from_column = !unit.empty();
  std::string unit_source;
  for (const Value* v : values) {
    if (v->unit.empty()) continue;
    if (unit.empty()) {
      unit = v->unit;
      unit_source = std::string(sheet.Noun(v->column));
    } else if (!EqualsIgnoreCase(unit, v->unit)) {
      state->report.Warning(
          sheet.WhereCell(row.number, v->column),
          std::string(sheet.Noun(v->column)) + " " + Quoted(v->text) +
              " is in " + Quoted(v->unit) + " but " +
              (from_column ? "the unit of measure" : unit_source) + " is " +
              Quoted(unit));
    }
  }
  return unit;
}

double Weight(const SheetTable& sheet, const SheetRow& row, MapState* state) {
  const Cell& cell = sheet.Get(row, Column::kWeight);
  if (IsBlankCell(cell)) return 1;
  const std::string where = sheet.WhereCell(row.number, Column::kWeight);
  Result<ParsedNumber> number = ParseNumberCell(cell, sheet.decimal_comma);
  if (!number.ok() || (!number->unit.empty() && number->unit != "%")) {
    state->report.Error(
        where, "weight " + Quoted(CellDisplayText(cell)) + " is not a number");
    return 1;
  }
  if (number->value < 0) {
    state->report.Error(where, "weight " + Quoted(CellDisplayText(cell)) +
                                   " must not be negative");
    return 1;
  }
  return number->value;
}

std::optional<Date> DueDate(const SheetTable& sheet, const SheetRow& row,
                            MapState* state) {
  const Cell& cell = sheet.Get(row, Column::kDue);
  if (IsBlankCell(cell)) return std::nullopt;
  Result<Date> date = ParseDateCell(cell, state->options.date_order);
  if (date.ok()) return *date;
  state->report.Error(sheet.WhereCell(row.number, Column::kDue),
                      "due date " + date.status().message());
  return std::nullopt;
}

std::optional<double> Confidence(const SheetTable& sheet, const SheetRow& row,
                                 MapState* state) {
  const Cell& cell = sheet.Get(row, Column::kConfidence);
  if (IsBlankCell(cell)) return std::nullopt;
  Result<double> confidence = ParseConfidenceCell(cell, sheet.decimal_comma);
  if (confidence.ok()) return *confidence;
  state->report.Error(sheet.WhereCell(row.number, Column::kConfidence),
                      "confidence " + confidence.status().message());
  return std::nullopt;
}

}  // namespace

void ReadKrValues(const SheetTable& sheet, const SheetRow& row, MapState* state,
                  KeyResult* kr, std::optional<double>* confidence) {
  const Value start = ReadValue(sheet, row, Column::kStart, state);
  const Value target = ReadValue(sheet, row, Column::kTarget, state);
  const Value current = ReadValue(sheet, row, Column::kCurrent, state);
  kr->kind = ChooseKind(sheet, row, start, target, current, state);
  if (kr->kind == KrKind::kMilestone) {
    kr->start = start.Or(0);
    kr->target = target.Or(1);
    kr->current = current.Or(kr->start);
  } else {
    NumericValues(sheet, row, start, target, current, state, kr);
  }
  kr->unit = MeasureUnit(sheet, row, {&target, &start, &current}, state);
  kr->weight = Weight(sheet, row, state);
  kr->due = DueDate(sheet, row, state);
  *confidence = Confidence(sheet, row, state);
}

}  // namespace okr::mapper_internal
