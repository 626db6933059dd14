// Copyright 2026 The okrd Authors.
//
// WorkbookMapper on the layouts people use: which sheets count, where the
// header is, how objectives span rows, keys and links.

#include "importers/template/workbook_mapper.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/csv/csv_reader.h"
#include "tests/importers/template/mapper_test_util.h"

namespace okr {
namespace {

using testing::AllLines;
using testing::KrKeysFromFile;
using testing::ObjectiveKeysFromFile;
using testing::CsvOptionsFor;
using testing::E;
using testing::Lines;
using testing::MapCsvText;
using testing::MapSheets;
using testing::N;
using testing::S;
using testing::Strings;
using testing::TestSheet;
using testing::XlsxOptions;

const Objective& Obj(const MappedWorkbook& m, size_t i) {
  REQUIRE(m.org.objectives.size() > i);
  return m.org.objectives[i];
}

const KeyResult& Kr(const MappedWorkbook& m, size_t i) {
  REQUIRE(m.org.key_results.size() > i);
  return m.org.key_results[i];
}

TEST_CASE("The okrd template maps every field", "[mapper]") {
  const std::string csv =
      "Cycle,Objective ID,Objective,Description,Level,Unit,Objective Owner,"
      "Commitment,Parent,Supports,Score,Score Reason,KR ID,Key Result,"
      "KR Owner,Kind,Start,Target,Current,Unit of Measure,Weight,Due,"
      "Confidence\r\n"
      "2027-Q1,o-1,Grow revenue,Why it matters,company,acme,ceo@acme.test,"
      "committed,,,,,kr-1,Reach 12M ARR,cfo@acme.test,increase,8400000,"
      "12000000,9000000,EUR,2,2027-03-31,0.7\r\n"
      "2027-Q1,o-2,Ship faster,,team,eng,Lead@Acme.test,aspirational,kr-1,"
      "o-1,0.6,Scope cut,kr-2,Cut lead time,,decrease,9,3,7,days,1,,"
      "at risk\r\n";
  const MappedWorkbook m = MapCsvText(csv, CsvOptionsFor());
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.objectives.size() == 2);
  const Objective& o1 = Obj(m, 0);
  CHECK(o1.key == "o-1");
  CHECK(o1.title == "Grow revenue");
  CHECK(o1.description == "Why it matters");
  CHECK(o1.level == Level::kCompany);
  CHECK(o1.unit_key == "acme");
  CHECK(o1.owner_email == "ceo@acme.test");
  CHECK(o1.cycle == "2027-Q1");
  CHECK(o1.committed);
  const Objective& o2 = Obj(m, 1);
  CHECK(o2.owner_email == "lead@acme.test");
  CHECK_FALSE(o2.committed);
  CHECK(o2.parent == LinkTarget{TargetKind::kKeyResult, "kr-1"});
  CHECK(o2.supports ==
        std::vector<LinkTarget>{{TargetKind::kObjective, "o-1"}});
  CHECK(o2.score_override == 0.6);
  CHECK(o2.score_reason == "Scope cut");
  const KeyResult& k1 = Kr(m, 0);
  CHECK(k1.key == "kr-1");
  CHECK(k1.objective_key == "o-1");
  CHECK(k1.owner_email == "cfo@acme.test");
  CHECK(k1.kind == KrKind::kIncrease);
  CHECK(k1.start == 8400000);
  CHECK(k1.target == 12000000);
  CHECK(k1.current == 9000000);
  CHECK(k1.unit == "EUR");
  CHECK(k1.weight == 2);
  CHECK(k1.due == Date{2027, 3, 31});
  const KeyResult& k2 = Kr(m, 1);
  CHECK(k2.kind == KrKind::kDecrease);
  CHECK(k2.owner_email == "");
  CHECK_FALSE(k2.due);
  CHECK(m.kr_confidence.at("kr-1") == 0.7);
  CHECK(m.kr_confidence.at("kr-2") == 0.5);
  CHECK(ObjectiveKeysFromFile(m) == std::set<std::string>{"o-1", "o-2"});
  CHECK(KrKeysFromFile(m) == std::set<std::string>{"kr-1", "kr-2"});
  const SubjectLocator where(m.org, m.where);
  CHECK(where.Find("objective:o-2") == "plan.csv:3:3");
  CHECK(where.Find("kr:kr-1") == "plan.csv:2:14");
  CHECK(m.derived_units == std::set<std::string>{"acme", "eng"});
  CHECK(m.derived_cycles == std::set<std::string>{"2027-Q1"});
  REQUIRE(m.org.cycles.size() == 1);
  CHECK(m.org.cycles[0].start == Date{2027, 1, 1});
  CHECK(m.org.check_ins.empty());
}

TEST_CASE("Header below title rows, synonyms, objective repeated", "[mapper]") {
  const TestSheet sheet{
      "Plan", Strings({{"ACME OKRs", "", ""},
                       {"Quarter: Q1 2027"},
                       {},
                       {"Quarter", "Goal", "KR", "Responsible", "Department",
                        "Baseline", "Target", "Actual", "Deadline"},
                       {"Q1 2027", "Grow", "Win 10 clinics", "ana@x.test",
                        "Sales", "2", "10", "4", "31/03/2027"},
                       {"Q1 2027", "Grow", "Raise NPS", "bo@x.test", "Sales",
                        "30", "50", "35", ""}})};
  const MappedWorkbook m = MapSheets({sheet}, XlsxOptions());
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.objectives.size() == 1);
  const Objective& o = Obj(m, 0);
  CHECK(o.title == "Grow");
  CHECK(o.cycle == "Q1 2027");
  CHECK(o.unit_key == "sales");
  CHECK(o.level == Level::kTeam);
  // No KR Owner column: Owner is the KR's owner; the objective's is the
  // first row's.
  CHECK(o.owner_email == "ana@x.test");
  REQUIRE(m.org.key_results.size() == 2);
  CHECK(Kr(m, 0).owner_email == "ana@x.test");
  CHECK(Kr(m, 1).owner_email == "bo@x.test");
  CHECK(Kr(m, 0).due == Date{2027, 3, 31});
  CHECK(Kr(m, 1).current == 35);
  REQUIRE(m.org.units.size() == 1);
  CHECK(m.org.units[0].name == "Sales");
  REQUIRE(m.org.cycles.size() == 1);
  CHECK(m.org.cycles[0].name == "Q1 2027");
  CHECK(m.org.cycles[0].end == Date{2027, 3, 31});
  CHECK(SubjectLocator(m.org, m.where).Find("kr:" + Kr(m, 1).key) ==
        "plan.xlsx:Plan!C6");
}

