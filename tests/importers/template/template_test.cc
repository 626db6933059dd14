// Copyright 2026 The okrd Authors.
//
// The template definition (headers, synonyms, sheet names, header-row
// detection) and the text helpers of core/model/text.h it relies on.

#include "importers/template/template.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/model/text.h"
#include "tests/importers/template/mapper_test_util.h"

namespace okr {
namespace {

using testing::N;
using testing::S;

TEST_CASE("NormaliseTitle folds case, punctuation and spaces", "[text]") {
  CHECK(NormaliseTitle("  Grow ARR: 8.4M -> 12M EUR! ") ==
        "grow arr 84m 12m eur");
  CHECK(NormaliseTitle("grow  arr 84m\t12m eur") == "grow arr 84m 12m eur");
  CHECK(NormaliseTitle("Qualit\xC3\x89 \xE2\x80\x9C"
                       "first\xE2\x80\x9D") == "qualit\xC3\xA9 first");
  CHECK(NormaliseTitle("don't\xC2\xA0stop") == "dont stop");
  CHECK(NormaliseTitle("") == "");
  CHECK(NormaliseTitle("\xE6\x97\xA5\xE6\x9C\xAC") ==
        "\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST_CASE("Slugify makes key fragments", "[text]") {
  CHECK(Slugify("Grow ARR to 12M EUR!") == "grow-arr-to-12m-eur");
  CHECK(Slugify("Qualit\xC3\xA9 & Stra\xC3\x9F"
                "e") == "qualite-strasse");
  CHECK(Slugify("--") == "");
  CHECK(Slugify("a very long title that goes on and on", 20) ==
        "a-very-long-title");
  CHECK(Slugify("abcdefghijklmnopqrstuvwxyz", 10) == "abcdefghij");
}

TEST_CASE("TrimSpaces knows spreadsheet spaces", "[text]") {
  CHECK(TrimSpaces("\xC2\xA0 x y \xE2\x80\xAF\t") == "x y");
  CHECK(TrimSpaces("\xEF\xBB\xBFkey") == "key");
  CHECK(TrimSpaces("   ") == "");
  CHECK(EqualsIgnoreCase("KR", "kr"));
  CHECK(StartsWithIgnoreCase("KR:abc", "kr:"));
}

TEST_CASE("Headers are normalised before matching", "[template]") {
  CHECK(NormaliseHeader(" Key_Result ") == "keyresult");
  CHECK(NormaliseHeader("E-mail") == "email");
  CHECK(NormaliseHeader("Time (UTC)") == "timeutc");
  CHECK(NormaliseHeader("Unit\xC2\xA0of measure") == "unitofmeasure");
  CHECK(MatchHeader(TemplateSheet::kOkrs, "KEY-RESULT") == Column::kKeyResult);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Goal") == Column::kObjective);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "KR") == Column::kKeyResult);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Result") == Column::kKeyResult);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Responsible") ==
        Column::kObjectiveOwner);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Lead") == Column::kObjectiveOwner);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Department") == Column::kUnit);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Group") == Column::kUnit);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Baseline") == Column::kStart);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Actual") == Column::kCurrent);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Status") == Column::kConfidence);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Aligns to") == Column::kParent);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Contributes to") == Column::kParent);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Deadline") == Column::kDue);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "External ID") == Column::kRowId);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Unit of Measure") ==
        Column::kMeasureUnit);
  CHECK(MatchHeader(TemplateSheet::kOkrs, "Progress") == std::nullopt);
  CHECK(MatchHeader(TemplateSheet::kCheckIns, "Status") == Column::kStatus);
  CHECK(MatchHeader(TemplateSheet::kPeople, "Reports to") == Column::kManager);
}

TEST_CASE("No two columns of a sheet share a header or synonym", "[template]") {
  for (TemplateSheet kind :
       {TemplateSheet::kOkrs, TemplateSheet::kPeople, TemplateSheet::kUnits,
        TemplateSheet::kCycles, TemplateSheet::kCheckIns}) {
    std::set<std::string> seen;
    for (const ColumnSpec& spec : TemplateColumns(kind)) {
      INFO(spec.header);
      CHECK(seen.insert(NormaliseHeader(spec.header)).second);
      std::string_view list = spec.synonyms;
      while (!list.empty()) {
        const size_t bar = list.find('|');
        const std::string word(list.substr(0, bar));
        INFO(word);
        CHECK(word == NormaliseHeader(word));
        CHECK(seen.insert(word).second);
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
      }
      CHECK(MatchHeader(kind, spec.header) == spec.column);
    }
  }
}

