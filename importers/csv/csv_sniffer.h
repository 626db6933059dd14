// Copyright 2026 The okrd Authors.
//
// Delimiter detection for CSV text without a "sep=" line or an explicit
// choice. Each candidate (, ; TAB |) splits the first records (at most 50
// records or 64 KiB) with the real tokenizer, so quotes are honoured exactly
// as the reader will honour them. A candidate is viable when the most common
// field count per record is at least 2. Among viable candidates the winner is
// the one whose most common count covers the largest share of records, then
// the one giving more fields, then the earlier in preference order (the
// preferred delimiter first, then , TAB ; |). Bounded work; pure; thread-safe.

#ifndef OKR_IMPORTERS_CSV_CSV_SNIFFER_H_
#define OKR_IMPORTERS_CSV_CSV_SNIFFER_H_

#include <optional>
#include <string_view>

namespace okr {

// Returns nullopt when no candidate splits the sample into columns (for
// example a one-column file); the caller then uses its default.
std::optional<char> SniffDelimiter(std::string_view text, char preferred);

}  // namespace okr

#endif  // OKR_IMPORTERS_CSV_CSV_SNIFFER_H_