TEST_CASE("Objective text only on its first KR row fills down", "[mapper]") {
  const TestSheet sheet{
      "OKRs", Strings({{"Cycle", "Team", "Objective", "Key result", "Target"},
                       {"2027-Q1", "Sales", "Grow", "A", "10"},
                       {"", "", "", "B", "20"},
                       {"", "", "", "C", "30"},
                       {"", "", "Keep customers", "D", "5"},
                       {"", "Support", "Answer fast", "E", "1"}})};
  const MappedWorkbook m = MapSheets({sheet}, XlsxOptions());
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.objectives.size() == 3);
  CHECK(Obj(m, 1).cycle == "2027-Q1");
  CHECK(Obj(m, 1).unit_key == "sales");  // Blank unit cell fills down.
  CHECK(Obj(m, 2).unit_key == "support");
  REQUIRE(m.org.key_results.size() == 5);
  CHECK(Kr(m, 2).objective_key == Obj(m, 0).key);
  CHECK(Kr(m, 3).objective_key == Obj(m, 1).key);
}

TEST_CASE("Objective on its own row, KRs below with a bare ID column",
          "[mapper]") {
  const TestSheet sheet{
      "OKRs", Strings({{"ID", "Objective", "Key result", "Owner", "Target"},
                       {"O1", "Grow", "", "ana@x.test", ""},
                       {"K1", "", "A", "bo@x.test", "10"},
                       {"K2", "", "B", "", "20"},
                       {"O2", "Keep", "", "cy@x.test", ""},
                       {"K3", "", "C", "", "5"}})};
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets({sheet}, options);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.objectives.size() == 2);
  CHECK(Obj(m, 0).key == "O1");
  CHECK(Obj(m, 0).owner_email == "ana@x.test");
  CHECK(Obj(m, 0).level == Level::kIndividual);
  CHECK(Obj(m, 1).key == "O2");
  REQUIRE(m.org.key_results.size() == 3);
  CHECK(Kr(m, 0).key == "K1");
  CHECK(Kr(m, 0).owner_email == "bo@x.test");
  CHECK(Kr(m, 1).owner_email == "");
  CHECK(Kr(m, 2).objective_key == "O2");
  CHECK(KrKeysFromFile(m) == std::set<std::string>{"K1", "K2", "K3"});
}

