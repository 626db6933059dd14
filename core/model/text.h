// Copyright 2026 The okrd Authors.
//
// Small text helpers shared by importers, matching and lint: trimming that
// knows the spaces spreadsheets produce, ASCII case folding, the normalised
// form of a title used to match objectives and key results across files, and
// slugs for derived keys. All functions take and return UTF-8, never split a
// multi-byte character, are pure and thread-safe.

#ifndef OKR_CORE_MODEL_TEXT_H_
#define OKR_CORE_MODEL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/ascii.h"

namespace okr {

// True for the characters treated as space: ASCII whitespace and, in UTF-8,
// U+00A0 (no-break space), U+2007, U+202F (narrow no-break space), U+200B
// (zero-width space) and U+FEFF (byte order mark). Returns the byte length
// of the space at the start of `text`, 0 when it does not start with one.
size_t SpaceLengthAt(std::string_view text);

// `text` without leading and trailing spaces (as SpaceLengthAt defines them).
std::string_view TrimSpaces(std::string_view text);

// ASCII letters lowercased; every other byte unchanged.
std::string AsciiLower(std::string_view text);

// Case-insensitive ASCII comparison: EqualsIgnoreCase, StartsWithIgnoreCase
// live in core/base/ascii.h.

// The form in which two titles are "the same" for matching: lowercase
// (ASCII and Latin-1 letters), ASCII punctuation and the common typographic
// quotes and dashes removed, runs of spaces collapsed to one space, trimmed.
// "  Grow ARR: 8.4M -> 12M EUR! " and "grow arr 84m  12m eur" are equal.
// Other characters (digits, non-Latin letters, emoji) are kept as they are.
std::string NormaliseTitle(std::string_view title);

// A key fragment: lowercase ASCII letters and digits, with every other run
// of characters turned into one '-', no leading or trailing '-', at most
// `max_length` bytes (cut at a '-' when one is near the end). Latin-1
// letters lose their accents ("Qualité" -> "qualite", "Straße" ->
// "strasse"); other non-ASCII characters are dropped. May return "".
std::string Slugify(std::string_view text, size_t max_length = 48);

}  // namespace okr

#endif  // OKR_CORE_MODEL_TEXT_H_
