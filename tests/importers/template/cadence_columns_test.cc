// Copyright 2026 The okrd Authors.
//
// The cadence columns of the People and Units sheets: found by canonical
// header and synonyms, values read from text, number and time cells, and
// every bad value reported at its cell.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/template/workbook_mapper.h"
#include "tests/importers/template/mapper_test_util.h"

namespace okr {
namespace {

using testing::E;
using testing::Lines;
using testing::MapSheets;
using testing::N;
using testing::S;
using testing::Strings;
using testing::TestSheet;
using testing::XlsxOptions;

using L = std::vector<std::string>;

const TestSheet kOkrs{"OKRs",
                      Strings({{"Cycle", "Objective", "Key Result"},
                               {"2027-Q1", "Grow", "A"}}),
                      "visible", 1};

TEST_CASE("People and Units cadence columns, by synonyms", "[template]") {
  const TestSheet people{
      "People",
      {{S("E-mail"), S("Manager"), S("One-on-one day"), S("1:1 start"),
        S("One-on-one duration"), S("1on1 every (weeks)")},
       {S("ana@acme.test"), E(), E(), E(), E(), E()},
       {S("ben@acme.test"), S("ana@acme.test"), S("Tue"), S("14:30"),
        S("45 min"), N(2)},
       {S("cy@acme.test"), S("ana@acme.test"), S("thursday"),
        Cell{CellType::kTime, "09:00:00", 0}, N(15), E()},
       {S("di@acme.test"), S("ana@acme.test"), E(),
        N(0.4375), E(), S("1 week")}},
      "visible", 1};
  const TestSheet units{"Teams",
                        Strings({{"Key", "Name", "Team review day",
                                  "Review start time", "Review length",
                                  "Review interval"},
                                 {"acme", "Acme", "", "", "", ""},
                                 {"core", "Core", "WED", "10:00", "60", "3"}}),
                        "visible", 1};
  const MappedWorkbook m = MapSheets({kOkrs, people, units}, XlsxOptions());
  INFO(testing::AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.people.size() == 4);
  CHECK(m.org.people[0].one_on_one.empty());
  CHECK(m.org.people[1].one_on_one ==
        CadenceOverride{.weekday = 1, .start_minute = 870,
                        .length_minutes = 45, .interval_weeks = 2});
  CHECK(m.org.people[2].one_on_one ==
        CadenceOverride{.weekday = 3, .start_minute = 540,
                        .length_minutes = 15});
  CHECK(m.org.people[3].one_on_one ==
        CadenceOverride{.start_minute = 630, .interval_weeks = 1});
  REQUIRE(m.org.units.size() == 2);
  CHECK(m.org.units[0].review.empty());
  CHECK(m.org.units[1].review ==
        CadenceOverride{.weekday = 2, .start_minute = 600,
                        .length_minutes = 60, .interval_weeks = 3});
}

TEST_CASE("Bad cadence values are errors at their cells", "[template]") {
  const TestSheet people{
      "People",
      Strings({{"Email", "1:1 Day", "1:1 Time", "1:1 Minutes",
                "1:1 Every (Weeks)"},
               {"ana@acme.test", "Funday", "24:00", "300", "0"},
               {"ben@acme.test", "Mo", "2pm", "4", "2.5"},
               {"cy@acme.test", "Fri", "9:30", "45 EUR", "9"}}),
      "visible", 1};
  const TestSheet units{"Units",
                        Strings({{"Unit ID", "Name", "Review Day",
                                  "Review Time", "Review Minutes",
                                  "Review Every (Weeks)"},
                                 {"acme", "Acme", "someday", "", "241", ""}}),
                        "visible", 1};
  const MappedWorkbook m = MapSheets({kOkrs, people, units}, XlsxOptions());
  CHECK(Lines(m) ==
        L{"plan.xlsx:Units!C2: error: review day \"someday\" is not a day of "
          "the week (Monday..Sunday, Mon..Sun)",
          "plan.xlsx:Units!E2: error: review length \"241\" is not a whole "
          "number of minutes from 5 to 240",
          "plan.xlsx:People!B2: error: one-on-one day \"Funday\" is not a day "
          "of the week (Monday..Sunday, Mon..Sun)",
          "plan.xlsx:People!C2: error: one-on-one time \"24:00\" is not a "
          "time of day (00:00..23:59)",
          "plan.xlsx:People!D2: error: one-on-one length \"300\" is not a "
          "whole number of minutes from 5 to 240",
          "plan.xlsx:People!E2: error: one-on-one interval \"0\" is not a "
          "whole number of weeks from 1 to 8",
          "plan.xlsx:People!B3: error: one-on-one day \"Mo\" is not a day "
          "of the week (Monday..Sunday, Mon..Sun)",
          "plan.xlsx:People!C3: error: one-on-one time \"2pm\" is not a "
          "time of day (00:00..23:59)",
          "plan.xlsx:People!D3: error: one-on-one length \"4\" is not a "
          "whole number of minutes from 5 to 240",
          "plan.xlsx:People!E3: error: one-on-one interval \"2.5\" is not a "
          "whole number of weeks from 1 to 8",
          "plan.xlsx:People!D4: error: one-on-one length \"45 EUR\" is not "
          "a whole number of minutes from 5 to 240",
          "plan.xlsx:People!E4: error: one-on-one interval \"9\" is not a "
          "whole number of weeks from 1 to 8"});
  CHECK(m.has_errors());
}

}  // namespace
}  // namespace okr
