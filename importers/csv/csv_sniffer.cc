// Copyright 2026 The okrd Authors.

#include "importers/csv/csv_sniffer.h"

#include <cstdint>
#include <map>
#include <vector>

#include "importers/csv/csv_tokenizer.h"

namespace okr {
namespace {

constexpr size_t kSampleBytes = 64 * 1024;
constexpr size_t kSampleRecords = 50;

struct Candidate {
  char delimiter = ',';
  int64_t mode_fields = 0;   // Most common number of fields per record.
  int64_t mode_records = 0;  // Records with that many fields.
  int64_t records = 0;       // Records in the sample.
  int rank = 0;              // Position in preference order.
};

// Fields per complete, non-blank record of the sample.
std::vector<int64_t> FieldCounts(std::string_view text, char delimiter) {
  const std::string_view sample = text.substr(0, kSampleBytes);
  const bool whole = sample.size() == text.size();
  CsvTokenizer tokenizer(sample, {.delimiter = delimiter});
  std::vector<int64_t> counts;
  CsvField field;
  while (!tokenizer.Done() && counts.size() < kSampleRecords) {
    if (!tokenizer.Next(&field).ok()) break;  // The reader will report it.
    if (!field.ends_record()) continue;
    const bool complete = whole || field.end == FieldEnd::kNewline;
    const bool blank = field.index == 0 && field.text.empty();
    if (complete && !blank) counts.push_back(field.index + 1);
  }
  return counts;
}

std::optional<Candidate> Evaluate(std::string_view text, char delimiter,
                                  int rank) {
  const std::vector<int64_t> counts = FieldCounts(text, delimiter);
  std::map<int64_t, int64_t> histogram;
  for (int64_t n : counts) ++histogram[n];
  Candidate c{.delimiter = delimiter,
              .records = static_cast<int64_t>(counts.size()),
              .rank = rank};
  for (const auto& [fields, records] : histogram) {
    if (records >= c.mode_records) {  // Ties go to more fields.
      c.mode_fields = fields;
      c.mode_records = records;
    }
  }
  if (c.mode_fields < 2) return std::nullopt;
  return c;
}

bool Better(const Candidate& a, const Candidate& b) {
  // Compare mode_records / records without division.
  const int64_t lhs = a.mode_records * b.records;
  const int64_t rhs = b.mode_records * a.records;
  if (lhs != rhs) return lhs > rhs;
  if (a.mode_fields != b.mode_fields) return a.mode_fields > b.mode_fields;
  return a.rank < b.rank;
}

std::vector<char> PreferenceOrder(char preferred) {
  std::vector<char> order = {preferred};
  for (char c : {',', '\t', ';', '|'}) {
    if (c != preferred) order.push_back(c);
  }
  return order;
}

}  // namespace

std::optional<char> SniffDelimiter(std::string_view text, char preferred) {
  std::optional<Candidate> best;
  int rank = 0;
  for (char delimiter : PreferenceOrder(preferred)) {
    std::optional<Candidate> c = Evaluate(text, delimiter, rank++);
    if (c && (!best || Better(*c, *best))) best = c;
  }
  if (!best) return std::nullopt;
  return best->delimiter;
}

}  // namespace okr