TEST_CASE("Sheet names announce their kind", "[template]") {
  CHECK(TemplateSheetFromName("OKRs") == TemplateSheet::kOkrs);
  CHECK(TemplateSheetFromName("Objectives") == TemplateSheet::kOkrs);
  CHECK(TemplateSheetFromName(" people ") == TemplateSheet::kPeople);
  CHECK(TemplateSheetFromName("Teams") == TemplateSheet::kUnits);
  CHECK(TemplateSheetFromName("Check-ins") == TemplateSheet::kCheckIns);
  CHECK(TemplateSheetFromName("plan.people") == TemplateSheet::kPeople);
  CHECK(TemplateSheetFromName("plan.check-ins") == TemplateSheet::kCheckIns);
  CHECK(TemplateSheetFromName("Sales") == std::nullopt);
  CHECK(TemplateSheetFromName("plan") == std::nullopt);
  CHECK(CanonicalSheetName(TemplateSheet::kCheckIns) == "Check-ins");
}

TEST_CASE("The header row may sit below title rows", "[template]") {
  const std::vector<std::pair<int64_t, std::vector<Cell>>> rows = {
      {1, {S("Acme OKRs Q1 2027")}},
      {2, {S("Owner: everyone"), S("Objective")}},
      {4, {S("Goal"), S("KR"), S("Responsible"), S("Remarks?"), S("Target")}},
      {5, {S("Grow"), S("Reach 10"), S("a@x.test"), S(""), N(10)}},
  };
  const auto header = DetectHeader(TemplateSheet::kOkrs, rows);
  REQUIRE(header);
  CHECK(header->row == 4);
  REQUIRE(header->columns.size() == 4);
  CHECK(header->columns[0].column == Column::kObjective);
  CHECK(header->columns[1].column == Column::kKeyResult);
  CHECK(header->columns[3].column == Column::kTarget);
  CHECK(header->columns[3].col0 == 4);
  REQUIRE(header->unknown.size() == 1);
  CHECK(header->unknown[0].second == "Remarks?");
}

TEST_CASE("Header detection requires the sheet's key columns", "[template]") {
  const std::vector<std::pair<int64_t, std::vector<Cell>>> no_title = {
      {1, {S("Owner"), S("Target"), S("Current")}}};
  CHECK_FALSE(DetectHeader(TemplateSheet::kOkrs, no_title));
  const std::vector<std::pair<int64_t, std::vector<Cell>>> one = {
      {1, {S("Objective"), S("Whatever")}}};
  CHECK(DetectHeader(TemplateSheet::kOkrs, one));
  CHECK_FALSE(DetectHeader(TemplateSheet::kOkrs, one, 2));
  const std::vector<std::pair<int64_t, std::vector<Cell>>> people = {
      {1, {S("Name"), S("Team")}}};
  CHECK_FALSE(DetectHeader(TemplateSheet::kPeople, people));
}

TEST_CASE("A column named twice is bound to its first", "[template]") {
  const std::vector<std::pair<int64_t, std::vector<Cell>>> rows = {
      {1, {S("Objective"), S("Owner"), S("Responsible")}}};
  const auto header = DetectHeader(TemplateSheet::kOkrs, rows);
  REQUIRE(header);
  CHECK(header->columns.size() == 2);
  REQUIRE(header->duplicates.size() == 1);
  CHECK(header->duplicates[0].first == 2);
  CHECK(header->duplicates[0].second == Column::kObjectiveOwner);
}

TEST_CASE("Only the first rows are scanned for the header", "[template]") {
  std::vector<std::pair<int64_t, std::vector<Cell>>> rows;
  for (int i = 1; i <= kHeaderScanRows; ++i) rows.push_back({i, {S("x")}});
  rows.push_back({kHeaderScanRows + 1, {S("Objective"), S("Key Result")}});
  CHECK_FALSE(DetectHeader(TemplateSheet::kOkrs, rows));
}

}  // namespace
}  // namespace okr
