// Copyright 2026 The okrd Authors.
//
// Export -> import -> export through the okrd template: CSV (the OKRs file
// alone, and with its companion files) and XLSX. XLSX files are read back
// with Debian's openpyxl (dump_xlsx.py) until okrd has its own XLSX reader.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/example/example_org.h"
#include "core/model/progress.h"
#include "importers/csv/csv_reader.h"
#include "importers/template/template_export.h"
#include "importers/template/workbook_mapper.h"
#include "importers/xlsx/xlsx_reader.h"
#include "tests/importers/recording_sink.h"
#include "tests/importers/template/mapper_test_util.h"
#include "tests/support/fixtures.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace okr {
namespace {

using nlohmann::json;
using testing::AllLines;
using testing::CsvOptionsFor;
using testing::MapCsvText;
using testing::KrKeysFromFile;
using testing::ObjectiveKeysFromFile;

const Date kToday{2026, 11, 24};

// Cells are the same when they hold the same value: numbers and bools by
// value (readers keep the number's text), the rest by text; a date-time at
// midnight is the date (XLSX cannot tell them apart).
bool SameCell(const Cell& a, const Cell& b) {
  if (a.type == CellType::kDateTime && b.type == CellType::kDate) {
    return a.text == b.text + "T00:00:00";
  }
  if (a.type == CellType::kDate && b.type == CellType::kDateTime) {
    return SameCell(b, a);
  }
  if (a.type != b.type) return false;
  if (a.type == CellType::kNumber || a.type == CellType::kBool) {
    return a.number == b.number;
  }
  return a.text == b.text;
}

bool SameSheets(const std::vector<ExportSheet>& a,
                const std::vector<ExportSheet>& b) {
  if (a.size() != b.size()) return false;
  for (size_t s = 0; s < a.size(); ++s) {
    if (a[s].name != b[s].name || a[s].rows.size() != b[s].rows.size()) {
      return false;
    }
    for (size_t r = 0; r < a[s].rows.size(); ++r) {
      const auto& x = a[s].rows[r];
      const auto& y = b[s].rows[r];
      if (x.size() != y.size()) return false;
      for (size_t c = 0; c < x.size(); ++c) {
        if (!SameCell(x[c], y[c])) return false;
      }
    }
  }
  return true;
}

// The OKR data of `org` replaced by what was imported, as the store would
// hold it after applying an import that changed nothing else.
Organisation WithImportedOkrs(Organisation org, const MappedWorkbook& m) {
  org.objectives = m.org.objectives;
  org.key_results = m.org.key_results;
  return org;
}

void CheckConfidencesMatch(const Organisation& org, const MappedWorkbook& m) {
  for (const KeyResult& kr : org.key_results) {
    const CheckIn* latest = LatestCheckIn(org, TargetKind::kKeyResult, kr.key);
    INFO(kr.key);
    if (latest && latest->confidence) {
      REQUIRE(m.kr_confidence.count(kr.key) == 1);
      CHECK(m.kr_confidence.at(kr.key) == *latest->confidence);
    } else {
      CHECK(m.kr_confidence.count(kr.key) == 0);
    }
  }
}

void CheckCsvRoundTrip(const Organisation& org, const std::string& cycle) {
  const std::vector<ExportSheet> sheets = BuildTemplateSheets(org, cycle);
  const std::string csv = TemplateSheetCsv(sheets[0]);
  const MappedWorkbook m = MapCsvText(csv, CsvOptionsFor("plan.csv"));
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  std::vector<Objective> objectives;
  std::set<std::string> keys;
  for (const Objective& o : org.objectives) {
    if (!cycle.empty() && o.cycle != cycle) continue;
    objectives.push_back(o);
    keys.insert(o.key);
  }
  std::vector<KeyResult> krs;
  for (const KeyResult& kr : org.key_results) {
    if (keys.count(kr.objective_key) > 0) krs.push_back(kr);
  }
  CHECK(m.org.objectives == objectives);
  CHECK(m.org.key_results == krs);
  CHECK(ObjectiveKeysFromFile(m) == keys);
  CHECK(KrKeysFromFile(m).size() == krs.size());
  if (cycle.empty()) CheckConfidencesMatch(org, m);
  const Organisation stored = cycle.empty() ? WithImportedOkrs(org, m) : org;
  CHECK(TemplateSheetCsv(BuildTemplateSheets(stored, cycle)[0]) == csv);
}

TEST_CASE("Example organisation: OKRs CSV round trip is lossless",
          "[round_trip]") {
  const Organisation org = MakeExampleOrganisation(kToday);
  CheckCsvRoundTrip(org, "");
}

TEST_CASE("One cycle of the example through CSV", "[round_trip]") {
  const Organisation org = MakeExampleOrganisation(kToday);
  REQUIRE(org.cycles.size() == 2);
  CheckCsvRoundTrip(org, org.cycles[0].name);
  CheckCsvRoundTrip(org, org.cycles[1].name);
}

TEST_CASE("Small organisation: OKRs CSV round trip is lossless",
          "[round_trip]") {
  CheckCsvRoundTrip(testing::SmallOrganisation(), "");
}

// All five sheets as CSV files fed to one mapper, as the CLI does with a
// CSV file and its companions.
MappedWorkbook MapCompanions(const std::vector<ExportSheet>& sheets,
                             std::vector<std::string>* files) {
  WorkbookMapper mapper(CsvOptionsFor("plan.csv"));
  for (const ExportSheet& sheet : sheets) {
    const std::string name = CsvCompanionFileName("plan.csv", sheet.kind);
    files->push_back(TemplateSheetCsv(sheet));
    CsvOptions options;
    options.file_name = name;
    mapper.SetFileName(name);
    const Status status = ReadCsv(files->back(), options, Limits(), &mapper);
    REQUIRE(status.ok());
  }
  return mapper.Finish();
}

void CheckCompanionRoundTrip(const Organisation& org) {
  std::vector<std::string> first;
  const MappedWorkbook m = MapCompanions(BuildTemplateSheets(org, ""), &first);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  CHECK(m.org.units == org.units);
  CHECK(m.org.people == org.people);
  CHECK(m.org.cycles == org.cycles);
  CHECK(m.org.objectives == org.objectives);
  CHECK(m.org.key_results == org.key_results);
  CHECK(m.org.check_ins == org.check_ins);
  CHECK(m.derived_units.empty());
  CHECK(m.derived_cycles.empty());
  std::vector<std::string> second;
  MapCompanions(BuildTemplateSheets(m.org, ""), &second);
  CHECK(second == first);
}

// The example has a one-on-one and a review override, so the round trips
// below carry the cadence columns.
bool HasCadenceOverrides(const Organisation& org) {
  bool person = false, unit = false;
  for (const Person& p : org.people) person |= !p.one_on_one.empty();
  for (const Unit& u : org.units) unit |= !u.review.empty();
  return person && unit;
}

TEST_CASE("CSV with companion files carries the whole organisation",
          "[round_trip]") {
  REQUIRE(HasCadenceOverrides(MakeExampleOrganisation(kToday)));
  CheckCompanionRoundTrip(MakeExampleOrganisation(kToday));
  CheckCompanionRoundTrip(testing::SmallOrganisation());
  CHECK(CsvCompanionFileName("dir/plan.csv", TemplateSheet::kCheckIns) ==
        "dir/plan.check-ins.csv");
  CHECK(CsvCompanionFileName("plan", TemplateSheet::kPeople) ==
        "plan.people.csv");
  CHECK(CsvCompanionFileName("a.b/plan", TemplateSheet::kUnits) ==
        "a.b/plan.units.csv");
}

TEST_CASE("The export's sheets have the canonical headers", "[round_trip]") {
  const std::vector<ExportSheet> sheets =
      BuildTemplateSheets(testing::SmallOrganisation(), "");
  REQUIRE(sheets.size() == 5);
  CHECK(TemplateSheetCsv(sheets[3]) ==
        "\xEF\xBB\xBF"
        "Cycle,Start,End,Planning Days,Retrospective Days\r\n"
        "2027-Q1,2027-01-04,2027-03-31,14,7\r\n");
  CHECK(TemplateSheetCsv(sheets[1]).rfind(
            "\xEF\xBB\xBF"
            "Email,Name,Unit,Manager,Time Zone,1:1 Day,1:1 Time,1:1 Minutes,"
            "1:1 Every (Weeks)\r\n",
            0) == 0);
  CHECK(TemplateSheetCsv(sheets[2]).rfind(
            "\xEF\xBB\xBF"
            "Unit ID,Name,Parent,Level,Lead,Review Day,Review Time,"
            "Review Minutes,Review Every (Weeks)\r\n",
            0) == 0);
  Organisation with = testing::SmallOrganisation();
  with.people[0].one_on_one = {.weekday = 1, .start_minute = 870,
                               .length_minutes = 45, .interval_weeks = 2};
  const std::string people = TemplateSheetCsv(BuildTemplateSheets(with, "")[1]);
  CHECK(people.find(",Tuesday,14:30,45,2\r\n") != std::string::npos);
  const auto& okrs = sheets[0].rows;
  REQUIRE(okrs.size() == 4);
  CHECK(okrs[0][0].text == "Cycle");
  CHECK(okrs[0].back().text == "Confidence");
  CHECK(okrs[1][2].text == "Win the mid-market");  // Repeated on each row.
  CHECK(okrs[2][2].text == "Ship a platform people trust");
  CHECK(okrs[3][2].text == "Ship a platform people trust");
  CHECK(okrs[2][8].text == "kr-co-1-1");  // Parent: a KR, by its key.
}

// --- XLSX, read back with okrd's own reader -----------------------------

std::vector<ExportSheet> SheetsFromRecording(
    const testing::RecordingSink& sink) {
  std::vector<ExportSheet> sheets;
  for (const testing::RecordedSheet& recorded : sink.sheets) {
    ExportSheet out;
    out.name = recorded.info.name;
    out.kind = TemplateSheetFromName(out.name).value_or(TemplateSheet::kOkrs);
    for (const auto& [row, cells] : recorded.rows) {
      const auto r = static_cast<size_t>(row - 1);
      if (out.rows.size() <= r) out.rows.resize(r + 1);
      out.rows[r] = cells;
    }
    for (auto& row : out.rows) row.resize(out.rows[0].size());
    sheets.push_back(std::move(out));
  }
  return sheets;
}

std::vector<ExportSheet> ReadBack(const std::string& bytes) {
  testing::RecordingSink sink;
  XlsxOptions options;
  options.file_name = "plan.xlsx";
  const Status status = ReadXlsx(bytes, options, Limits(), &sink);
  INFO(status.ToString());
  REQUIRE(status.ok());
  CHECK(sink.violations.empty());
  return SheetsFromRecording(sink);
}

MappedWorkbook MapXlsxBytes(const std::string& bytes) {
  WorkbookMapper mapper(testing::XlsxOptions("plan.xlsx"));
  XlsxOptions options;
  options.file_name = "plan.xlsx";
  REQUIRE(ReadXlsx(bytes, options, Limits(), &mapper).ok());
  return mapper.Finish();
}

void CheckXlsxReaderRoundTrip(const Organisation& org) {
  const std::vector<ExportSheet> sheets = BuildTemplateSheets(org, "");
  Result<std::string> bytes = TemplateXlsxBytes(sheets);
  REQUIRE(bytes.ok());
  const std::vector<ExportSheet> read = ReadBack(*bytes);
  CHECK(SameSheets(read, sheets));
  const MappedWorkbook m = MapXlsxBytes(*bytes);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  Organisation expected = org;
  for (CheckIn& c : expected.check_ins) c.id = 0;
  CHECK(m.org == expected);
  Result<std::string> again = TemplateXlsxBytes(BuildTemplateSheets(m.org, ""));
  REQUIRE(again.ok());
  CHECK(SameSheets(ReadBack(*again), read));  // Cell-identical.
}

TEST_CASE("XLSX export -> ReadXlsx -> map -> export is cell-identical",
          "[round_trip][xlsx]") {
  REQUIRE(HasCadenceOverrides(MakeExampleOrganisation(kToday)));
  CheckXlsxReaderRoundTrip(testing::SmallOrganisation());
  CheckXlsxReaderRoundTrip(MakeExampleOrganisation(kToday));
}

// --- XLSX, read back with openpyxl (an independent reader) --------------

const char* kPython = "/usr/bin/python3";

bool HaveOpenpyxl() {
  const testing::ProcessResult r =
      testing::RunProcess({kPython, "-c", "import openpyxl"});
  return r.exit_code == 0;
}

json DumpXlsx(const std::string& path) {
  const std::string script =
      std::string(OKR_SOURCE_DIR) + "/tests/importers/template/dump_xlsx.py";
  const testing::ProcessResult r = testing::RunProcess({kPython, script, path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

Cell CellFromDump(const json& entry) {
  const std::string type = entry.at(1).get<std::string>();
  const json& value = entry.at(2);
  if (type == "n") return Cell{CellType::kNumber, "", value.get<double>()};
  if (type == "b")
    return Cell{CellType::kBool, "", value.get<bool>() ? 1.0 : 0};
  if (type == "d") return Cell{CellType::kDate, value.get<std::string>(), 0};
  if (type == "dt") {
    return Cell{CellType::kDateTime, value.get<std::string>(), 0};
  }
  if (type == "t") return Cell{CellType::kTime, value.get<std::string>(), 0};
  return Cell::String(value.get<std::string>());
}

// The dumped workbook as export sheets (rows padded to the header width).
std::vector<ExportSheet> SheetsFromDump(const json& dump) {
  std::vector<ExportSheet> sheets;
  for (const json& sheet : dump.at("sheets")) {
    ExportSheet out;
    out.name = sheet.at("name").get<std::string>();
    out.kind = TemplateSheetFromName(out.name).value_or(TemplateSheet::kOkrs);
    for (const json& entry : sheet.at("cells")) {
      const auto pos = ParseCellRef(entry.at(0).get<std::string>());
      REQUIRE(pos);
      const auto r = static_cast<size_t>(pos->row - 1);
      const auto c = static_cast<size_t>(pos->col0);
      if (out.rows.size() <= r) out.rows.resize(r + 1);
      if (out.rows[r].size() <= c) out.rows[r].resize(c + 1);
      out.rows[r][c] = CellFromDump(entry);
    }
    for (auto& row : out.rows) row.resize(out.rows[0].size());
    sheets.push_back(std::move(out));
  }
  return sheets;
}

MappedWorkbook MapExportSheets(const std::vector<ExportSheet>& sheets) {
  WorkbookMapper mapper(testing::XlsxOptions("plan.xlsx"));
  int index = 0;
  for (const ExportSheet& sheet : sheets) {
    REQUIRE(mapper.BeginSheet({sheet.name, "visible", index++}).ok());
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      std::vector<Cell> cells = sheet.rows[r];
      while (!cells.empty() && cells.back().empty()) cells.pop_back();
      if (!cells.empty()) {
        REQUIRE(mapper.Row(static_cast<int64_t>(r) + 1, cells).ok());
      }
    }
    REQUIRE(mapper.EndSheet().ok());
  }
  return mapper.Finish();
}

void CheckXlsxRoundTrip(const Organisation& org) {
  const std::vector<ExportSheet> sheets = BuildTemplateSheets(org, "");
  testing::TempDir dir;
  const std::string path = dir.File("plan.xlsx");
  REQUIRE(WriteTemplateXlsxFile(sheets, path).ok());
  const json dump = DumpXlsx(path);
  for (const json& sheet : dump.at("sheets")) {
    CHECK(sheet.at("freeze").get<std::string>() == "A2");
    CHECK(sheet.at("bold_a1").get<bool>());
  }
  const std::vector<ExportSheet> read = SheetsFromDump(dump);
  CHECK(SameSheets(read, sheets));  // Cell-identical.
  const MappedWorkbook m = MapExportSheets(read);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  Organisation expected = org;
  for (CheckIn& c : expected.check_ins) c.id = 0;
  CHECK(m.org == expected);
  // Export again: the same cells.
  CHECK(SameSheets(BuildTemplateSheets(m.org, ""), sheets));
  Result<std::string> bytes = TemplateXlsxBytes(sheets);
  REQUIRE(bytes.ok());
  CHECK(bytes->substr(0, 2) == "PK");
}

TEST_CASE("XLSX export reads back cell for cell and maps losslessly",
          "[round_trip][xlsx]") {
  if (!HaveOpenpyxl()) {
    WARN("python3-openpyxl is not installed; XLSX round trip skipped");
    return;
  }
  CheckXlsxRoundTrip(testing::SmallOrganisation());
  CheckXlsxRoundTrip(MakeExampleOrganisation(kToday));
}

}  // namespace
}  // namespace okr
