// Copyright 2026 The okrd Authors.

#include "importers/template/template_export.h"

#include <cassert>
#include <map>
#include <set>
#include <utility>

#include "core/model/meeting_time.h"
#include "core/model/progress.h"
#include "core/model/text.h"
#include "importers/csv/csv_writer.h"
#include "importers/template/links.h"
#include "importers/xlsx/xlsx_writer.h"

namespace okr {
namespace {

Cell Text(const std::string& text) {
  return text.empty() ? Cell{} : Cell::String(text);
}

Cell Number(double value) { return Cell{CellType::kNumber, "", value}; }

Cell DateCell(const Date& date) {
  return Cell{CellType::kDate, date.ToString(), 0};
}

Cell DateTimeCell(UnixSeconds t) {
  std::string text = FormatUtcTimestamp(t);  // "YYYY-MM-DDTHH:MM:SSZ".
  text.pop_back();
  return Cell{CellType::kDateTime, text, 0};
}

// A row laid out by the sheet's columns: Set(column, cell) then Take().
class RowBuilder {
 public:
  explicit RowBuilder(TemplateSheet kind) {
    for (const ColumnSpec& spec : TemplateColumns(kind)) {
      if (spec.import_only) continue;
      index_[spec.column] = cells_.size();
      cells_.emplace_back();
    }
  }
  RowBuilder& Set(Column column, Cell cell) {
    const auto it = index_.find(column);
    assert(it != index_.end() && "column not in this sheet");
    cells_[it->second] = std::move(cell);
    return *this;
  }
  std::vector<Cell> Take() { return std::move(cells_); }

  static std::vector<Cell> Header(TemplateSheet kind) {
    std::vector<Cell> header;
    for (const ColumnSpec& spec : TemplateColumns(kind)) {
      if (spec.import_only) continue;
      header.push_back(Cell::String(std::string(spec.header)));
    }
    return header;
  }

