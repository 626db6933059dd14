// Copyright 2026 The okrd Authors.

#include "plugins/mindmap/kr_text.h"

#include <catch2/catch.hpp>

namespace okr::mindmap {
namespace {

TEST_CASE("key result text splits into title, start, target, unit",
          "[mindmap]") {
  KrText t = ParseKrText("Share of referrals triaged: 60 -> 90 %");
  CHECK(t.shape == KrText::Shape::kRange);
  CHECK(t.title == "Share of referrals triaged");
  CHECK(t.start == "60");
  CHECK(t.target == "90");
  CHECK(t.unit == "%");
  t = ParseKrText("Admin hours 9,5 \xE2\x86\x92 6 h");
  CHECK(t.start == "9.5");
  CHECK(t.target == "6");
  CHECK(t.unit == "h");
  t = ParseKrText("Churn (5 -> 3 %)");
  CHECK(t.title == "Churn");
  CHECK(t.unit == "%");
  CHECK(ParseKrText("Ship the app").shape == KrText::Shape::kNoArrow);
  CHECK(ParseKrText("Revenue 40 -> lots").shape == KrText::Shape::kBadNumbers);
  CHECK(ParseKrText("Revenue 4.0.1 -> 5").shape == KrText::Shape::kBadNumbers);
}

TEST_CASE("slugs are lowercase ASCII words", "[mindmap]") {
  CHECK(Slug("Patients wait less!") == "patients-wait-less");
  CHECK(Slug("  ") == "item");
  CHECK(Slug("Zürich 2027") == "z-rich-2027");
}

}  // namespace
}  // namespace okr::mindmap
