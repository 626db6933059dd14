// Copyright 2026 The okrd Authors.
//
// The RowSink side of WorkbookMapper: deciding what each sheet is, finding
// its header row while rows stream in, keeping only the template's columns;
// and Finish, which maps the kept sheets in dependency order.

#include "importers/template/workbook_mapper.h"

#include <array>
#include <utility>

#include "core/model/text.h"
#include "importers/csv/csv_writer.h"
#include "importers/template/mapper_internal.h"

namespace okr {
namespace {

using mapper_internal::MapState;
using mapper_internal::SheetRow;
using mapper_internal::SheetTable;

bool NamesSheet(const std::string& wanted, std::string_view name) {
  return wanted == name || NormaliseHeader(wanted) == NormaliseHeader(name);
}

std::string Quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Which kind a new sheet is read as, or skip.
void Classify(const MapOptions& options, SheetTable* table) {
  const bool chosen =
      options.sheet && NamesSheet(*options.sheet, table->info.name);
  const std::optional<TemplateSheet> by_name =
      TemplateSheetFromName(table->info.name);
  if (table->info.state != "visible" && !chosen) {
    table->skip = true;
  } else if (chosen) {
    table->kind = TemplateSheet::kOkrs;
    table->named = true;
  } else if (by_name && !(*by_name == TemplateSheet::kOkrs && options.sheet)) {
    table->kind = *by_name;
    table->named = true;
  } else {
    table->kind = TemplateSheet::kOkrs;
    // A CSV file is one sheet the user gave us: it is the OKRs sheet.
    table->named = options.is_csv && !by_name;
    table->skip = options.sheet.has_value();
  }
}

std::string MissingHeaderMessage(const SheetTable& table) {
  std::string_view needs;
  switch (table.kind) {
    case TemplateSheet::kOkrs:
      needs = "an Objective or Key Result column";
      break;
    case TemplateSheet::kPeople:
      needs = "an Email column";
      break;
    case TemplateSheet::kUnits:
      needs = "a Name or Unit ID column";
      break;
    case TemplateSheet::kCycles:
      needs = "Cycle, Start and End columns";
      break;
    case TemplateSheet::kCheckIns:
      needs = "a KR ID or Objective ID column and a Time column";
      break;
  }
  return "sheet " + Quoted(table.info.name) + " has no header row with " +
         std::string(needs) + " in its first " +
         std::to_string(kHeaderScanRows) + " rows; skipped";
}

void ReportHeaderNotes(const SheetTable& table, MapState* state) {
  for (const auto& [col0, text] : table.header->unknown) {
    state->report.Warning(table.Where(table.header->row, col0),
                          "column " + Quoted(text) +
                              " is not part of the okrd template; ignored");
  }
  for (const auto& [col0, column] : table.header->duplicates) {
    state->report.Warning(
        table.Where(table.header->row, col0),
        "a second " + std::string(table.Noun(column)) + " column; ignored");
  }
}

using SheetsByKind =
    std::array<std::vector<SheetTable*>, kTemplateSheetCount>;

void MapSheets(const MapOptions& options, const SheetsByKind& by_kind,
               MapState* state) {
  using mapper_internal::MapCheckInSheet;
  using mapper_internal::MapCycleSheet;
  using mapper_internal::MapPeopleSheet;
  using mapper_internal::MapUnitSheet;
  auto sheets = [&](TemplateSheet kind) -> const auto& {
    return by_kind[static_cast<int>(kind)];
  };
  state->has_units_sheet = !sheets(TemplateSheet::kUnits).empty();
  state->has_cycles_sheet = !sheets(TemplateSheet::kCycles).empty();
  for (const SheetTable* t : sheets(TemplateSheet::kUnits)) {
    MapUnitSheet(*t, state);
  }
  for (const SheetTable* t : sheets(TemplateSheet::kPeople)) {
    MapPeopleSheet(*t, state);
  }
  mapper_internal::ResolvePendingRefs(state);
  for (const SheetTable* t : sheets(TemplateSheet::kCycles)) {
    MapCycleSheet(*t, state);
  }
  const auto& okrs = sheets(TemplateSheet::kOkrs);
  if (okrs.empty()) {
    state->report.Error(Location::InFile(options.file_name).ToString(),
                        "no OKRs sheet: no sheet has a header row with an "
                        "Objective or Key Result column");
  } else {
    mapper_internal::MapOkrSheets(okrs, !options.is_csv && okrs.size() > 1,
                                  state);
  }
  for (const SheetTable* t : sheets(TemplateSheet::kCheckIns)) {
    MapCheckInSheet(*t, state);
  }
}

}  // namespace

WorkbookMapper::WorkbookMapper(MapOptions options)
    : options_(std::move(options)), file_name_(options_.file_name) {}

WorkbookMapper::~WorkbookMapper() = default;

void WorkbookMapper::SetFileName(std::string file_name) {
  file_name_ = std::move(file_name);
}

void WorkbookMapper::SetDecimalComma(bool decimal_comma) {
  options_.decimal_comma = decimal_comma;
  for (auto& table : sheets_) {
    if (table->file_name == file_name_) table->decimal_comma = decimal_comma;
  }
  if (current_) current_->decimal_comma = decimal_comma;
}

Status WorkbookMapper::BeginSheet(const SheetInfo& sheet) {
  current_ = std::make_unique<SheetTable>();
  current_->info = sheet;
  current_->file_name = file_name_;
  current_->is_csv = options_.is_csv;
  current_->decimal_comma = options_.decimal_comma;
  current_->slot.fill(-1);
  Classify(options_, current_.get());
  if (current_->skip && current_->info.state != "visible" &&
      TemplateSheetFromName(sheet.name)) {
    sheet_notes_.push_back(
        Diagnostic{false, Location::InFile(file_name_).ToString(),
                   "sheet " + Quoted(sheet.name) + " is hidden; ignored"});
  }
  scan_.clear();
  return Status::Ok();
}

Status WorkbookMapper::Row(int64_t row, const std::vector<Cell>& cells) {
  if (!current_ || current_->skip) return Status::Ok();
  if (current_->header) {
    AddRow(row, cells);
    return Status::Ok();
  }
  scan_.emplace_back(row, cells);
  if (scan_.size() >= static_cast<size_t>(kHeaderScanRows)) DetectHeader();
  return Status::Ok();
}

Status WorkbookMapper::EndSheet() {
  if (current_ && !current_->skip && !current_->header) DetectHeader();
  if (current_ && !current_->skip && current_->header) {
    sheets_.push_back(std::move(current_));
  }
  current_.reset();
  scan_.clear();
  return Status::Ok();
}

void WorkbookMapper::DetectHeader() {
  SheetTable& table = *current_;
  table.header = okr::DetectHeader(table.kind, scan_, table.named ? 1 : 2);
  if (!table.header) {
    table.skip = true;
    if (table.named) {
      sheet_notes_.push_back(Diagnostic{table.kind == TemplateSheet::kOkrs,
                                        table.WhereSheet(),
                                        MissingHeaderMessage(table)});
    }
    scan_.clear();
    return;
  }
  const auto& columns = table.header->columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    table.slot[static_cast<int>(columns[i].column)] = static_cast<int>(i);
  }
  for (const auto& [row, cells] : scan_) {
    if (row > table.header->row) AddRow(row, cells);
  }
  scan_.clear();
}

