// Copyright 2026 The okrd Authors.
//
// The plain description of an organisation and its OKRs: units, people,
// cycles, objectives, key results and check-ins. These are value types with
// no behaviour beyond small helpers; importers produce them, the store
// persists them, renderers read them. Keys are stable strings chosen by the
// organisation (or derived by an importer) and are how rows are matched.

#ifndef OKR_CORE_MODEL_ORGANISATION_H_
#define OKR_CORE_MODEL_ORGANISATION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/civil_time.h"

namespace okr {

// The level an objective is set at. Units are company/department/team; an
// individual objective is owned by a person.
enum class Level { kCompany, kDepartment, kTeam, kIndividual };

std::string_view LevelName(Level level);  // "company", "department", ...
std::optional<Level> ParseLevel(std::string_view name);

// A meeting rhythm given by the organisation (the import) instead of the
// config's [cadence] defaults. Every field is optional; an empty one falls
// back to the default (length, interval) or to the planner's search (day,
// time). Ranges (core/model/meeting_time.h): weekday 0..6 (0 = Monday),
// start 0..1439 minutes after local midnight in the organiser's zone,
// length 5..240 minutes, interval 1..8 weeks.
struct CadenceOverride {
  std::optional<int> weekday;
  std::optional<int> start_minute;
  std::optional<int> length_minutes;
  std::optional<int> interval_weeks;

  bool empty() const {
    return !weekday && !start_minute && !length_minutes && !interval_weeks;
  }
  friend bool operator==(const CadenceOverride&,
                         const CadenceOverride&) = default;
};

// A node of the organisation tree. The root (no parent) is the company.
struct Unit {
  std::string key;         // Stable, unique among units, e.g. "eng-platform".
  std::string name;        // Display name.
  std::string parent_key;  // Empty for the company.
  Level level = Level::kTeam;
  std::string lead_email;  // Empty when unknown.
  // The team review of this unit (teams only; ignored for other levels).
  CadenceOverride review;

  friend bool operator==(const Unit&, const Unit&) = default;
};

struct Person {
  std::string email;  // Natural key, stored lowercase.
  std::string name;
  std::string unit_key;       // The unit the person belongs to; may be empty.
  std::string manager_email;  // Empty for the top of the tree.
  std::string time_zone;      // IANA name, e.g. "Europe/Berlin".
  // The one-on-one of this person (as the report) with their manager; the
  // time is in the manager's zone, as the meeting is. A manager's own row
  // sets only the one-on-one with *their* manager, never their reports'.
  CadenceOverride one_on_one;

  friend bool operator==(const Person&, const Person&) = default;
};

// The three phases of an OKR cycle around its execution dates.
enum class Phase { kBefore, kPlanning, kExecution, kRetrospective, kAfter };
std::string_view PhaseName(Phase phase);

struct Cycle {
  std::string name;  // Unique, e.g. "2027-Q1".
  Date start;        // First day of execution.
  Date end;          // Last day of execution (inclusive).
  int planning_days = 14;       // Planning window before start.
  int retrospective_days = 7;   // Retrospective window after end.

  friend bool operator==(const Cycle&, const Cycle&) = default;
};

// What an alignment link points at.
enum class TargetKind { kObjective, kKeyResult };
std::string_view TargetKindName(TargetKind kind);  // "objective", "kr"
std::optional<TargetKind> ParseTargetKind(std::string_view name);

struct LinkTarget {
  TargetKind kind = TargetKind::kObjective;
  std::string key;
  friend bool operator==(const LinkTarget&, const LinkTarget&) = default;
};

struct Objective {
  std::string key;  // Stable, unique among objectives.
  std::string title;
  std::string description;
  Level level = Level::kTeam;
  std::string unit_key;     // Owning unit (all levels but individual).
  std::string owner_email;  // Owning person; required for individual level.
  std::string cycle;        // Cycle name.
  bool committed = true;    // false = aspirational.
  // Contributes to (progress rolls up). At most one.
  std::optional<LinkTarget> parent;
  // Supports across departments (shown, not rolled up).
  std::vector<LinkTarget> supports;
  // End-of-cycle score override in 0..1, with the reason given.
  std::optional<double> score_override;
  std::string score_reason;

  friend bool operator==(const Objective&, const Objective&) = default;
};

enum class KrKind {
  kIncrease,    // From start up to target.
  kDecrease,    // From start down to target.
  kStayAbove,   // Keep current >= target.
  kStayBelow,   // Keep current <= target.
  kMilestone,   // Done (current != 0) or not.
};
std::string_view KrKindName(KrKind kind);  // "increase", "decrease", ...
std::optional<KrKind> ParseKrKind(std::string_view name);

struct KeyResult {
  std::string key;  // Stable, unique among key results.
  std::string objective_key;
  std::string title;
  std::string owner_email;  // Empty means the objective's owner.
  KrKind kind = KrKind::kIncrease;
  double start = 0;
  double target = 0;
  double current = 0;
  std::string unit;    // "%", "EUR", "count", ...
  double weight = 1;   // Relative weight within its objective; >= 0.
  std::optional<Date> due;

  friend bool operator==(const KeyResult&, const KeyResult&) = default;
};

// One weekly check-in. History is append-only: never edited or deleted.
struct CheckIn {
  int64_t id = 0;  // Assigned by the store; 0 before it is stored.
  TargetKind target_kind = TargetKind::kKeyResult;
  std::string target_key;
  UnixSeconds at = 0;
  std::string author_email;         // Empty when unknown.
  std::optional<double> value;      // New current value (KRs).
  std::optional<double> confidence; // 0.0 .. 1.0.
  // The four weekly questions.
  std::string status;      // Status of objectives, and confidence.
  std::string learned;     // What was learned last week.
  std::string next_steps;  // Plans for next week and how to execute them.
  std::string challenges;  // Significant challenges.
  std::string source = "cli";  // "cli", "web", "api", "import", "example".

  friend bool operator==(const CheckIn&, const CheckIn&) = default;
};

struct Organisation {
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Cycle> cycles;
  std::vector<Objective> objectives;
  std::vector<KeyResult> key_results;
  std::vector<CheckIn> check_ins;  // Oldest first.

  friend bool operator==(const Organisation&, const Organisation&) = default;
};

}  // namespace okr

#endif  // OKR_CORE_MODEL_ORGANISATION_H_
