// Copyright 2026 The okrd Authors.
//
// A finding of the analytics (lint rules and double-work detection): which
// rule, how serious, which items it is about and why. Value type; the
// subjects use the same "kind:KEY" form as the importers' location map
// ("objective:o-1", "kr:kr-1", "unit:eng", "person:a@x", "cycle:2027-Q1"),
// so a caller can place a finding in the file it came from.

#ifndef OKR_CORE_ANALYTICS_FINDING_H_
#define OKR_CORE_ANALYTICS_FINDING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okr {

// kOff only appears in configuration; findings are warnings or errors.
enum class Severity { kOff, kWarning, kError };
std::string_view SeverityName(Severity s);  // "off", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

struct Finding {
  std::string rule;                   // "krs-per-objective", ...
  Severity level = Severity::kWarning;
  std::vector<std::string> subjects;  // "objective:KEY", ...; first is main.
  std::string message;                // Names the items; no trailing dot.
  std::string location;               // Filled by callers that know one.
  std::optional<double> score;        // Similarity for double work.

  friend bool operator==(const Finding&, const Finding&) = default;
};

// "LOCATION: warning: rule: message", the location being `location` when
// set, else the first subject.
std::string FormatFinding(const Finding& f);

bool HasErrors(const std::vector<Finding>& findings);

}  // namespace okr

#endif  // OKR_CORE_ANALYTICS_FINDING_H_
