// Copyright 2026 The okrd Authors.
//
// Reading a key result written as mind-map text: "Median wait 40 -> 60 %",
// "NPS: 30 → 45", "Churn (5 -> 3 %)". Pure functions, no plugin ABI.

#ifndef OKR_PLUGINS_MINDMAP_KR_TEXT_H_
#define OKR_PLUGINS_MINDMAP_KR_TEXT_H_

#include <string>
#include <string_view>

namespace okr::mindmap {

struct KrText {
  enum class Shape { kNoArrow, kRange, kBadNumbers };
  Shape shape = Shape::kNoArrow;
  std::string title;          // The text before the start number, trimmed.
  std::string start, target;  // As written, in C locale ("40", "2.5").
  std::string unit;           // After the target: "%", "EUR", "" ...
};

// Splits `text` at "->" or "→" (U+2192). Without an arrow: kNoArrow with
// the whole text as title. A comma decimal separator ("2,5") is read as a
// point.
KrText ParseKrText(std::string_view text);

// Lowercase ASCII letters and digits joined by '-', at most 40 chars;
// "item" when nothing is left.
std::string Slug(std::string_view text);

}  // namespace okr::mindmap

#endif  // OKR_PLUGINS_MINDMAP_KR_TEXT_H_