TEST_CASE("A sheet per department: the sheet name is the unit", "[mapper]") {
  const auto rows = [](const char* title) {
    return Strings(
        {{"Objective", "Key Result", "Target"}, {title, "Do it", "1"}});
  };
  const std::vector<TestSheet> sheets = {
      {"Sales", rows("Sell more")},
      {"Customer Success", rows("Keep more")},
      {"Notes", Strings({{"Just some notes"}})},
      {"Old", rows("Hidden plan"), "hidden"},
  };
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets(sheets, options);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.objectives.size() == 2);
  CHECK(Obj(m, 0).unit_key == "sales");
  CHECK(Obj(m, 0).level == Level::kDepartment);
  CHECK(Obj(m, 1).unit_key == "customer-success");
  REQUIRE(m.org.units.size() == 2);
  CHECK(m.org.units[1].name == "Customer Success");
}

TEST_CASE("A sheet named OKRs wins, options.sheet picks one, even hidden",
          "[mapper]") {
  const auto rows = [](const char* title) {
    return Strings({{"Cycle", "Objective", "Key Result", "Target"},
                    {"2027-Q1", title, "Do it", "1"}});
  };
  const std::vector<TestSheet> sheets = {
      {"Draft", rows("Draft objective")},
      {"OKRs", rows("Real objective")},
      {"Archive", rows("Archived objective"), "hidden"},
  };
  const MappedWorkbook named = MapSheets(sheets, XlsxOptions());
  REQUIRE(named.org.objectives.size() == 1);
  CHECK(Obj(named, 0).title == "Real objective");
  MapOptions pick = XlsxOptions();
  pick.sheet = "archive";
  const MappedWorkbook picked = MapSheets(sheets, pick);
  REQUIRE(picked.org.objectives.size() == 1);
  CHECK(Obj(picked, 0).title == "Archived objective");
}

TEST_CASE("Hidden auxiliary sheets are ignored with a warning", "[mapper]") {
  const std::vector<TestSheet> sheets = {
      {"OKRs", Strings({{"Cycle", "Objective", "Key Result", "Target"},
                        {"2027-Q1", "Grow", "A", "1"}})},
      {"People", Strings({{"Email", "Name"}, {"a@x.test", "A"}}), "hidden"},
  };
  const MappedWorkbook m = MapSheets(sheets, XlsxOptions());
  CHECK(Lines(m) == std::vector<std::string>{
                        "plan.xlsx: warning: sheet \"People\" is hidden; "
                        "ignored"});
  CHECK(m.org.people.empty());
}

