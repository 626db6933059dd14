// Copyright 2026 The okrd Authors.
//
// Every error and warning of the mapper, with its exact location text, for
// CSV (line:column) and sheet (Sheet!A1) locations; and that mapping goes on
// after an error.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/template/workbook_mapper.h"
#include "tests/importers/template/mapper_test_util.h"

namespace okr {
namespace {

using testing::CsvOptionsFor;
using testing::D;
using testing::E;
using testing::Lines;
using testing::MapCsvText;
using testing::MapSheets;
using testing::N;
using testing::S;
using testing::Strings;
using testing::TestSheet;
using testing::XlsxOptions;

using L = std::vector<std::string>;

TEST_CASE("The issue's example: a target that is not a number", "[errors]") {
  // Target in column D, row 7, on a sheet called Objectives.
  const TestSheet sheet{"Objectives",
                        Strings({{"Team OKRs"},
                                 {},
                                 {"Cycle", "Objective", "Key Result", "Target"},
                                 {"2027-Q1", "Grow", "A", "10"},
                                 {"", "", "B", "20"},
                                 {"", "", "C", "30"},
                                 {"", "", "D", "abc"}}),
                        "visible", 1};
  const MappedWorkbook m = MapSheets({sheet}, XlsxOptions());
  CHECK(Lines(m) == L{"plan.xlsx:Objectives!D7: error: target \"abc\" is "
                      "not a number"});
  CHECK(m.has_errors());
  CHECK(m.error_count == 1);
  CHECK(m.org.key_results.size() == 4);  // The row is kept; target 0.
}

TEST_CASE("CSV locations are record:field", "[errors]") {
  const std::string csv =
      "Cycle,Objective,Key Result,Start,Target,Current,Due,Confidence\r\n"
      "2027-Q1,Grow,A,1,x1,2,2027-13-01,great\r\n"
      "2027-Q1,Grow,B,yes,5,,03/04/2027,120%\r\n";
  const MappedWorkbook m = MapCsvText(csv, CsvOptionsFor());
  CHECK(Lines(m) ==
        L{"plan.csv:2:5: error: target \"x1\" is not a number",
          "plan.csv:2:7: error: due date \"2027-13-01\" is not a date",
          "plan.csv:2:8: error: confidence \"great\" is not a confidence "
          "(0..1, 0..10, a percent or on track / at risk / off track)",
          "plan.csv:3:4: error: start \"yes\" is not a number",
          "plan.csv:3:7: error: due date \"03/04/2027\" could be d/m/y or "
          "m/d/y; give the date order",
          "plan.csv:3:8: error: confidence \"120%\" is not a confidence "
          "(0..1, 0..10, a percent or on track / at risk / off track)"});
  CHECK(m.error_count == 6);
}

TEST_CASE("The date order settles d/m/y strings", "[errors]") {
  const std::string csv =
      "Cycle,Objective,Key Result,Target,Due\r\n"
      "2027-Q1,Grow,A,1,03/04/2027\r\n"
      "2027-Q1,Grow,B,1,31/12/2027\r\n";
  MapOptions options = CsvOptionsFor();
  options.date_order = DateOrder::kMdy;
  const MappedWorkbook m = MapCsvText(csv, options);
  CHECK(Lines(m) == L{"plan.csv:3:5: error: due date \"31/12/2027\" is not a "
                      "date (the date order is m/d/y)"});
  CHECK(m.org.key_results[0].due == Date{2027, 3, 4});
}

TEST_CASE("Structure errors of the OKRs sheet", "[errors]") {
  const TestSheet sheet{
      "OKRs",
      {{S("Cycle"), S("Objective ID"), S("Objective"), S("KR ID"),
        S("Key Result"), S("Kind"), S("Level"), S("Weight"), S("Score"),
        S("Commitment"), S("Target")},
       {S("2027-Q1"), E(), E(), E(), S("Orphan"), E(), E(), E(), E(), E(),
        N(1)},
       {S("2027-Q1"), S("o1"), S("Grow"), S("k1"), S("A"), S("sideways"),
        S("tribe"), N(-1), S("2"), S("maybe"), N(1)},
       {S("2027-Q1"), S("o1"), S("Grow"), S("k1"), S("B"), E(), E(), E(), E(),
        E(), N(1)},
       {S("2027-Q1"), S("o2"), E(), S("k2"), E(), E(), E(), E(), E(), E(),
        N(1)},
       {S("2027-Q1"), S("o1"), S("Grow"), E(), S("A"), E(), E(), S("1.5x"), E(),
        E(), E()},
       {S("2027-Q1"), S("o1"), S("Grow"), E(), S("A"), E(), E(), E(), E(), E(),
        N(1)},
       {E(), E(), E(), E(), E(), E(), E(), N(3)}}};
  const MappedWorkbook m = MapSheets({sheet}, XlsxOptions());
  CHECK(Lines(m) ==
        L{"plan.xlsx:OKRs!E2: error: key result \"Orphan\" has no objective: "
          "its objective cell is blank and no objective is above it",
          "plan.xlsx:OKRs!G3: error: level \"tribe\" is not company, "
          "department, team or individual",
          "plan.xlsx:OKRs!J3: error: commitment \"maybe\" is not committed "
          "or aspirational",
          "plan.xlsx:OKRs!I3: error: score \"2\" is not a score between 0 "
          "and 1",
          "plan.xlsx:OKRs!F3: error: kind \"sideways\" is not increase, "
          "decrease, stay above, stay below or milestone",
          "plan.xlsx:OKRs!H3: error: weight \"-1\" must not be negative",
          "plan.xlsx:OKRs!D4: error: KR ID \"k1\" is used twice (first at "
          "plan.xlsx:OKRs!E3)",
          "plan.xlsx:OKRs!C5: error: objective \"o2\" has no title",
          "plan.xlsx:OKRs!E5: error: key result \"k2\" has no title",
          "plan.xlsx:OKRs!K6: error: key result \"A\" has no target",
          "plan.xlsx:OKRs!H6: error: weight \"1.5x\" is not a number",
          "plan.xlsx:OKRs!E7: warning: key result \"A\" appears twice in its "
          "objective (first at plan.xlsx:OKRs!E6)",
          "plan.xlsx:OKRs!C8: warning: row has neither an objective nor a "
          "key result; ignored"});
}

TEST_CASE("Errors of the People, Units and Cycles sheets", "[errors]") {
  const std::vector<TestSheet> sheets = {
      {"OKRs",
       Strings({{"Cycle", "Objective", "Key Result"}, {"Q1", "Grow", "A"}})},
      {"Units", Strings({{"Unit ID", "Name", "Parent", "Level", "Lead"},
                         {"co", "Acme", "", "", ""},
                         {"", "", "co", "", ""},
                         {"eng", "Engineering", "Nowhere", "individual", "Sam"},
                         {"co", "Again", "", "", ""}})},
      {"People", Strings({{"Email", "Name", "Manager"},
                          {"not-an-email", "X", ""},
                          {"", "Nobody", ""},
                          {"sam@x.test", "Sam", ""},
                          {"sam2@x.test", "Sam", ""},
                          {"SAM@x.test", "Dup", ""}})},
      {"Cycles",
       {{S("Cycle"), S("Start"), S("End"), S("Retrospective days")},
        {S("Q1"), D("2027-01-04"), S("soon"), N(7.5)},
        {S("Q2"), E(), D("2027-06-30"), E()},
        {E(), D("2027-01-01"), D("2027-02-01"), E()},
        {S("q1"), D("2027-01-04"), D("2027-03-31"), E()},
        {S("Q1"), D("2027-01-04"), D("2027-03-31"), E()}}},
  };
  const MappedWorkbook m = MapSheets(sheets, XlsxOptions());
  CHECK(Lines(m) ==
        L{"plan.xlsx:Units!B3: error: unit has no name or ID",
          "plan.xlsx:Units!D4: error: level \"individual\" is not company, "
          "department or team",
          "plan.xlsx:Units!A5: error: unit ID \"co\" is used twice (first at "
          "plan.xlsx:Units!A2)",
          "plan.xlsx:People!A2: error: e-mail \"not-an-email\" is not an "
          "e-mail address",
          "plan.xlsx:People!A3: error: person has no e-mail",
          "plan.xlsx:People!A6: error: person \"sam@x.test\" is listed twice "
          "(first at plan.xlsx:People!A4)",
          "plan.xlsx:Units!C4: error: parent unit \"Nowhere\" is not in the "
          "Units sheet",
          "plan.xlsx:Units!E4: error: lead \"Sam\" matches 2 people in the "
          "People sheet; give the e-mail",
          "plan.xlsx:Cycles!C2: error: end \"soon\" is not a date",
          "plan.xlsx:Cycles!D2: error: retrospective days \"7.5\" is not a "
          "whole number of days",
          "plan.xlsx:Cycles!B3: error: cycle \"Q2\" has no start date",
          "plan.xlsx:Cycles!A4: error: cycle has no name",
          "plan.xlsx:Cycles!A6: error: cycle \"Q1\" is listed twice (first "
          "at plan.xlsx:Cycles!A5)"});
}

TEST_CASE("Errors of the Check-ins sheet", "[errors]") {
  const std::vector<TestSheet> sheets = {
      {"OKRs", Strings({{"Cycle", "Objective", "KR ID", "Key Result"},
                        {"2027-Q1", "Grow", "k1", "Sell more"}})},
      {"Check-ins",
       {{S("KR ID"), S("Objective ID"), S("Time (UTC)"), S("Value"),
         S("Confidence")},
        {S("k1"), E(), S("2027-01-15 10:00:00"), S("lots"), E()},
        {S("No such KR"), E(), S("2027-01-15"), E(), E()},
        {S("k9"), E(), S("2027-01-15"), E(), E()},
        {E(), E(), S("2027-01-15"), N(1), E()},
        {E(), S("Grow"), E(), E(), E()},
        {S("Sell more"), E(), S("someday"), E(), E()},
        {S("k1"), E(), S("2027-01-16"), S("done"), S("high")}}},
  };
  const MappedWorkbook m = MapSheets(sheets, XlsxOptions());
  CHECK(Lines(m) ==
        L{"plan.xlsx:'Check-ins'!D2: error: value \"lots\" is not a number",
          "plan.xlsx:'Check-ins'!A3: error: no key result \"No such KR\" in "
          "this file",
          "plan.xlsx:'Check-ins'!A4: warning: key result \"k9\" is not in "
          "this file; it must exist already",
          "plan.xlsx:'Check-ins'!A5: error: check-in names no key result or "
          "objective",
          "plan.xlsx:'Check-ins'!C6: error: check-in has no time",
          "plan.xlsx:'Check-ins'!C7: error: time \"someday\" is not a time "
          "(expected YYYY-MM-DD HH:MM:SS, UTC)"});
  REQUIRE(m.org.check_ins.size() == 2);
  CHECK(m.org.check_ins[0].target_key == "k9");
  CHECK(m.org.check_ins[1].value == 1);
  CHECK(m.org.check_ins[1].confidence == 0.8);
}

TEST_CASE("Unknown and repeated columns are reported on the header",
          "[errors]") {
  const TestSheet sheet{
      "OKRs", Strings({{"Cycle", "Objective", "Progress", "Key Result", "Owner",
                        "Responsible"},
                       {"2027-Q1", "Grow", "50%", "A", "a@x.test", "b@x"}})};
  const MappedWorkbook m = MapSheets({sheet}, XlsxOptions());
  CHECK(Lines(m) ==
        L{"plan.xlsx:OKRs!C1: warning: column \"Progress\" is not part of "
          "the okrd template; ignored",
          "plan.xlsx:OKRs!F1: warning: a second objective owner column; "
          "ignored"});
}

TEST_CASE("Named sheets without a header row", "[errors]") {
  const std::vector<TestSheet> sheets = {
      {"OKRs", Strings({{"Name", "Value"}})},
      {"People", Strings({{"Who", "Where"}})},
  };
  const MappedWorkbook m = MapSheets(sheets, XlsxOptions());
  CHECK(Lines(m) ==
        L{"plan.xlsx:OKRs!A1: error: sheet \"OKRs\" has no header row with "
          "an Objective or Key Result column in its first 30 rows; skipped",
          "plan.xlsx:People!A1: warning: sheet \"People\" has no header row "
          "with an Email column in its first 30 rows; skipped",
          "plan.xlsx: error: no OKRs sheet: no sheet has a header row with an "
          "Objective or Key Result column"});
}

TEST_CASE("Diagnostics stop at the maximum but are all counted", "[errors]") {
  std::vector<std::vector<std::string>> rows = {
      {"Cycle", "Objective", "Key Result", "Target"}};
  for (int i = 0; i < 10; ++i) {
    rows.push_back({"2027-Q1", "Grow", "KR " + std::to_string(i), "bad"});
  }
  MapOptions options = XlsxOptions();
  options.max_diagnostics = 4;
  const MappedWorkbook m = MapSheets({{"OKRs", Strings(rows)}}, options);
  CHECK(m.error_count == 10);
  REQUIRE(m.diagnostics.size() == 5);
  CHECK(m.diagnostics[3].ToString() ==
        "plan.xlsx:OKRs!D5: error: target \"bad\" is not a number");
  CHECK(m.diagnostics[4].ToString() ==
        "warning: 6 more problems not shown (10 errors and 0 warnings in "
        "all)");
  CHECK(m.org.key_results.size() == 10);
}

TEST_CASE("Companion CSV files report their own file names", "[errors]") {
  WorkbookMapper mapper(CsvOptionsFor("plan.csv"));
  const std::string okrs = "Cycle,Objective,Key Result\r\n2027-Q1,Grow,A\r\n";
  const std::string people = "Email,Name\r\nana@x.test,Ana\r\nbad,Bad\r\n";
  CsvOptions options;
  options.file_name = "plan.csv";
  REQUIRE(ReadCsv(okrs, options, Limits(), &mapper).ok());
  options.file_name = "plan.people.csv";
  mapper.SetFileName(options.file_name);
  REQUIRE(ReadCsv(people, options, Limits(), &mapper).ok());
  const MappedWorkbook m = mapper.Finish();
  CHECK(Lines(m) == L{"plan.people.csv:3:1: error: e-mail \"bad\" is not an "
                      "e-mail address"});
  CHECK(m.org.people.size() == 1);
  CHECK(m.org.objectives.size() == 1);
}

}  // namespace
}  // namespace okr
