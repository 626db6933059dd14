// Copyright 2026 The okrd Authors.

#include "importers/zip/sheet_details.h"

#include <algorithm>

namespace okr {

SheetDetailsSink::~SheetDetailsSink() = default;

std::string_view SheetTypeName(SheetType type) {
  switch (type) {
    case SheetType::kWorksheet:
      return "worksheet";
    case SheetType::kChartsheet:
      return "chartsheet";
    case SheetType::kDialogsheet:
      return "dialogsheet";
    case SheetType::kMacrosheet:
      return "macrosheet";
  }
  return "unknown";
}

std::string RangeRef(const CellRange& range) {
  return CellRef(range.first.row, range.first.col0) + ":" +
         CellRef(range.last.row, range.last.col0);
}

std::optional<CellRange> ParseRangeRef(std::string_view ref) {
  const size_t colon = ref.find(':');
  const std::optional<CellPosition> a = ParseCellRef(ref.substr(0, colon));
  if (!a) return std::nullopt;
  if (colon == std::string_view::npos) return CellRange{*a, *a};
  const std::optional<CellPosition> b = ParseCellRef(ref.substr(colon + 1));
  if (!b) return std::nullopt;
  return CellRange{{std::min(a->row, b->row), std::min(a->col0, b->col0)},
                   {std::max(a->row, b->row), std::max(a->col0, b->col0)}};
}

}  // namespace okr
