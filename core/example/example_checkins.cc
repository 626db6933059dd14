// Copyright 2026 The okrd Authors.
//
// Weekly check-in history for the example organisation. Each KR gets one
// check-in per execution week from week 2 on, written by its owner in one
// weekly session (same day and time for all of that person's KRs), until
// `today`. Values follow the KR's Trend; the four questions are filled from
// small sentence pools chosen by how the KR is doing.
//
// Stale on purpose (see ExampleCases): team clinops-network stops after
// week 5, Vikram Nair after week 4 and Ethan Brooks after week 5, so their
// last check-in is well over two weeks before `today`.
// One check-in is typed as a fraction on a percent KR (kFractionTypos).

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/example/example_internal.h"

namespace okr::example_internal {
namespace {

// A stale unit rule covers the KRs of its objectives and the KRs its
// members own elsewhere.
struct StaleRule {
  std::string_view who;  // A unit key or a user (email local part).
  int last_week;         // Last execution week with a check-in.
};

constexpr StaleRule kStaleRules[] = {
    {"clinops-network", 5},
    {"vikram.nair", 4},
    {"ethan.brooks", 5},
};

// A check-in whose value was typed as a fraction of the KR's percent unit
// (0.66 for 66%), the week after corrected: checkin-unit-mismatch.
struct FractionTypo {
  std::string_view kr;
  int week;
};

constexpr FractionTypo kFractionTypos[] = {
    {"kr-ind-mei-lin-1-1", 5},
};

bool IsFractionTypo(const KeyResult& kr, int week) {
  for (const FractionTypo& t : kFractionTypos) {
    if (t.kr == kr.key && t.week == week) return true;
  }
  return false;
}

// Everything needed to write one KR's history.
struct KrContext {
  const KeyResult* kr = nullptr;
  const Objective* objective = nullptr;
  const Cycle* cycle = nullptr;
  const Person* owner = nullptr;
  std::string manager_first_name;
  std::string department;  // Flavours the text; empty for the company.
  Trend trend = Trend::kOnTrack;
  int last_week = kWeeksPerCycle;
  int flip_week = 0;  // Milestones: first week reported done; 0 = never.
  int due_week = 0;   // Cycle week of the due date; 0 = none.
};

struct Sample {
  double value = 0;
  double confidence = 0;
  Mood mood = Mood::kGood;
};

template <typename T>
const T* FindByKey(const std::vector<T>& items, std::string_view key,
                   std::string T::*field) {
  for (const T& item : items) {
    if (item.*field == key) return &item;
  }
  return nullptr;
}

std::string FirstName(const Person* person) {
  if (person == nullptr) return "the leadership team";
  return person->name.substr(0, person->name.find(' '));
}

int LastWeekFor(const KrContext& c, Date today) {
  const bool current = c.cycle->start <= today && today <= c.cycle->end;
  if (!current) return kWeeksPerCycle;
  const std::string user = c.owner->email.substr(0, c.owner->email.find('@'));
  for (const StaleRule& rule : kStaleRules) {
    if (rule.who == user || rule.who == c.objective->unit_key ||
        rule.who == c.owner->unit_key) {
      return rule.last_week;
    }
  }
  return kWeeksPerCycle;
}

// The department above `unit_key` (itself if it is one); "" otherwise.
std::string DepartmentOf(const Organisation& org, std::string unit_key) {
  for (const Unit* unit = FindByKey(org.units, unit_key, &Unit::key);
       unit != nullptr;
       unit = FindByKey(org.units, unit->parent_key, &Unit::key)) {
    if (unit->level == Level::kDepartment) return unit->key;
  }
  return "";
}

int FlipWeek(const KeyResult& kr, int due, Trend trend, Rng* rng) {
  if (kr.kind != KrKind::kMilestone) return 0;
  switch (trend) {
    case Trend::kOnTrack:
      return due > 0 ? due - rng->Below(2) : 6 + rng->Below(6);
    case Trend::kAhead:
      return due > 0 ? std::max(2, due - 2) : 3 + rng->Below(3);
    default:
      return 0;
  }
}

KrContext MakeContext(const KeyResult* kr, Trend trend, const Organisation& org,
                      Date today) {
  KrContext c;
  c.kr = kr;
  c.trend = trend;
  c.objective = FindByKey(org.objectives, kr->objective_key, &Objective::key);
  c.cycle = FindByKey(org.cycles, c.objective->cycle, &Cycle::name);
  c.owner = FindByKey(org.people, kr->owner_email, &Person::email);
  c.manager_first_name =
      FirstName(FindByKey(org.people, c.owner->manager_email, &Person::email));
  c.department =
      DepartmentOf(org, c.objective->unit_key.empty() ? c.owner->unit_key
                                                      : c.objective->unit_key);
  c.last_week = LastWeekFor(c, today);
  if (kr->due) {
    c.due_week =
        static_cast<int>(DaysBetween(c.cycle->start, *kr->due) / 7) + 1;
  }
  Rng rng(kr->key + "#milestone");
  c.flip_week = FlipWeek(*kr, c.due_week, trend, &rng);
  return c;
}

// ---- Values -------------------------------------------------------------

// Rounding grain: whole multiples of `granule` when it is >= 1, otherwise
// `decimals` decimal places. Only exactly rounded operations are used.
struct Precision {
  int decimals = 0;
  double granule = 1;
};

Precision PrecisionOf(const KeyResult& kr) {
  const double span = std::fabs(kr.target - kr.start);
  if (kr.unit == "count" || kr.unit == "NPS" || span == 0) return {0, 1};
  if (span < 2) return {2, 0};
  if (span < 20) return {1, 0};
  if (span < 10'000) return {0, 1};
  if (span < 100'000) return {0, 100};
  return {0, 1000};
}

double RoundTo(double v, const Precision& p) {
  if (p.granule >= 1) return std::round(v / p.granule) * p.granule;
  const double scale = p.decimals == 2 ? 100 : 10;
  return std::round(v * scale) / scale;
}

bool IsStay(KrKind kind) {
  return kind == KrKind::kStayAbove || kind == KrKind::kStayBelow;
}

// Share of the way from start to target (for stay KRs: from the baseline to
// the limit, where > 1 means breached) at elapsed cycle fraction `t`.
double Progress(Trend trend, bool stay, int week, double t, double pace,
                Rng* rng) {
  const double noise = rng->Between(-0.03, 0.03);
  const bool late = week >= 6;
  if (stay) {
    switch (trend) {
      case Trend::kOnTrack:
      case Trend::kAhead:
        return rng->Between(-0.3, 0.5);
      case Trend::kBehind:
      case Trend::kStalled:
        return 0.4 + 0.5 * t + noise;
      default:
        return late ? rng->Between(1.15, 1.5) : rng->Between(-0.2, 0.4);
    }
  }
  switch (trend) {
    case Trend::kOnTrack:
      return t * pace + noise;
    case Trend::kAhead:
      return std::min(1.1, t * pace * 1.5 + noise);
    case Trend::kBehind:
      return t * pace * 0.5 + noise;
    case Trend::kStalled:
      return std::min(t, 3.0 / 13) * 0.8 + noise / 3;
    case Trend::kWrongWay:
      return -0.5 * t + noise;
    default:  // kDrop, kBreach: on pace, then a setback in week 6.
      return late ? 6.0 / 13 * pace - 0.2 + (t - 6.0 / 13) * 0.4 + noise
                  : t * pace + noise;
  }
}

double BaseConfidence(Trend trend, int week, Rng* rng) {
  const bool late = week >= 6;
  switch (trend) {
    case Trend::kOnTrack:
      return rng->Between(0.65, 0.9);
    case Trend::kAhead:
      return rng->Between(0.8, 0.95);
    case Trend::kBehind:
      return 0.72 - 0.025 * week + rng->Between(-0.05, 0.05);
    case Trend::kStalled:
      return 0.7 - 0.05 * week;
    case Trend::kWrongWay:
      return 0.6 - 0.04 * week;
    default:  // kDrop, kBreach.
      return late ? 0.32 - 0.02 * (week - 6) : rng->Between(0.7, 0.85);
  }
}

Mood MoodOf(const KrContext& c, double x, double t, int week,
            double confidence) {
  const KrKind kind = c.kr->kind;
  const bool numeric = kind == KrKind::kIncrease || kind == KrKind::kDecrease;
  if (kind == KrKind::kMilestone) {
    if (x >= 1) return Mood::kDone;
    if (c.due_week > 0 && week > c.due_week) return Mood::kRisk;  // Overdue.
  } else if (IsStay(kind)) {
    if (x > 1) return Mood::kRisk;
  } else if (x >= 1 && c.kr->start != c.kr->target) {
    return Mood::kDone;
  }
  if (confidence < 0.4) return Mood::kRisk;
  if (confidence < 0.6 || (numeric && x < 0.6 * t)) return Mood::kSlow;
  return Mood::kGood;
}

// Samples the KR at `week`; `x_floor` keeps steady trends from going back.
Sample SampleAt(const KrContext& c, int week, double t, double pace,
                double* x_floor, Rng* rng) {
  const KeyResult& kr = *c.kr;
  double x;
  if (kr.kind == KrKind::kMilestone) {
    x = c.flip_week > 0 && week >= c.flip_week ? 1 : 0;
  } else {
    x = Progress(c.trend, IsStay(kr.kind), week, t, pace, rng);
    const bool steady = c.trend == Trend::kOnTrack ||
                        c.trend == Trend::kAhead || c.trend == Trend::kBehind ||
                        c.trend == Trend::kStalled;
    if (steady && !IsStay(kr.kind)) x = std::max(x, *x_floor);
    *x_floor = x;
  }
  Sample s;
  s.value =
      kr.kind == KrKind::kMilestone
          ? x
          : RoundTo(kr.start + x * (kr.target - kr.start), PrecisionOf(kr));
  double confidence = BaseConfidence(c.trend, week, rng);
  if (kr.kind == KrKind::kMilestone && x >= 1) confidence = 1;
  confidence = std::clamp(std::round(confidence * 20) / 20, 0.1, 1.0);
  s.confidence = confidence;
  s.mood = MoodOf(c, x, t, week, confidence);
  return s;
}

// ---- Schedule -------------------------------------------------------------

// When `owner` holds the weekly check-in session of `week`: a weekday in
// office hours, the same for all of their KRs. Returns the local date and
// minutes after local midnight.
std::pair<Date, int> SessionTime(const Person& owner, const Cycle& cycle,
                                 int week) {
  Rng habit(owner.email);
  static constexpr int kHabitDays[] = {0, 1, 2, 3, 4, 4, 4, 0};  // Mon..Fri.
  int day = kHabitDays[habit.Below(8)];
  const int habit_minutes = 9 * 60 + 15 * habit.Below(24);  // 9:00-14:45.
  Rng week_rng(owner.email + "#" + std::to_string(week));
  if (week_rng.Below(6) == 0) day = std::clamp(day + 1 - 2 * (day == 4), 0, 4);
  const int minutes = habit_minutes + 5 * week_rng.Below(18);  // <= 16:10.
  return {cycle.start.AddDays(7 * (week - 1) + day), minutes};
}

UnixSeconds ToUtc(Date local_date, int local_minutes, std::string_view zone) {
  return local_date.ToUnixSeconds() +
         60 * static_cast<int64_t>(local_minutes -
                                   StandardUtcOffsetMinutes(zone));
}

// Appends the KR's check-ins to `out`; returns the latest value, if any.
std::optional<double> AddHistory(const KrContext& c, Date today,
                                 std::vector<CheckIn>* out) {
  std::optional<double> latest;
  if (c.trend == Trend::kSilent) return latest;
  Rng rng(c.kr->key);
  const double pace = rng.Between(0.9, 1.1);
  double x_floor = -1e9;
  TextMemory memory;
  bool missed_last_week = false;
  bool reported_done = false;
  int last_week = 1;  // The last week whose session is before `today`.
  while (last_week < c.last_week &&
         SessionTime(*c.owner, *c.cycle, last_week + 1).first < today) {
    ++last_week;
  }
  for (int week = 2; week <= last_week; ++week) {
    const auto [date, minutes] = SessionTime(*c.owner, *c.cycle, week);
    // Now and then a week is missed, but never two in a row or the latest.
    const bool skipped =
        rng.Below(16) == 0 && week < last_week && !missed_last_week;
    missed_last_week = skipped;
    const double t =
        static_cast<double>(DaysBetween(c.cycle->start, date) + 1) /
        (7 * kWeeksPerCycle);
    Sample s = SampleAt(c, week, t, pace, &x_floor, &rng);
    if (skipped) continue;
    if (IsFractionTypo(*c.kr, week)) s.value /= 100;
    CheckIn check_in;
    check_in.target_kind = TargetKind::kKeyResult;
    check_in.target_key = c.kr->key;
    check_in.at = ToUtc(date, minutes, c.owner->time_zone);
    check_in.author_email = c.owner->email;
    check_in.value = s.value;
    check_in.confidence = s.confidence;
    check_in.source = "example";
    const bool done = s.mood == Mood::kDone;
    CheckInFacts facts{c.kr,
                       s.value,
                       s.confidence,
                       s.mood,
                       done && !reported_done,
                       c.department,
                       c.manager_first_name};
    reported_done |= done;
    WriteCheckInText(facts, &memory, &rng, &check_in);
    latest = s.value;
    out->push_back(std::move(check_in));
  }
  return latest;
}

}  // namespace

void AddCheckIns(Date today, const std::vector<Trend>& trends,
                 Organisation* org) {
  std::vector<CheckIn> history;
  for (size_t i = 0; i < org->key_results.size(); ++i) {
    KeyResult& kr = org->key_results[i];
    const std::optional<double> latest =
        AddHistory(MakeContext(&kr, trends[i], *org, today), today, &history);
    kr.current = latest.value_or(kr.start);
  }
  std::sort(
      history.begin(), history.end(), [](const CheckIn& a, const CheckIn& b) {
        return std::tie(a.at, a.target_key) < std::tie(b.at, b.target_key);
      });
  for (CheckIn& check_in : history) {
    org->check_ins.push_back(std::move(check_in));
  }
}

}  // namespace okr::example_internal