 private:
  std::map<Column, size_t> index_;
  std::vector<Cell> cells_;
};

ExportSheet NewSheet(TemplateSheet kind) {
  ExportSheet sheet{kind, std::string(CanonicalSheetName(kind)), {}};
  sheet.rows.push_back(RowBuilder::Header(kind));
  return sheet;
}

// What the OKRs sheet exports: the objectives of the cycle and their KRs.
struct Selection {
  std::vector<const Objective*> objectives;
  std::map<std::string, std::vector<const KeyResult*>> krs;  // By objective.
  LinkIndex links;
};

Selection Select(const Organisation& org, const std::string& cycle) {
  Selection s;
  for (const Objective& o : org.objectives) {
    if (!cycle.empty() && o.cycle != cycle) continue;
    s.objectives.push_back(&o);
    s.links.AddObjective(o.key, o.title);
    s.krs[o.key];
  }
  for (const KeyResult& kr : org.key_results) {
    const auto it = s.krs.find(kr.objective_key);
    if (it == s.krs.end()) continue;
    it->second.push_back(&kr);
    s.links.AddKeyResult(kr.key);
  }
  return s;
}

void SetObjective(const Objective& o, const LinkIndex& links, RowBuilder* row) {
  std::vector<std::string> supports;
  for (const LinkTarget& t : o.supports) {
    supports.push_back(WriteLinkText(t, links));
  }
  row->Set(Column::kCycle, Text(o.cycle))
      .Set(Column::kObjectiveId, Text(o.key))
      .Set(Column::kObjective, Text(o.title))
      .Set(Column::kDescription, Text(o.description))
      .Set(Column::kLevel, Text(std::string(LevelName(o.level))))
      .Set(Column::kUnit, Text(o.unit_key))
      .Set(Column::kObjectiveOwner, Text(o.owner_email))
      .Set(Column::kCommitment,
           Text(o.committed ? "committed" : "aspirational"))
      .Set(Column::kParent,
           o.parent ? Text(WriteLinkText(*o.parent, links)) : Cell{})
      .Set(Column::kSupports, Text(JoinLinkList(supports)))
      .Set(Column::kScore,
           o.score_override ? Number(*o.score_override) : Cell{})
      .Set(Column::kScoreReason, Text(o.score_reason));
}

void SetKeyResult(const Organisation& org, const KeyResult& kr,
                  RowBuilder* row) {
  const CheckIn* latest = LatestCheckIn(org, TargetKind::kKeyResult, kr.key);
  row->Set(Column::kKrId, Text(kr.key))
      .Set(Column::kKeyResult, Text(kr.title))
      .Set(Column::kKrOwner, Text(kr.owner_email))
      .Set(Column::kKind, Text(std::string(KrKindName(kr.kind))))
      .Set(Column::kStart, Number(kr.start))
      .Set(Column::kTarget, Number(kr.target))
      .Set(Column::kCurrent, Number(kr.current))
      .Set(Column::kMeasureUnit, Text(kr.unit))
      .Set(Column::kWeight, Number(kr.weight))
      .Set(Column::kDue, kr.due ? DateCell(*kr.due) : Cell{})
      .Set(Column::kConfidence,
           latest && latest->confidence ? Number(*latest->confidence) : Cell{});
}

ExportSheet OkrSheet(const Organisation& org, const Selection& s) {
  ExportSheet sheet = NewSheet(TemplateSheet::kOkrs);
  for (const Objective* o : s.objectives) {
    const auto& krs = s.krs.find(o->key)->second;  // Select made an entry.
    if (krs.empty()) {
      RowBuilder row(TemplateSheet::kOkrs);
      SetObjective(*o, s.links, &row);
      sheet.rows.push_back(row.Take());
    }
    for (const KeyResult* kr : krs) {
      RowBuilder row(TemplateSheet::kOkrs);
      SetObjective(*o, s.links, &row);
      SetKeyResult(org, *kr, &row);
      sheet.rows.push_back(row.Take());
    }
  }
  return sheet;
}

// Day and time as text ("Tuesday", "14:30": a time cell would read back as
// a fraction of a day in some tools), length and interval as numbers.
void SetCadence(const CadenceOverride& o, const CadenceColumns& c,
                RowBuilder* row) {
  if (o.weekday) row->Set(c.day, Text(std::string(WeekdayName(*o.weekday))));
  if (o.start_minute) row->Set(c.time, Text(FormatClockTime(*o.start_minute)));
  if (o.length_minutes) row->Set(c.length, Number(*o.length_minutes));
  if (o.interval_weeks) row->Set(c.interval, Number(*o.interval_weeks));
}

ExportSheet PeopleSheet(const Organisation& org) {
  ExportSheet sheet = NewSheet(TemplateSheet::kPeople);
  for (const Person& p : org.people) {
    RowBuilder row(TemplateSheet::kPeople);
    row.Set(Column::kEmail, Text(p.email))
        .Set(Column::kName, Text(p.name))
        .Set(Column::kUnit, Text(p.unit_key))
        .Set(Column::kManager, Text(p.manager_email))
        .Set(Column::kTimeZone, Text(p.time_zone));
    SetCadence(p.one_on_one, kOneOnOneColumns, &row);
    sheet.rows.push_back(row.Take());
  }
  return sheet;
}

ExportSheet UnitSheet(const Organisation& org) {
  ExportSheet sheet = NewSheet(TemplateSheet::kUnits);
  for (const Unit& u : org.units) {
    RowBuilder row(TemplateSheet::kUnits);
    row.Set(Column::kUnitKey, Text(u.key))
        .Set(Column::kName, Text(u.name))
        .Set(Column::kParentUnit, Text(u.parent_key))
        .Set(Column::kLevel, Text(std::string(LevelName(u.level))))
        .Set(Column::kLead, Text(u.lead_email));
    SetCadence(u.review, kReviewColumns, &row);
    sheet.rows.push_back(row.Take());
  }
  return sheet;
}

ExportSheet CycleSheet(const Organisation& org, const std::string& cycle) {
  ExportSheet sheet = NewSheet(TemplateSheet::kCycles);
  for (const Cycle& c : org.cycles) {
    if (!cycle.empty() && c.name != cycle) continue;
    RowBuilder row(TemplateSheet::kCycles);
    row.Set(Column::kCycle, Text(c.name))
        .Set(Column::kCycleStart, DateCell(c.start))
        .Set(Column::kCycleEnd, DateCell(c.end))
        .Set(Column::kPlanningDays, Number(c.planning_days))
        .Set(Column::kRetrospectiveDays, Number(c.retrospective_days));
    sheet.rows.push_back(row.Take());
  }
  return sheet;
}

ExportSheet CheckInSheet(const Organisation& org, const Selection& s) {
  ExportSheet sheet = NewSheet(TemplateSheet::kCheckIns);
  for (const CheckIn& c : org.check_ins) {
    const bool kr = c.target_kind == TargetKind::kKeyResult;
    const auto& keys = kr ? s.links.kr_keys : s.links.objective_keys;
    if (keys.count(c.target_key) == 0) continue;
    RowBuilder row(TemplateSheet::kCheckIns);
    row.Set(kr ? Column::kCheckInKr : Column::kCheckInObjective,
            Text(c.target_key))
        .Set(Column::kTime, DateTimeCell(c.at))
        .Set(Column::kAuthor, Text(c.author_email))
        .Set(Column::kValue, c.value ? Number(*c.value) : Cell{})
        .Set(Column::kConfidence, c.confidence ? Number(*c.confidence) : Cell{})
        .Set(Column::kStatus, Text(c.status))
        .Set(Column::kLearned, Text(c.learned))
        .Set(Column::kNextSteps, Text(c.next_steps))
        .Set(Column::kChallenges, Text(c.challenges))
        .Set(Column::kSource, Text(c.source));
    sheet.rows.push_back(row.Take());
  }
  return sheet;
}

XlsxSheet XlsxView(const ExportSheet& sheet) {
  XlsxSheet view{sheet.name, sheet.rows, {}, 1};
  for (const ColumnSpec& spec : TemplateColumns(sheet.kind)) {
    if (!spec.import_only) view.column_widths.push_back(spec.width);
  }
  return view;
}

std::vector<XlsxSheet> XlsxViews(const std::vector<ExportSheet>& sheets) {
  std::vector<XlsxSheet> views;
  for (const ExportSheet& sheet : sheets) views.push_back(XlsxView(sheet));
  return views;
}

}  // namespace

std::vector<ExportSheet> BuildTemplateSheets(const Organisation& org,
                                             const std::string& cycle_filter) {
  const Selection selection = Select(org, cycle_filter);
  std::vector<ExportSheet> sheets;
  sheets.push_back(OkrSheet(org, selection));
  sheets.push_back(PeopleSheet(org));
  sheets.push_back(UnitSheet(org));
  sheets.push_back(CycleSheet(org, cycle_filter));
  sheets.push_back(CheckInSheet(org, selection));
  return sheets;
}

std::string CsvCompanionFileName(std::string_view okrs_file_name,
                                 TemplateSheet kind) {
  if (kind == TemplateSheet::kOkrs) return std::string(okrs_file_name);
  const size_t slash = okrs_file_name.rfind('/');
  const size_t dot = okrs_file_name.rfind('.');
  const bool has_ext = dot != std::string_view::npos &&
                       (slash == std::string_view::npos || dot > slash + 1);
  const std::string_view stem =
      has_ext ? okrs_file_name.substr(0, dot) : okrs_file_name;
  return std::string(stem) + "." + AsciiLower(CanonicalSheetName(kind)) +
         ".csv";
}

std::string TemplateSheetCsv(const ExportSheet& sheet) {
  return WriteCsv(sheet.rows);
}

Status WriteTemplateXlsxFile(const std::vector<ExportSheet>& sheets,
                             const std::string& path) {
  return WriteXlsxFile(XlsxViews(sheets), path);
}

Result<std::string> TemplateXlsxBytes(const std::vector<ExportSheet>& sheets) {
  return WriteXlsxBytes(XlsxViews(sheets));
}

}  // namespace okr
