// Copyright 2026 The okrd Authors.

#include "importers/template/value_parsing.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/importers/template/mapper_test_util.h"

namespace okr {
namespace {

using testing::B;
using testing::D;
using testing::N;
using testing::S;

ParsedNumber Num(std::string_view text, bool decimal_comma = false) {
  Result<ParsedNumber> n = ParseNumberText(text, decimal_comma);
  INFO(text << ": " << n.status().ToString());
  REQUIRE(n.ok());
  return *n;
}

std::string NumError(std::string_view text, bool decimal_comma = false) {
  Result<ParsedNumber> n = ParseNumberText(text, decimal_comma);
  REQUIRE_FALSE(n.ok());
  return n.status().message();
}

TEST_CASE("Numbers in the forms people type", "[values]") {
  CHECK(Num("42").value == 42);
  CHECK(Num(" -3.5 ").value == -3.5);
  CHECK(Num("0.7").value == 0.7);
  CHECK(Num("1,234.5").value == 1234.5);
  CHECK(Num("1,234,567").value == 1234567);
  CHECK(Num("1 234 567").value == 1234567);
  CHECK(Num("1\xC2\xA0"
            "234")
            .value == 1234);
  CHECK(Num("1'234.5").value == 1234.5);
  CHECK(Num("(1,200)").value == -1200);
  CHECK(Num("\xE2\x88\x92"
            "5")
            .value == -5);
  CHECK(Num("1e+21").value == 1e21);
  CHECK(Num("2.5E-7").value == 2.5e-7);
  CHECK(Num("8.4M").value == 8400000);
  CHECK(Num("12k").value == 12000);
  CHECK(Num("3bn").value == 3e9);
}

TEST_CASE("Decimal commas follow the option or the last separator",
          "[values]") {
  CHECK(Num("1.234,5").value == 1234.5);  // Both: the last one is decimal.
  CHECK(Num("1,234.5", true).value == 1234.5);
  CHECK(Num("0,7", true).value == 0.7);
  CHECK(Num("1.234", true).value == 1234);  // Thousands.
  CHECK(Num("1,234", true).value == 1.234);
  CHECK(Num("1.234.567,89", true).value == 1234567.89);
  CHECK(Num("1 234,5", true).value == 1234.5);
  CHECK(NumError("1,5") ==
        "\"1,5\" is not a number (the decimal separator is '.')");
  CHECK(NumError("0.7.1", true) ==
        "\"0.7.1\" is not a number (the decimal separator is ',')");
  CHECK(NumError("1,23,4") ==
        "\"1,23,4\" is not a number (the decimal separator is '.')");
}

TEST_CASE("Percent, currency and unit words give the unit", "[values]") {
  const ParsedNumber percent = Num("70%");
  CHECK(percent.value == 70);
  CHECK(percent.unit == "%");
  CHECK(Num("70 %").unit == "%");
  CHECK(Num("12.5 percent").unit == "%");
  const ParsedNumber euro =
      Num("\xE2\x82\xAC"
          "1,200");
  CHECK(euro.value == 1200);
  CHECK(euro.unit == "EUR");
  CHECK(Num("1.200 \xE2\x82\xAC", true).unit == "EUR");
  CHECK(Num("$5M").value == 5e6);
  CHECK(Num("$5M").unit == "USD");
  CHECK(Num("US$ 7").unit == "USD");
  CHECK(Num("\xC2\xA3"
            "3")
            .unit == "GBP");
  CHECK(Num("\xC2\xA5"
            "300")
            .unit == "JPY");
  CHECK(Num("CHF 40").unit == "CHF");
  CHECK(Num("12 EUR").unit == "EUR");
  CHECK(Num("8.4M EUR").value == 8400000);
  CHECK(Num("8.4M EUR").unit == "EUR");
  CHECK(Num("3 days").unit == "days");
  CHECK(Num("55 NPS").unit == "NPS");
  CHECK(Num("5 Mbps").value == 5);
  CHECK(Num("5 Mbps").unit == "Mbps");
  CHECK(Num("-\xE2\x82\xAC"
            "5")
            .value == -5);
}

TEST_CASE("Text that is not a number is an error, not a guess", "[values]") {
  CHECK(NumError("abc") == "\"abc\" is not a number");
  CHECK(NumError("") == "\"\" is not a number");
  CHECK(NumError("5-7") == "\"5-7\" is not a number");
  CHECK(NumError("2026-12-31") == "\"2026-12-31\" is not a number");
  CHECK(NumError("12.") == "\"12.\" is not a number");
  CHECK(NumError("\xE2\x82\xAC"
                 "5 USD") ==
        "\"\xE2\x82\xAC"
        "5 USD\" is not a number (two units)");
  CHECK(NumError("1e999") == "\"1e999\" is not a number");
}

TEST_CASE("Number cells are used as they are", "[values]") {
  CHECK(ParseNumberCell(N(0.7), false)->value == 0.7);
  CHECK(ParseNumberCell(B(true), false)->value == 1);
  CHECK_FALSE(ParseNumberCell(D("2027-01-01"), false).ok());
  CHECK(CellDisplayText(N(8400000)) == "8400000");
  CHECK(CellDisplayText(B(false)) == "FALSE");
  CHECK(IsBlankCell(S("  ")));
  CHECK_FALSE(IsBlankCell(N(0)));
}

TEST_CASE("Yes and no words", "[values]") {
  for (const char* yes : {"yes", "Y", "TRUE", "done", "Done", "completed", "x",
                          "\xE2\x9C\x93", "\xE2\x9C\x94"}) {
    INFO(yes);
    CHECK(ParseBoolText(yes) == true);
  }
  for (const char* no : {"no", "FALSE", "not done", "Not-Done", "open", "to do",
                         "in progress", "\xE2\x9C\x97"}) {
    INFO(no);
    CHECK(ParseBoolText(no) == false);
  }
  CHECK(ParseBoolText("maybe") == std::nullopt);
  CHECK(ParseBoolText("1") == std::nullopt);
  CHECK(BoolOfCell(B(true)) == true);
  CHECK(BoolOfCell(N(1)) == std::nullopt);
}

TEST_CASE("Confidence in every common scale", "[values]") {
  auto conf = [](const Cell& cell) {
    Result<double> c = ParseConfidenceCell(cell, false);
    INFO(c.status().ToString());
    REQUIRE(c.ok());
    return *c;
  };
  CHECK(conf(N(0.7)) == 0.7);
  CHECK(conf(S("0.7")) == 0.7);
  CHECK(conf(S("70%")) == 0.7);
  CHECK(conf(S("7/10")) == 0.7);
  CHECK(conf(S("7")) == 0.7);
  CHECK(conf(N(85)) == 0.85);
  CHECK(conf(N(1)) == 1);
  CHECK(conf(S("On track")) == 0.8);
  CHECK(conf(S("at-risk")) == 0.5);
  CHECK(conf(S("OFF TRACK")) == 0.2);
  CHECK(conf(S("green")) == 0.8);
}

TEST_CASE("Bad confidence says what is accepted", "[values]") {
  const std::string tail =
      " is not a confidence (0..1, 0..10, a percent or on track / at risk / "
      "off track)";
  CHECK(ParseConfidenceCell(S("great"), false).status().message() ==
        "\"great\"" + tail);
  CHECK(ParseConfidenceCell(S("120%"), false).status().message() ==
        "\"120%\"" + tail);
  CHECK(ParseConfidenceCell(S("11/10"), false).status().message() ==
        "\"11/10\"" + tail);
  CHECK(ParseConfidenceCell(N(-1), false).status().message() ==
        "\"-1\"" + tail);
  CHECK(ParseConfidenceCell(B(true), false).status().message() ==
        "\"TRUE\"" + tail);
  CHECK(ParseConfidenceCell(S("0,7"), true).value() == 0.7);
}

TEST_CASE("Scores are fractions", "[values]") {
  CHECK(ParseScoreCell(N(0.6), false).value() == 0.6);
  CHECK(ParseScoreCell(S("60%"), false).value() == 0.6);
  CHECK(ParseScoreCell(S("1.5"), false).status().message() ==
        "\"1.5\" is not a score between 0 and 1");
}

Date Day(std::string_view text, DateOrder order = DateOrder::kUnset) {
  Result<Date> d = ParseDateText(text, order);
  INFO(text << ": " << d.status().ToString());
  REQUIRE(d.ok());
  return *d;
}

std::string DayError(std::string_view text,
                     DateOrder order = DateOrder::kUnset) {
  Result<Date> d = ParseDateText(text, order);
  REQUIRE_FALSE(d.ok());
  return d.status().message();
}

TEST_CASE("Dates: ISO, month names and unambiguous d/m/y", "[values]") {
  CHECK(Day("2027-03-31") == Date{2027, 3, 31});
  CHECK(Day(" 2027-03-31T00:00:00 ") == Date{2027, 3, 31});
  CHECK(Day("2027-03-31 10:00:00Z") == Date{2027, 3, 31});
  CHECK(Day("2027/3/31") == Date{2027, 3, 31});
  CHECK(Day("31 Mar 2027") == Date{2027, 3, 31});
  CHECK(Day("31-Mar-27") == Date{2027, 3, 31});
  CHECK(Day("March 31, 2027") == Date{2027, 3, 31});
  CHECK(Day("Sept 1 2027") == Date{2027, 9, 1});
  CHECK(Day("31/12/2026") == Date{2026, 12, 31});
  CHECK(Day("12/31/2026") == Date{2026, 12, 31});
  CHECK(Day("05.05.2026") == Date{2026, 5, 5});
  CHECK(Day("31/12/26") == Date{2026, 12, 31});
}

TEST_CASE("Ambiguous dates need the date order", "[values]") {
  CHECK(DayError("03/04/2027") ==
        "\"03/04/2027\" could be d/m/y or m/d/y; give the date order");
  CHECK(Day("03/04/2027", DateOrder::kDmy) == Date{2027, 4, 3});
  CHECK(Day("03/04/2027", DateOrder::kMdy) == Date{2027, 3, 4});
  CHECK(DayError("31/12/2026", DateOrder::kMdy) ==
        "\"31/12/2026\" is not a date (the date order is m/d/y)");
  CHECK(DayError("31/02/2027") == "\"31/02/2027\" is not a date");
  CHECK(DayError("next week") == "\"next week\" is not a date");
  CHECK(DayError("2027-02-30") == "\"2027-02-30\" is not a date");
}

TEST_CASE("Date cells and timestamps", "[values]") {
  CHECK(ParseDateCell(D("2027-01-04"), DateOrder::kUnset).value() ==
        Date{2027, 1, 4});
  const Cell date_time{CellType::kDateTime, "2027-01-04T10:30:00", 0};
  CHECK(ParseDateCell(date_time, DateOrder::kUnset).value() ==
        Date{2027, 1, 4});
  CHECK(ParseTimestampCell(date_time, DateOrder::kUnset).value() ==
        Date{2027, 1, 4}.ToUnixSeconds() + 10 * 3600 + 30 * 60);
  CHECK(
      ParseTimestampCell(S("2027-01-04 10:30:00"), DateOrder::kUnset).value() ==
      Date{2027, 1, 4}.ToUnixSeconds() + 37800);
  CHECK(ParseTimestampCell(S("4/1/2027"), DateOrder::kDmy).value() ==
        Date{2027, 1, 4}.ToUnixSeconds());
  CHECK(ParseDateCell(N(46000), DateOrder::kUnset).status().message() ==
        "\"46000\" is not a date (a plain number; format the cell as a "
        "date)");
  CHECK(ParseTimestampCell(S("soon"), DateOrder::kUnset).status().message() ==
        "\"soon\" is not a time (expected YYYY-MM-DD HH:MM:SS, UTC)");
}

TEST_CASE("Kinds, levels and commitment by name", "[values]") {
  CHECK(ParseKindText("Increase") == KrKind::kIncrease);
  CHECK(ParseKindText("reduce") == KrKind::kDecrease);
  CHECK(ParseKindText("stay-above") == KrKind::kStayAbove);
  CHECK(ParseKindText("At least") == KrKind::kStayAbove);
  CHECK(ParseKindText("maintain above") == KrKind::kStayAbove);
  CHECK(ParseKindText(">=") == KrKind::kStayAbove);
  CHECK(ParseKindText("at most") == KrKind::kStayBelow);
  CHECK(ParseKindText("\xE2\x89\xA4") == KrKind::kStayBelow);
  CHECK(ParseKindText("binary") == KrKind::kMilestone);
  CHECK(ParseKindText("Yes/No") == KrKind::kMilestone);
  CHECK(ParseKindText("sideways") == std::nullopt);
  CHECK(ParseLevelText("Dept") == Level::kDepartment);
  CHECK(ParseLevelText("Organisation") == Level::kCompany);
  CHECK(ParseLevelText("personal") == Level::kIndividual);
  CHECK(ParseCommitmentText("Aspirational") == false);
  CHECK(ParseCommitmentText("stretch") == false);
  CHECK(ParseCommitmentText("committed") == true);
  CHECK(ParseCommitmentText("perhaps") == std::nullopt);
}

TEST_CASE("Quarter names become calendar quarters", "[values]") {
  for (const char* name :
       {"2027-Q1", "Q1 2027", "q1-2027", "2027 Q1", "2027q1", "Q1/2027"}) {
    INFO(name);
    const auto cycle = ParseQuarterCycle(name);
    REQUIRE(cycle);
    CHECK(cycle->name == "2027-Q1");
    CHECK(cycle->start == Date{2027, 1, 1});
    CHECK(cycle->end == Date{2027, 3, 31});
  }
  CHECK(ParseQuarterCycle("Q4 2026")->end == Date{2026, 12, 31});
  CHECK(ParseQuarterCycle("2026-Q2")->end == Date{2026, 6, 30});
  CHECK_FALSE(ParseQuarterCycle("Q5 2027"));
  CHECK_FALSE(ParseQuarterCycle("Sprint 7"));
  CHECK(ParseDateOrder("d/m/y") == DateOrder::kDmy);
  CHECK(ParseDateOrder("MDY") == DateOrder::kMdy);
  CHECK(ParseDateOrder("ydm") == std::nullopt);
  CHECK(DateOrderName(DateOrder::kYmd) == "y/m/d");
}

}  // namespace
}  // namespace okr
