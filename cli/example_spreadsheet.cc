// Copyright 2026 The okrd Authors.

#include "cli/example_spreadsheet.h"

#include <charconv>
#include <cstdio>
#include <map>
#include <string_view>

#include "core/base/limits.h"
#include "importers/import_file.h"

namespace okr {

// Generated at build time from examples/halden-health.xlsx.
extern const unsigned char kExampleXlsx[];
extern const size_t kExampleXlsxSize;

namespace {

// "2026-Q4" -> 2026 * 4 + 3; nullopt for other names.
std::optional<int64_t> QuarterIndex(std::string_view name) {
  int year = 0;
  if (name.size() != 7 || name.substr(4, 2) != "-Q" || name[6] < '1' ||
      name[6] > '4' ||
      std::from_chars(name.data(), name.data() + 4, year).ptr != name.data() + 4) {
    return std::nullopt;
  }
  return int64_t{year} * 4 + (name[6] - '1');
}

std::string QuarterName(int64_t index) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-Q%lld",
                static_cast<long long>(index / 4),
                static_cast<long long>(index % 4 + 1));
  return buf;
}

int64_t QuarterOf(const Date& d) { return int64_t{d.year} * 4 + (d.month - 1) / 3; }

// Quarters the current cycle's midpoint moved.
int64_t QuarterShift(const Organisation& org, int64_t days) {
  for (const Cycle& c : org.cycles) {
    if (!(c.start <= kExampleSpreadsheetDay && kExampleSpreadsheetDay <= c.end)) {
      continue;
    }
    const Date mid = c.start.AddDays(DaysBetween(c.start, c.end) / 2);
    return QuarterOf(mid.AddDays(days)) - QuarterOf(mid);
  }
  return 0;
}

}  // namespace

Organisation ShiftByWeeks(Organisation org, int64_t weeks) {
  const int64_t days = weeks * 7;
  const int64_t quarters = QuarterShift(org, days);
  std::map<std::string, std::string> renames;
  for (Cycle& c : org.cycles) {
    c.start = c.start.AddDays(days);
    c.end = c.end.AddDays(days);
    if (auto q = QuarterIndex(c.name)) {
      renames[c.name] = QuarterName(*q + quarters);
      c.name = renames[c.name];
    }
  }
  for (Objective& o : org.objectives) {
    if (auto it = renames.find(o.cycle); it != renames.end()) o.cycle = it->second;
  }
  for (KeyResult& k : org.key_results) {
    if (k.due) k.due = k.due->AddDays(days);
  }
  for (CheckIn& c : org.check_ins) c.at += days * 86400;
  return org;
}

Result<Organisation> LoadExampleSpreadsheet(const Date& today) {
  NamedInput input{"halden-health.xlsx",
                   std::string(reinterpret_cast<const char*>(kExampleXlsx),
                               kExampleXlsxSize)};
  OKR_ASSIGN_OR_RETURN(
      FileImport file,
      ImportSpreadsheet({input}, FileFormat::kXlsx,
                        {.today = kExampleSpreadsheetDay}, Limits()));
  if (!file.errors.empty()) {
    return Internal("the bundled example does not import: " + file.errors[0]);
  }
  const int64_t days = DaysBetween(kExampleSpreadsheetDay, today);
  const int64_t weeks = days >= 0 ? days / 7 : -((-days + 6) / 7);
  return ShiftByWeeks(std::move(file.org), weeks);
}

}  // namespace okr
