// Copyright 2026 The okrd Authors.

#include "core/analytics/finding.h"

#include <algorithm>

namespace okr {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kOff:
      return "off";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "off";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (Severity s : {Severity::kOff, Severity::kWarning, Severity::kError}) {
    if (SeverityName(s) == name) return s;
  }
  return std::nullopt;
}

std::string FormatFinding(const Finding& f) {
  const std::string* where = &f.location;
  if (where->empty() && !f.subjects.empty()) where = &f.subjects.front();
  const std::string_view level = SeverityName(f.level);
  // One allocation: import formats a line per finding, hundreds of
  // thousands for a large file.
  std::string out;
  out.reserve(where->size() + level.size() + f.rule.size() + f.message.size() +
              6);
  if (!where->empty()) out.append(*where).append(": ");
  out.append(level).append(": ").append(f.rule).append(": ").append(f.message);
  return out;
}

bool HasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.level == Severity::kError;
  });
}

}  // namespace okr