TEST_CASE("People, Units, Cycles and Check-ins sheets", "[mapper]") {
  const std::vector<TestSheet> sheets = {
      {"OKRs", Strings({{"Cycle", "Objective", "Unit", "Owner", "KR ID",
                         "Key Result", "KR Owner", "Target"},
                        {"Q1", "Grow", "Sales team", "Ana Silva", "k1", "Sell",
                         "Bo", "10"}})},
      {"Units", Strings({{"Unit ID", "Name", "Parent", "Lead"},
                         {"co", "Acme", "", "Ana Silva"},
                         {"sales", "Sales team", "Acme", "bo@x.test"}})},
      {"People",
       Strings({{"E-mail", "Name", "Team", "Reports to", "Time zone"},
                {"Ana@X.test", "Ana Silva", "co", "", "Europe/Lisbon"},
                {"bo@x.test", "Bo", "Sales team", "Ana Silva", "UTC"}})},
      {"Cycles",
       {{S("Cycle"), S("Start"), S("End"), S("Planning days")},
        {S("Q1"), testing::D("2027-01-04"), S("2027-03-31"), N(10)}}},
      {"Check-ins",
       {{S("KR"), S("Date"), S("By"), S("Value"), S("Confidence"),
         S("Blockers"), S("Source")},
        {S("Sell"), testing::D("2027-01-15"), S("Bo"), N(3), S("70%"),
         S("none"), E()}}},
  };
  const MappedWorkbook m = MapSheets(sheets, XlsxOptions());
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.units.size() == 2);
  CHECK(m.org.units[0].level == Level::kCompany);
  CHECK(m.org.units[0].lead_email == "ana@x.test");
  CHECK(m.org.units[1].parent_key == "co");
  CHECK(m.org.units[1].level == Level::kDepartment);
  REQUIRE(m.org.people.size() == 2);
  CHECK(m.org.people[0].email == "ana@x.test");
  CHECK(m.org.people[1].unit_key == "sales");
  CHECK(m.org.people[1].manager_email == "ana@x.test");
  REQUIRE(m.org.cycles.size() == 1);
  CHECK(m.org.cycles[0].planning_days == 10);
  CHECK(m.org.cycles[0].retrospective_days == 7);
  CHECK(Obj(m, 0).cycle == "Q1");
  CHECK(Obj(m, 0).unit_key == "sales");
  CHECK(Obj(m, 0).level == Level::kDepartment);
  CHECK(Obj(m, 0).owner_email == "ana@x.test");
  CHECK(Kr(m, 0).owner_email == "bo@x.test");
  REQUIRE(m.org.check_ins.size() == 1);
  const CheckIn& c = m.org.check_ins[0];
  CHECK(c.target_kind == TargetKind::kKeyResult);
  CHECK(c.target_key == "k1");
  CHECK(c.at == Date{2027, 1, 15}.ToUnixSeconds());
  CHECK(c.author_email == "bo@x.test");
  CHECK(c.value == 3);
  CHECK(c.confidence == 0.7);
  CHECK(c.challenges == "none");
  CHECK(c.source == "import");
  const SubjectLocator where(m.org, m.where);
  CHECK(where.Find("checkin:0") == "plan.xlsx:'Check-ins'!B2");
  CHECK(where.Find("person:bo@x.test") == "plan.xlsx:People!A3");
}

TEST_CASE("Kinds are inferred when there is no Kind column", "[mapper]") {
  const TestSheet sheet{
      "OKRs",
      {{S("Objective"), S("Key Result"), S("Start"), S("Target"), S("Current")},
       {S("O"), S("down"), N(9), N(3), N(7)},
       {S("O"), S("up"), N(1), N(3), E()},
       {S("O"), S("ship"), E(), S("done"), S("no")},
       {S("O"), S("flag"), E(), E(), testing::B(true)},
       {S("O"), S("pct"), S("40%"), S("70%"), S("55 %")}}};
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets({sheet}, options);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.key_results.size() == 5);
  CHECK(Kr(m, 0).kind == KrKind::kDecrease);
  CHECK(Kr(m, 1).kind == KrKind::kIncrease);
  CHECK(Kr(m, 1).current == 1);  // Blank current is the start.
  CHECK(Kr(m, 2).kind == KrKind::kMilestone);
  CHECK(Kr(m, 2).start == 0);
  CHECK(Kr(m, 2).target == 1);
  CHECK(Kr(m, 2).current == 0);
  CHECK(Kr(m, 3).kind == KrKind::kMilestone);
  CHECK(Kr(m, 3).current == 1);
  CHECK(Kr(m, 4).start == 40);
  CHECK(Kr(m, 4).target == 70);
  CHECK(Kr(m, 4).unit == "%");
}

