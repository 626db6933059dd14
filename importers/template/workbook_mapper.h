// Copyright 2026 The okrd Authors.
//
// WorkbookMapper: a RowSink that collects the sheets of one spreadsheet (or
// of a CSV file and its companions) and maps them, following the okrd
// template (template.h, TEMPLATE.md), into an Organisation plus diagnostics
// with cell locations. It never stops at the first problem.
//
// Which sheets are read:
//  - Sheets whose name announces People, Units, Cycles or Check-ins (see
//    TemplateSheetFromName) are read as such when a header row for that kind is
//    found in their first 30 rows; otherwise a warning says they were
//    skipped.
//  - The OKRs sheet: `options.sheet` if given (by name, exact or
//    normalised); else every sheet named OKRs (or a synonym such as
//    "Objectives"); else every other visible sheet whose header row names at
//    least two known OKRs columns, one of them Objective or Key Result (a
//    sheet per department). Hidden sheets are ignored unless named by
//    `options.sheet`.
//  - No OKRs sheet at all is an error.
//
// The OKRs sheet, one row per key result:
//  - The objective of a row is given by its Objective ID or its Objective
//    text. A blank objective cell continues the objective above (fill-down,
//    merged cells). A row with an objective and no key result starts that
//    objective (the "objective on its own row" layout). Rows naming an
//    objective seen before (same ID, or same cycle, unit, owner-if-no-unit
//    and NormaliseTitle) add to it. Objective fields given again on later
//    rows must agree with the first row; differences are warnings.
//  - With no KR Owner column, the Owner column on a KR row is the KR's
//    owner, and the objective's owner is the Owner on its first row.
//  - Cycle cells left blank take the cycle of the row above, then
//    options.default_cycle, then the only cycle of the Cycles sheet, then the
//    cycle current on options.today (with a warning).
//  - Unit cells left blank take the unit of the row above when the sheet
//    has no Level column; with a Level column (the okrd template) a blank
//    unit means no unit. When the file has several OKRs sheets and a sheet
//    has no Unit column, the sheet's name is the unit (not for CSV).
//  - Level, when not given: the unit's level (Units sheet), team for a
//    unit not in the Units sheet, individual with no unit but an owner,
//    company otherwise (the Units sheet's top unit, if any).
//  - Kind, when not given: milestone if the target is a yes/done/true word
//    or start and target are blank and current is a yes/no word; decrease
//    if target < start; else increase. Milestones are start 0, target 1,
//    current 1 (done) or 0. Current left blank is the start.
//  - Values: see value_parsing.h. A unit of measure left blank takes the
//    unit written with the values ("70%" -> "%", "€12" -> "EUR").
//  - References: owners, leads, managers and authors by e-mail (lowercased)
//    or by the name of one People row; units by key or name (Units sheet);
//    a unit not in the Units sheet becomes a new unit under the top unit,
//    keyed by the text itself when it looks like a key ("eng-platform")
//    else by its slug ("Customer Success" -> "customer-success"), listed in
//    derived_units, with a warning only when the file has a Units sheet;
//    cycles by name (Cycles sheet); a quarter name not in the Cycles sheet
//    ("2027-Q1", "Q1 2027") becomes a cycle of that name with the calendar
//    quarter's dates, listed in derived_cycles; other unknown cycle names
//    are kept with a warning (they must exist already).
//  - Keys: the ID columns when given; else (flagged in derived_*)
//    derived, deterministic within the file: "o-" + slug of cycle, unit (or
//    owner) and title; "kr-" + the objective key's stem + "-" + the KR's
//    number within its objective; made unique with "-2", "-3". Derived keys
//    are provisional: the change set re-keys them by (cycle, owner,
//    NormaliseTitle) against the database.
//  - Confidence on the OKRs sheet is the KR's latest confidence; it is
//    returned in kr_confidence, not as a check-in, so that the change set can
//    record a check-in only when it differs from the stored one.
//
// Locations: Location::InSheet ("plan.xlsx:OKRs!D7") for sheet formats;
// for CSV (options.is_csv) Location::InText with the record number as the
// line and the field number as the column ("plan.csv:12:4"). CSV text cells
// lose the apostrophe that CsvWriter adds against formula injection.
//
// Threads: one mapper per import, used from one thread.

