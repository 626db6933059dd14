// Copyright 2026 The okrd Authors.

#include "importers/zip/row_builder.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <utility>

#include "importers/zip/sheet_details.h"

namespace okr {

RowBuilder::RowBuilder(std::string file_name, const Limits& limits,
                       RowSink* sink, std::function<Status()> check_deadline)
    : file_name_(std::move(file_name)),
      limits_(limits),
      sink_(sink),
      check_deadline_(std::move(check_deadline)) {}

void RowBuilder::BeginSheet(std::string sheet_name) {
  sheet_name_ = std::move(sheet_name);
  sheet_rows_ = 0;
  StartRow(1);
}

void RowBuilder::StartRow(int64_t row) {
  row_ = row;
  for (Cell& cell : cells_) {
    cell.type = CellType::kEmpty;
    cell.text.clear();
    cell.number = 0;
  }
  width_ = 0;
  row_cells_ = 0;
}

Location RowBuilder::At(int64_t row, int64_t col0) const {
  return Location::InSheet(
      file_name_, sheet_name_, std::max<int64_t>(row, 1),
      static_cast<int>(std::clamp<int64_t>(col0, 0, INT_MAX)));
}

Status RowBuilder::CheckPut(int64_t col0, const Cell& value) {
  assert(!value.empty() && col0 >= 0);
  if (col0 >= limits_.max_columns) {
    return At(row_, col0)
        .Error(StatusCode::kResourceExhausted,
               "cell beyond max_columns (" +
                   std::to_string(limits_.max_columns) + ")");
  }
  if (static_cast<int64_t>(value.text.size()) > limits_.max_cell_bytes) {
    return At(row_, col0)
        .Error(StatusCode::kResourceExhausted,
               "cell text of " + std::to_string(value.text.size()) +
                   " bytes is longer than max_cell_bytes (" +
                   std::to_string(limits_.max_cell_bytes) + ")");
  }
  const auto index = static_cast<size_t>(col0);
  if (index >= cells_.size()) cells_.resize(index + 1);
  if (cells_[index].empty()) ++row_cells_;
  if (cells_total_ + row_cells_ > limits_.max_cells) {
    return At(row_, col0)
        .Error(StatusCode::kResourceExhausted,
               "more than max_cells (" + std::to_string(limits_.max_cells) +
                   ") non-empty cells");
  }
  if (index >= width_) width_ = index + 1;
  return Status::Ok();
}

Status RowBuilder::Put(int64_t col0, Cell* value) {
  OKR_RETURN_IF_ERROR(CheckPut(col0, *value));
  std::swap(cells_[static_cast<size_t>(col0)], *value);
  return Status::Ok();
}

Status RowBuilder::PutCopy(int64_t col0, const Cell& value) {
  OKR_RETURN_IF_ERROR(CheckPut(col0, value));
  cells_[static_cast<size_t>(col0)] = value;
  return Status::Ok();
}

Status RowBuilder::Emit(int64_t row) {
  if (row > kMaxSheetRows) {
    return At(row, 0).Error(StatusCode::kInvalidArgument,
                            "row " + std::to_string(row) +
                                " is below the last row a sheet can have (" +
                                std::to_string(kMaxSheetRows) + ")");
  }
  if (sheet_rows_ >= limits_.max_rows) {
    return At(row, 0).Error(
        StatusCode::kResourceExhausted,
        "more than max_rows (" + std::to_string(limits_.max_rows) + ") rows");
  }
  if (cells_total_ + row_cells_ > limits_.max_cells) {
    return At(row, 0).Error(StatusCode::kResourceExhausted,
                            "more than max_cells (" +
                                std::to_string(limits_.max_cells) +
                                ") non-empty cells");
  }
  if (check_deadline_ && (sheet_rows_ & 1023) == 1023) {
    OKR_RETURN_IF_ERROR(check_deadline_());
  }
  ++sheet_rows_;
  cells_total_ += row_cells_;
  return sink_->Row(row, cells_);
}

Status RowBuilder::EndRow(int64_t repeat) {
  assert(repeat >= 1);
  if (width_ == 0) return Status::Ok();
  cells_.resize(width_);
  for (int64_t i = 0; i < repeat; ++i) {
    OKR_RETURN_IF_ERROR(Emit(row_ + i));
  }
  return Status::Ok();
}

}  // namespace okr