TEST_CASE("Kind synonyms, currencies and decimal commas", "[mapper]") {
  const std::string csv =
      "sep=;\r\n"
      "Objective;KR;Kind;Start;Target;Current;Weight\r\n"
      "O;uptime;at least;99,9;99,95;99,97;1,5\r\n"
      "O;spend;max;;1.200 \xE2\x82\xAC;900 \xE2\x82\xAC;\r\n"
      "O;launch;binary;;;yes;\r\n";
  MapOptions options = CsvOptionsFor();
  options.decimal_comma = true;
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapCsvText(csv, options);
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  REQUIRE(m.org.key_results.size() == 3);
  CHECK(Kr(m, 0).kind == KrKind::kStayAbove);
  CHECK(Kr(m, 0).start == 99.9);
  CHECK(Kr(m, 0).target == 99.95);
  CHECK(Kr(m, 0).weight == 1.5);
  CHECK(Kr(m, 1).kind == KrKind::kStayBelow);
  CHECK(Kr(m, 1).target == 1200);
  CHECK(Kr(m, 1).unit == "EUR");
  CHECK(Kr(m, 2).kind == KrKind::kMilestone);
  CHECK(Kr(m, 2).current == 1);
}

TEST_CASE("SetDecimalComma after reading applies to that file's sheets",
          "[mapper]") {
  MapOptions options = CsvOptionsFor("plan.csv");
  options.default_cycle = "2027-Q1";
  WorkbookMapper mapper(options);
  CsvOptions csv;
  csv.file_name = "plan.csv";
  CsvInfo info;
  REQUIRE(ReadCsv("Objective;Key Result;Target\r\nGrow;A;1,5\r\n", csv,
                  Limits(), &mapper, &info)
              .ok());
  mapper.SetDecimalComma(DecimalCommaForDelimiter(info.delimiter));
  csv.file_name = "plan.check-ins.csv";
  mapper.SetFileName(csv.file_name);
  REQUIRE(ReadCsv("KR,Time,Value\r\nA,2027-01-04,\"1,500\"\r\n", csv, Limits(),
                  &mapper, &info)
              .ok());
  mapper.SetDecimalComma(DecimalCommaForDelimiter(info.delimiter));
  const MappedWorkbook m = mapper.Finish();
  INFO(AllLines(m));
  CHECK(m.diagnostics.empty());
  CHECK(Kr(m, 0).target == 1.5);
  REQUIRE(m.org.check_ins.size() == 1);
  CHECK(m.org.check_ins[0].value == 1500);
}

TEST_CASE("Derived keys are deterministic and unique", "[mapper]") {
  const TestSheet sheet{
      "OKRs", Strings({{"Cycle", "Unit", "Objective", "Key Result", "Target"},
                       {"2027-Q1", "sales", "Grow revenue!", "A", "1"},
                       {"2027-Q1", "sales", "Grow revenue!", "B", "1"},
                       {"2027-Q1", "sales", "Grow  Revenue", "C", "1"},
                       {"2027-Q1", "support", "Grow revenue!", "D", "1"}})};
  const MappedWorkbook m = MapSheets({sheet}, XlsxOptions());
  INFO(AllLines(m));
  REQUIRE(m.org.objectives.size() == 2);
  CHECK(Obj(m, 0).key == "o-2027-q1-sales-grow-revenue");
  CHECK(Obj(m, 1).key == "o-2027-q1-support-grow-revenue");
  REQUIRE(m.org.key_results.size() == 4);
  CHECK(Kr(m, 0).key == "kr-2027-q1-sales-grow-revenue-1");
  CHECK(Kr(m, 2).key == "kr-2027-q1-sales-grow-revenue-3");
  CHECK(ObjectiveKeysFromFile(m).empty());
  CHECK(KrKeysFromFile(m).empty());
  const MappedWorkbook again = MapSheets({sheet}, XlsxOptions());
  CHECK(again.org == m.org);
}

TEST_CASE("Derived keys avoid keys given in the file", "[mapper]") {
  const TestSheet sheet{"OKRs",
                        Strings({{"Objective ID", "Objective", "Key Result"},
                                 {"", "Grow", "A"},
                                 {"o-2027-q1-grow", "Other", "B"}})};
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets({sheet}, options);
  REQUIRE(m.org.objectives.size() == 2);
  CHECK(Obj(m, 0).key == "o-2027-q1-grow-2");
  CHECK(Obj(m, 1).key == "o-2027-q1-grow");
}

