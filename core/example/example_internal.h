// Copyright 2026 The okrd Authors.
//
// Internals shared by the example organisation's generator files:
// example_org.cc (units, people, cycles), example_okr_rows.cc and
// example_team_rows.cc (objective tables), example_okrs.cc (keys, owners,
// links), example_checkins.cc
// (values and timing) and example_checkin_text.cc (the four questions). Not
// part of okr_core's interface; tests may include it to check details such as
// local check-in times.

#ifndef OKR_CORE_EXAMPLE_EXAMPLE_INTERNAL_H_
#define OKR_CORE_EXAMPLE_EXAMPLE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/civil_time.h"
#include "core/model/organisation.h"

namespace okr::example_internal {

inline constexpr std::string_view kDomain = "halden-health.example";
inline constexpr int kWeeksPerCycle = 13;

// "user" -> "user@halden-health.example".
std::string Email(std::string_view user);

// SplitMix64: tiny, fast and identical everywhere. Seed it from a stable key.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  // Seeded from FNV-1a of `key` mixed with a fixed salt.
  explicit Rng(std::string_view key);

  uint64_t Next();
  // Uniform in [0, 1) with 53 bits; exact arithmetic only.
  double Unit();
  // Uniform in [lo, hi).
  double Between(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  // Uniform integer in [0, n); n > 0.
  int Below(int n);

 private:
  uint64_t state_;
};

// How a KR's value and confidence move during its cycle.
enum class Trend {
  kOnTrack,   // Close to linear pace; confidence 0.65-0.9.
  kAhead,     // Faster than pace; milestones land early.
  kBehind,    // About half pace; confidence sags to ~0.5.
  kStalled,   // Moves for three weeks, then flat; confidence falls below 0.4.
  kDrop,      // On track, then a setback in week 6 and a sharp confidence drop.
  kWrongWay,  // Moves away from the target.
  kBreach,    // Stay-above/below: holds, then crosses the threshold.
  kSilent,    // Never checked in.
};

// One key result in the data tables; built with the helpers below, e.g.
//   Decrease("Cut lead time from 9 to 3 days", 9, 3, "days").Goes(kBehind)
struct KrRow {
  std::string_view title;
  KrKind kind = KrKind::kIncrease;
  double start = 0;
  double target = 0;
  std::string_view unit;
  double weight = 1;
  int due_week = 0;  // Friday of that cycle week (1..13 lie in the cycle);
                     // 0: no due date.
  Trend trend = Trend::kOnTrack;
  std::string_view owner;  // User part; empty: rotate through the unit.

  KrRow By(std::string_view user) const;
  KrRow Weight(double w) const;
  KrRow DueWeek(int week) const;
  KrRow Goes(Trend t) const;
};

KrRow Increase(std::string_view title, double start, double target,
               std::string_view unit);
KrRow Decrease(std::string_view title, double start, double target,
               std::string_view unit);
// `baseline` is today's value, `limit` the threshold to stay on one side of.
KrRow StayAbove(std::string_view title, double baseline, double limit,
                std::string_view unit);
KrRow StayBelow(std::string_view title, double baseline, double limit,
                std::string_view unit);
// Start 0, target 1, no unit; done when the value is 1.
KrRow Milestone(std::string_view title);

// ObjectiveRow::owner of an objective nobody owns.
inline constexpr std::string_view kNobody = "-";

inline constexpr bool kCommitted = true;
inline constexpr bool kAspirational = false;

// One objective in the data tables. Keys are derived from the position:
// the n-th objective of unit "eng" is "o-eng-n", its m-th KR "kr-eng-n-m";
// individual objectives use "ind-<user with dots as dashes>" as the stem and
// previous-cycle objectives append "-prev" to it.
struct ObjectiveRow {
  std::string_view unit;   // Owning unit; empty for an individual objective.
  std::string_view owner;  // User part of the owner; empty: the unit lead;
                           // kNobody: no owner.
  std::string_view title;
  std::string_view description;
  bool committed = kCommitted;
  std::string_view parent;  // An "o-..." or "kr-..." key; empty: none.
  std::vector<std::string_view> supports;  // Keys as for parent.
  std::vector<KrRow> krs;
};

// An end-of-cycle score override on a previous-cycle objective.
struct ScoreOverrideRow {
  std::string_view objective;  // Key.
  double score;
  std::string_view reason;
};

// The data tables: company and departments (example_okr_rows.cc), teams and
// individuals (example_team_rows.cc), each in key order.
std::vector<ObjectiveRow> PreviousObjectiveRows();
std::vector<ScoreOverrideRow> PreviousScoreOverrides();
void AddCompanyAndDepartmentRows(std::vector<ObjectiveRow>* rows);
void AddTeamAndIndividualRows(std::vector<ObjectiveRow>* rows);

// How a KR stands at one check-in; chooses the sentences written.
enum class Mood { kGood, kSlow, kRisk, kDone };

// What the four questions of one check-in are written from.
struct CheckInFacts {
  const KeyResult* kr = nullptr;
  double value = 0;
  double confidence = 0;
  Mood mood = Mood::kGood;
  bool first_done = false;      // The first check-in that reports kDone.
  std::string_view department;  // "eng", "sales", "cs", "clinops" or "".
  std::string manager;          // First name of the author's manager.
};

// The sentence used last time per question, so that one KR's history does
// not repeat itself week after week.
struct TextMemory {
  int last[4] = {-1, -1, -1, -1};
};

// Fills status (ending with the confidence), learned, next_steps and
// challenges of `check_in` (example_checkin_text.cc).
void WriteCheckInText(const CheckInFacts& facts, TextMemory* memory, Rng* rng,
                      CheckIn* check_in);

// A KR value for people: "1,250,000 EUR", "4.1%", "NPS 42", "12".
std::string FormatValue(double value, const KeyResult& kr);

// The UTC offset of an IANA zone in standard time, in minutes. Only zones
// used by the example are known; others give 0.
int StandardUtcOffsetMinutes(std::string_view zone);

std::vector<Unit> MakeUnits();
std::vector<Person> MakePeople();

// Sets the example's cadence overrides on units and people already in
// `org` (example_cadence.cc): one person's one-on-one and one team review.
void AddCadenceOverrides(Organisation* org);

// Previous and current cycle, oldest first (see example_org.h).
std::vector<Cycle> MakeCycles(Date today);

// Appends objectives and KRs of both cycles (KR current = start) and returns
// one Trend per appended KR, in order. Needs units and people in `org`.
std::vector<Trend> AddObjectives(const Cycle& previous, const Cycle& current,
                                 Organisation* org);

// Appends check-ins before `today` for every KR, sorted oldest first, and
// sets each KR's current value. `trends` is parallel to org->key_results.
void AddCheckIns(Date today, const std::vector<Trend>& trends,
                 Organisation* org);

}  // namespace okr::example_internal

#endif  // OKR_CORE_EXAMPLE_EXAMPLE_INTERNAL_H_