#ifndef OKR_IMPORTERS_TEMPLATE_WORKBOOK_MAPPER_H_
#define OKR_IMPORTERS_TEMPLATE_WORKBOOK_MAPPER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/base/civil_time.h"
#include "core/base/status.h"
#include "core/model/organisation.h"
#include "importers/item_locations.h"
#include "importers/table.h"
#include "importers/template/value_parsing.h"

namespace okr {

struct MapOptions {
  std::string file_name;  // For locations; see also SetFileName.
  bool is_csv = false;    // Locations as line:column; CSV unescaping.
  std::optional<std::string> sheet;  // Only this sheet is the OKRs sheet.
  std::string default_cycle;         // For rows that name no cycle.
  DateOrder date_order = DateOrder::kUnset;
  // Text numbers use a decimal comma: set it when the CSV delimiter is ';'
  // (or a "sep=;" line says so). See also SetDecimalComma.
  bool decimal_comma = false;
  Date today;  // Picks the current cycle when nothing else names one.
  size_t max_diagnostics = 200;  // Further ones are counted, not kept.
};

// The usual rule for CSV: a ';' delimiter implies decimal commas.
inline bool DecimalCommaForDelimiter(char delimiter) {
  return delimiter == ';';
}

struct Diagnostic {
  bool error = true;
  std::string location;  // "plan.xlsx:OKRs!D7", "plan.csv:12:4", "plan.csv".
  std::string message;
  // "loc: error: message" or "loc: warning: message".
  std::string ToString() const;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

struct MappedWorkbook {
  Organisation org;
  // In the order found; at most max_diagnostics, plus a last one saying how
  // many more there were.
  std::vector<Diagnostic> diagnostics;
  int64_t error_count = 0;  // All errors, kept or not.
  int64_t warning_count = 0;
  // Whether the key of org.objectives[i] (key_results[i]) was derived, not
  // taken from an ID column.
  std::vector<bool> derived_objectives;
  std::vector<bool> derived_krs;
  // Units and cycles the file only referred to (see above); the change set
  // matches them to existing ones by key, then name, before creating them.
  std::set<std::string> derived_units;
  std::set<std::string> derived_cycles;
  // KR key -> confidence from the OKRs sheet's Confidence column.
  std::map<std::string, double> kr_confidence;
  // "objective:KEY" or "kr:KEY" -> an owner given by a name that matched no
  // People row (owner_email is then empty); the change set may resolve it.
  std::map<std::string, std::string> owner_names;
  // Where each item of org was defined (every unit, person, cycle,
  // objective, key result and check-in the mapper adds has a location).
  ItemLocations where;

  bool has_errors() const { return error_count > 0; }
};

namespace mapper_internal {
struct SheetTable;
}

class WorkbookMapper : public RowSink {
 public:
  explicit WorkbookMapper(MapOptions options);
  ~WorkbookMapper() override;
  WorkbookMapper(const WorkbookMapper&) = delete;
  WorkbookMapper& operator=(const WorkbookMapper&) = delete;

  // The file name for the locations of sheets begun after this call (for a
  // CSV file's companions, e.g. "plan.people.csv" read as sheet "People").
  void SetFileName(std::string file_name);

  // Whether text numbers use a decimal comma ("1.234,5"), for the sheets of
  // the current file (see SetFileName) received so far and those that
  // follow; overrides options.decimal_comma. Mapping happens in Finish, so
  // a caller can set it after ReadCsv has sniffed the delimiter, e.g.
  // SetDecimalComma(DecimalCommaForDelimiter(info.delimiter)).
  void SetDecimalComma(bool decimal_comma);

  Status BeginSheet(const SheetInfo& sheet) override;
  Status Row(int64_t row, const std::vector<Cell>& cells) override;
  Status EndSheet() override;

  // Maps everything received. Call once, after the reader returned OK (a
  // sheet begun but not ended is dropped).
  MappedWorkbook Finish();

 private:
  void DetectHeader();
  void AddRow(int64_t row, const std::vector<Cell>& cells);

  MapOptions options_;
  std::string file_name_;
  std::vector<std::unique_ptr<mapper_internal::SheetTable>> sheets_;
  std::unique_ptr<mapper_internal::SheetTable> current_;
  std::vector<std::pair<int64_t, std::vector<Cell>>> scan_;  // Before header.
  std::vector<Diagnostic> sheet_notes_;  // Warnings about skipped sheets.
};

}  // namespace okr

#endif  // OKR_IMPORTERS_TEMPLATE_WORKBOOK_MAPPER_H_