TEST_CASE("Parent by title, by key and with a kr: prefix", "[mapper]") {
  const TestSheet sheet{
      "OKRs",
      Strings({{"Objective", "Parent", "Supports", "KR ID", "Key Result"},
               {"Company goal", "", "", "kr-top", "Top KR"},
               {"Team goal", "company goal", "kr:odd-key", "", "X"},
               {"Other goal", "kr-top", "Team goal; company goal", "", "Y"},
               {"Loose goal", "Not here at all", "", "", "Z"}})};
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets({sheet}, options);
  const std::string company = Obj(m, 0).key;
  CHECK(Obj(m, 1).parent == LinkTarget{TargetKind::kObjective, company});
  CHECK(Obj(m, 1).supports ==
        std::vector<LinkTarget>{{TargetKind::kKeyResult, "odd-key"}});
  CHECK(Obj(m, 2).parent == LinkTarget{TargetKind::kKeyResult, "kr-top"});
  CHECK(Obj(m, 2).supports ==
        std::vector<LinkTarget>{{TargetKind::kObjective, Obj(m, 1).key},
                                {TargetKind::kObjective, company}});
  CHECK(Obj(m, 3).parent ==
        LinkTarget{TargetKind::kObjective, "Not here at all"});
  CHECK(Lines(m) ==
        std::vector<std::string>{
            "plan.xlsx:OKRs!B5: warning: parent \"Not here at all\" is not "
            "the ID or title of an objective or key result in this file; it "
            "is kept as an ID"});
}

TEST_CASE("Owners by name, unknown units and cycles", "[mapper]") {
  const std::vector<TestSheet> sheets = {
      {"OKRs", Strings({{"Cycle", "Unit", "Objective", "Owner", "Key Result"},
                        {"Sprint 7", "Growth", "Grow", "Cy Young", "A"},
                        {"Sprint 7", "Growth", "Keep", "Ana", "B"}})},
      {"People", Strings({{"Email", "Name"}, {"ana@x.test", "Ana"}})},
      {"Units", Strings({{"Name"}, {"Acme"}})},
  };
  const MappedWorkbook m = MapSheets(sheets, XlsxOptions());
  CHECK(Lines(m) ==
        std::vector<std::string>{
            "plan.xlsx:OKRs!A2: warning: cycle \"Sprint 7\" is not in the "
            "Cycles sheet and is not a quarter such as 2027-Q1; it must exist "
            "already",
            "plan.xlsx:OKRs!B2: warning: unit \"Growth\" is not in the Units "
            "sheet; it becomes a new unit \"growth\" under \"acme\"",
            "plan.xlsx:OKRs!D2: warning: owner \"Cy Young\" is not an e-mail "
            "address or the name of anyone in the People sheet"});
  CHECK(Obj(m, 0).owner_email == "");
  CHECK(m.owner_names.at("objective:" + Obj(m, 0).key) == "Cy Young");
  CHECK(Obj(m, 1).owner_email == "ana@x.test");
  CHECK(m.derived_units == std::set<std::string>{"growth"});
  REQUIRE(m.org.units.size() == 2);
  CHECK(m.org.units[1].parent_key == "acme");
}

