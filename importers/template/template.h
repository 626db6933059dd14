// Copyright 2026 The okrd Authors.
//
// The okrd spreadsheet template: the one definition of its sheets and
// columns, used by the importer (to find columns by any of their names) and
// by the exporter (to write the canonical headers in the canonical order).
// TEMPLATE.md in this folder describes it for people.
//
// Sheets: OKRs (one row per key result; the only required sheet), People,
// Units, Cycles, Check-ins. Each column has a role (Column), a canonical
// header, and synonyms. Headers are compared after NormaliseHeader, so
// "Key Result", "key_result" and "KEY-RESULT" are the same header.
//
// Header rows need not be the first row: DetectHeader looks at the first
// kHeaderScanRows rows of a sheet for the row that names the most known
// columns of the sheet's kind.
//
// Pure data and functions; thread-safe.

#ifndef OKR_IMPORTERS_TEMPLATE_TEMPLATE_H_
#define OKR_IMPORTERS_TEMPLATE_TEMPLATE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/table.h"

namespace okr {

enum class TemplateSheet { kOkrs, kPeople, kUnits, kCycles, kCheckIns };
inline constexpr int kTemplateSheetCount = 5;

// The canonical sheet names: "OKRs", "People", "Units", "Cycles",
// "Check-ins".
std::string_view CanonicalSheetName(TemplateSheet kind);

// The kind a sheet name announces, compared after NormaliseHeader, with
// synonyms ("Objectives" and "Key results" are OKRs, "Teams" are Units,
// "Staff" are People, "Quarters" are Cycles, "Updates" are Check-ins). A
// name with dots is also tried by its last part, so the CSV companion file
// "plan.people.csv" (sheet "plan.people") is a People sheet. nullopt when the
// name says nothing.
std::optional<TemplateSheet> TemplateSheetFromName(std::string_view sheet_name);

// Every column role of every sheet. A role belongs to one or more sheets
// (see TemplateColumns); the comments give the model field.
enum class Column {
  // OKRs: objective fields (repeated on each KR row, or given once).
  kCycle,           // Objective::cycle (cycle name).
  kObjectiveId,     // Objective::key.
  kObjective,       // Objective::title.
  kDescription,     // Objective::description.
  kLevel,           // Objective::level / Unit::level.
  kUnit,            // Objective::unit_key / Person::unit_key (key or name).
  kObjectiveOwner,  // Objective::owner_email (e-mail or People name).
  kCommitment,      // Objective::committed ("committed" / "aspirational").
  kParent,          // Objective::parent (a key, "kr:KEY", or a title).
  kSupports,        // Objective::supports (keys separated by , ; or lines).
  kScore,           // Objective::score_override (0..1).
  kScoreReason,     // Objective::score_reason.
  // OKRs: key result fields.
  kKrId,         // KeyResult::key.
  kKeyResult,    // KeyResult::title.
  kKrOwner,      // KeyResult::owner_email.
  kKind,         // KeyResult::kind.
  kStart,        // KeyResult::start.
  kTarget,       // KeyResult::target.
  kCurrent,      // KeyResult::current.
  kMeasureUnit,  // KeyResult::unit ("%", "EUR", ...).
  kWeight,       // KeyResult::weight.
  kDue,          // KeyResult::due.
  kConfidence,   // Latest confidence (OKRs) / CheckIn::confidence.
  kRowId,        // A bare "ID" column: the KR's key on a KR row, else the
                 // objective's key.
  // People.
  kEmail,     // Person::email.
  kName,      // Person::name / Unit::name.
  kManager,   // Person::manager_email (e-mail or name).
  kTimeZone,  // Person::time_zone.
  kOneOnOneDay,       // Person::one_on_one.weekday (English day name).
  kOneOnOneTime,      // Person::one_on_one.start_minute ("HH:MM").
  kOneOnOneLength,    // Person::one_on_one.length_minutes.
  kOneOnOneInterval,  // Person::one_on_one.interval_weeks.
  // Units.
  kUnitKey,     // Unit::key.
  kParentUnit,  // Unit::parent_key (key or name).
  kLead,        // Unit::lead_email (e-mail or name).
  kReviewDay,       // Unit::review.weekday.
  kReviewTime,      // Unit::review.start_minute.
  kReviewLength,    // Unit::review.length_minutes.
  kReviewInterval,  // Unit::review.interval_weeks.
  // Cycles.
  kCycleStart,         // Cycle::start.
  kCycleEnd,           // Cycle::end.
  kPlanningDays,       // Cycle::planning_days.
  kRetrospectiveDays,  // Cycle::retrospective_days.
  // Check-ins.
  kCheckInKr,         // CheckIn target: a KR key or title.
  kCheckInObjective,  // CheckIn target: an objective key or title.
  kTime,              // CheckIn::at (UTC).
  kAuthor,            // CheckIn::author_email (e-mail or name).
  kValue,             // CheckIn::value.
  kStatus,            // CheckIn::status.
  kLearned,           // CheckIn::learned.
  kNextSteps,         // CheckIn::next_steps.
  kChallenges,        // CheckIn::challenges.
  kSource,            // CheckIn::source.
};
inline constexpr int kColumnCount = static_cast<int>(Column::kSource) + 1;

// The four cadence columns (day, time, length, interval) of the People
// sheet (the person's one-on-one with their manager) and of the Units sheet
// (the team review).
struct CadenceColumns {
  Column day, time, length, interval;
};
inline constexpr CadenceColumns kOneOnOneColumns = {
    Column::kOneOnOneDay, Column::kOneOnOneTime, Column::kOneOnOneLength,
    Column::kOneOnOneInterval};
inline constexpr CadenceColumns kReviewColumns = {
    Column::kReviewDay, Column::kReviewTime, Column::kReviewLength,
    Column::kReviewInterval};

struct ColumnSpec {
  Column column;
  // The header the exporter writes, e.g. "Key Result".
  std::string_view header;
  // What messages call the field, e.g. "key result", "target".
  std::string_view noun;
  // Other accepted headers, already normalised, separated by '|'. The
  // normalised canonical header is accepted too.
  std::string_view synonyms;
  // Column width for XLSX export, in Excel character units.
  double width;
  // Recognised on import but never exported (the bare "ID" column).
  bool import_only = false;
};

// The columns of one sheet, in export order. Within a sheet, no two columns
// share a normalised header or synonym.
std::span<const ColumnSpec> TemplateColumns(TemplateSheet kind);

// The spec of `column` within `kind`'s sheet, or nullptr if the sheet has no
// such column.
const ColumnSpec* FindColumnSpec(TemplateSheet kind, Column column);

// Header text reduced for comparison: ASCII lowercased, with spaces (also
// no-break and zero-width ones), ASCII punctuation and underscores removed.
// " Key_Result " -> "keyresult", "E-mail" -> "email". Non-ASCII letters
// are kept as they are.
std::string NormaliseHeader(std::string_view header);

// The column a header names in `kind`'s sheet, or nullopt.
std::optional<Column> MatchHeader(TemplateSheet kind, std::string_view header);

// How many of the first rows of a sheet DetectHeader looks at.
inline constexpr int kHeaderScanRows = 30;

struct BoundColumn {
  Column column;
  int col0 = 0;  // 0-based column index in the sheet.
};

struct HeaderMatch {
  int64_t row = 0;                   // 1-based row of the header.
  std::vector<BoundColumn> columns;  // Known columns, left to right; a role
                                     // named twice is bound to its first.
  // Non-empty header cells that name no column, and roles named again.
  std::vector<std::pair<int, std::string>> unknown;  // (col0, text)
  std::vector<std::pair<int, Column>> duplicates;    // (col0, role)
};

// Finds the header row of a `kind` sheet among `rows` (row number and cells,
// as a RowSink receives them, in order; only the first kHeaderScanRows rows
// are considered): the row that names the most known columns, the earlier
// one on a tie, among rows that name the sheet's required columns (OKRs: an
// objective or key-result column, or both; People: e-mail; Units: a name or
// key; Cycles: name, start and end; Check-ins: a KR or objective column and
// a time) and at least `min_columns` known columns. nullopt when no row
// qualifies. Only string cells count as header text.
std::optional<HeaderMatch> DetectHeader(
    TemplateSheet kind,
    std::span<const std::pair<int64_t, std::vector<Cell>>> rows,
    int min_columns = 1);

}  // namespace okr

#endif  // OKR_IMPORTERS_TEMPLATE_TEMPLATE_H_