void WorkbookMapper::AddRow(int64_t row, const std::vector<Cell>& cells) {
  SheetTable& table = *current_;
  static const Cell kBlank;
  mapper_internal::PackedRow kept{row, {}};
  bool any = false;
  for (const auto& column : table.header->columns) {
    const auto col0 = static_cast<size_t>(column.col0);
    if (col0 >= cells.size() || IsBlankCell(cells[col0])) {
      mapper_internal::PackCell(kBlank, &kept);
      continue;
    }
    if (table.is_csv && cells[col0].type == CellType::kString) {
      mapper_internal::PackCell(
          Cell::String(std::string(UnneutraliseCsvText(cells[col0].text))),
          &kept);
    } else {
      mapper_internal::PackCell(cells[col0], &kept);
    }
    any = true;
  }
  if (any) {
    kept.bytes.shrink_to_fit();
    table.rows.push_back(std::move(kept));
  }
}

MappedWorkbook WorkbookMapper::Finish() {
  MappedWorkbook out;
  MapState state(options_, &out);
  for (Diagnostic& note : sheet_notes_) {
    if (note.error) {
      state.report.Error(std::move(note.location), std::move(note.message));
    } else {
      state.report.Warning(std::move(note.location), std::move(note.message));
    }
  }
  SheetsByKind by_kind;
  std::vector<SheetTable*> unnamed_okrs;
  for (const auto& table : sheets_) {
    if (table->kind == TemplateSheet::kOkrs && !table->named) {
      unnamed_okrs.push_back(table.get());
    } else {
      by_kind[static_cast<int>(table->kind)].push_back(table.get());
    }
  }
  for (const auto& table : sheets_) {
    table->place =
        out.where.AddPlace(table->file_name, table->info.name, table->is_csv);
  }
  auto& okrs = by_kind[static_cast<int>(TemplateSheet::kOkrs)];
  if (okrs.empty()) okrs = unnamed_okrs;
  for (const auto& sheets : by_kind) {
    for (const SheetTable* table : sheets) ReportHeaderNotes(*table, &state);
  }
  MapSheets(options_, by_kind, &state);
  state.report.Finish();
  sheets_.clear();
  sheet_notes_.clear();
  return out;
}

}  // namespace okr