TEST_CASE("Cycle comes from the default, the only cycle, or today",
          "[mapper]") {
  const TestSheet okrs{"OKRs",
                       Strings({{"Objective", "Key Result"}, {"Grow", "A"}})};
  const auto cycles = [](std::vector<std::vector<std::string>> rows) {
    rows.insert(rows.begin(), {"Cycle", "Start", "End"});
    return TestSheet{"Cycles", Strings(rows)};
  };
  SECTION("only one") {
    const MappedWorkbook m = MapSheets(
        {okrs, cycles({{"Q1", "2027-01-04", "2027-03-31"}})}, XlsxOptions());
    CHECK(Obj(m, 0).cycle == "Q1");
    CHECK(m.diagnostics.empty());
  }
  SECTION("current on today") {
    const MappedWorkbook m =
        MapSheets({okrs, cycles({{"Q4", "2026-10-05", "2026-12-31"},
                                 {"Q1", "2027-01-04", "2027-03-31"}})},
                  XlsxOptions());
    CHECK(Obj(m, 0).cycle == "Q1");
    CHECK(Lines(m) == std::vector<std::string>{
                          "plan.xlsx:OKRs!A2: warning: no cycle given; "
                          "objectives without one go to the current cycle "
                          "\"Q1\""});
  }
  SECTION("a default quarter") {
    MapOptions options = XlsxOptions();
    options.default_cycle = "2027-Q2";
    const MappedWorkbook m = MapSheets({okrs}, options);
    CHECK(Obj(m, 0).cycle == "2027-Q2");
    REQUIRE(m.org.cycles.size() == 1);
    CHECK(m.org.cycles[0].start == Date{2027, 4, 1});
  }
  SECTION("none at all") {
    const MappedWorkbook m = MapSheets({okrs}, XlsxOptions());
    CHECK(Lines(m) == std::vector<std::string>{
                          "plan.xlsx:OKRs!A2: error: no cycle given: add a "
                          "Cycle column or a Cycles sheet, or give a default "
                          "cycle"});
  }
}

TEST_CASE("Rows repeating an objective must agree with its first row",
          "[mapper]") {
  const TestSheet sheet{
      "OKRs",
      Strings({{"Objective ID", "Objective", "Description", "Commitment",
                "Key Result"},
               {"o1", "Grow", "", "committed", "A"},
               {"o1", "Grow", "Late description", "aspirational", "B"},
               {"o1", "Grow", "Other description", "aspirational", "C"}})};
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets({sheet}, options);
  CHECK(Obj(m, 0).description == "Late description");
  CHECK(Obj(m, 0).committed);
  CHECK(Lines(m) ==
        std::vector<std::string>{
            "plan.xlsx:OKRs!D3: warning: commitment \"aspirational\" differs "
            "from \"committed\" given for this objective at "
            "plan.xlsx:OKRs!B2; that one is kept",
            "plan.xlsx:OKRs!C4: warning: description \"Other description\" "
            "differs from \"Late description\" given for this objective at "
            "plan.xlsx:OKRs!B2; that one is kept"});
}

TEST_CASE("An objective named again later gets its key results grouped",
          "[mapper]") {
  const TestSheet sheet{
      "OKRs", Strings({{"Objective", "KR ID", "Key Result", "Target"},
                       {"Grow", "", "A1", "1"},
                       {"Keep", "K-B", "B1", "1"},
                       {"Grow", "", "A2", "1"}})};
  MapOptions options = XlsxOptions();
  options.default_cycle = "2027-Q1";
  const MappedWorkbook m = MapSheets({sheet}, options);
  INFO(AllLines(m));
  REQUIRE(m.org.key_results.size() == 3);
  // Objective by objective, each in row order; locations and key origins
  // follow the items.
  CHECK(Kr(m, 0).title == "A1");
  CHECK(Kr(m, 1).title == "A2");
  CHECK(Kr(m, 2).title == "B1");
  CHECK(Kr(m, 1).objective_key == Obj(m, 0).key);
  CHECK(m.derived_krs == std::vector<bool>{true, true, false});
  const SubjectLocator where(m.org, m.where);
  CHECK(where.Find("kr:" + Kr(m, 1).key) == "plan.xlsx:OKRs!C4");
  CHECK(where.Find("kr:K-B") == "plan.xlsx:OKRs!C3");
  CHECK(where.Find("objective:" + Obj(m, 1).key) == "plan.xlsx:OKRs!A3");
}

TEST_CASE("No OKRs sheet is an error", "[mapper]") {
  const MappedWorkbook m =
      MapSheets({{"People", Strings({{"Email"}, {"a@x.test"}})},
                 {"Notes", Strings({{"hello"}})}},
                XlsxOptions());
  CHECK(m.has_errors());
  CHECK(Lines(m).back() ==
        "plan.xlsx: error: no OKRs sheet: no sheet has a header row with an "
        "Objective or Key Result column");
}

}  // namespace
}  // namespace okr
