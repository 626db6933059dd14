// Copyright 2026 The okrd Authors.

#include "calendar/cadence.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/time_zones.h"
#include "core/model/meeting_time.h"

namespace okr {
namespace {

// One recurring meeting to place (the same slot serves every cycle).
struct Need {
  MeetingKind kind;
  std::string slot_key;
  std::string organiser;  // Whose zone the slot is in.
  std::string zone;
  std::vector<std::string> participants;
  std::string report;
  std::string unit;
  int length = 0;
  int interval = 1;
  SlotOverride override;
};

using Interval = std::pair<UnixSeconds, UnixSeconds>;

// Busy time per person: UTC intervals sorted by start, one per start (the
// longest), each person's in one vector (a tree node per interval made
// planning 10,000 people mostly allocation).
class BusyMap {
 public:
  // Whether none of `ivs` overlaps the person's busy time.
  bool Free(const std::string& person, const std::vector<Interval>& ivs) const {
    auto p = by_person_.find(person);
    if (p == by_person_.end()) return true;
    for (const Interval& iv : ivs) {
      if (!FreeIn(p->second, iv)) return false;
    }
    return true;
  }
  void Add(const std::string& person, const std::vector<Interval>& ivs) {
    Busy& busy = by_person_[person];
    const size_t old_size = busy.size();
    busy.insert(busy.end(), ivs.begin(), ivs.end());
    auto by_start = [](const Interval& a, const Interval& b) {
      return a.first < b.first;
    };
    // Ascending already unless planned cycles overlap.
    if (!std::is_sorted(busy.begin() + old_size, busy.end(), by_start)) {
      std::sort(busy.begin() + old_size, busy.end(), by_start);
    }
    std::inplace_merge(busy.begin(), busy.begin() + old_size, busy.end(),
                       by_start);
    // One interval per start, the longest.
    auto out = busy.begin();
    for (auto it = busy.begin(); it != busy.end(); ++it) {
      if (out != busy.begin() && std::prev(out)->first == it->first) {
        std::prev(out)->second = std::max(std::prev(out)->second, it->second);
      } else {
        *out++ = *it;
      }
    }
    busy.erase(out, busy.end());
  }

 private:
  using Busy = std::vector<Interval>;
  static Busy::const_iterator LowerBound(const Busy& busy, UnixSeconds start) {
    return std::lower_bound(
        busy.begin(), busy.end(), start,
        [](const Interval& iv, UnixSeconds s) { return iv.first < s; });
  }
  // The first interval starting at or after iv's start must start after
  // its end, and the one before must end by its start.
  static bool FreeIn(const Busy& busy, const Interval& iv) {
    auto it = LowerBound(busy, iv.first);
    if (it != busy.end() && it->first < iv.second) return false;
    return it == busy.begin() || std::prev(it)->second <= iv.first;
  }

  std::unordered_map<std::string, Busy> by_person_;
};

// Calls fn(day) for each occurrence of `s` in cycle `c`, in order.
template <typename Fn>
void ForEachDayInCycle(const Cycle& c, const Slot& s, Fn fn) {
  const int64_t lead = (s.weekday - c.start.Weekday() + 7) % 7;
  const int interval = std::max(s.interval_weeks, 1);
  Date d = c.start.AddDays(lead + 7 * int64_t{s.week_offset % interval});
  for (; d <= c.end; d = d.AddDays(7 * int64_t{interval})) fn(d);
}

std::vector<Date> DaysInCycle(const Cycle& c, const Slot& s) {
  std::vector<Date> days;
  ForEachDayInCycle(c, s, [&](const Date& d) { days.push_back(d); });
  return days;
}

class Planner {
 public:
  Planner(const Organisation& org, std::vector<const Cycle*> cycles,
          const CadenceConfig& config,
          const std::map<std::string, Slot>& stored)
      : org_(org), cycles_(std::move(cycles)), config_(config),
        stored_(stored) {
    for (const Person& p : org.people) {
      people_[p.email] = &p;
      zones_[p.email] = ZoneOf(p, config);  // Locks: before Run().
    }
  }

  Cadence Run() {
    std::vector<Need> needs = Needs();
    std::vector<std::optional<Slot>> placed(needs.size());
    // Sticky slots first, so that an override placed next never moves
    // anybody else's meeting (it may overlap one: a warning).
    for (size_t i = 0; i < needs.size(); ++i) {
      if (!IsFixed(needs[i])) placed[i] = Sticky(needs[i]);
    }
    for (size_t i = 0; i < needs.size(); ++i) {
      if (IsFixed(needs[i])) placed[i] = Fixed(needs[i]);
    }
    for (size_t i = 0; i < needs.size(); ++i) {
      if (!placed[i]) placed[i] = Search(needs[i]);
    }
    Cadence out;
    out.warnings = std::move(warnings_);
    for (const Cycle* c : cycles_) AddPhases(*c, &out);
    for (size_t i = 0; i < needs.size(); ++i) {
      if (!placed[i]) {
        out.warnings.push_back("no free slot for " + needs[i].slot_key);
        continue;
      }
      out.slots[needs[i].slot_key] = *placed[i];
      for (const Cycle* c : cycles_) AddMeeting(needs[i], *placed[i], *c, &out);
    }
    return out;
  }

 private:
  std::string Zone(const std::string& email) const {
    auto it = zones_.find(email);
    return it == zones_.end() ? config_.default_time_zone : it->second;
  }

  // The organisation's override field by field, then the config's.
  static SlotOverride OverrideFor(const CadenceOverride& own,
                                  const std::map<std::string, SlotOverride>& m,
                                  const std::string& key) {
    auto it = m.find(key);
    if (it == m.end()) return own;
    const SlotOverride& c = it->second;
    return {.weekday = own.weekday ? own.weekday : c.weekday,
            .start_minute = own.start_minute ? own.start_minute : c.start_minute,
            .length_minutes =
                own.length_minutes ? own.length_minutes : c.length_minutes,
            .interval_weeks =
                own.interval_weeks ? own.interval_weeks : c.interval_weeks};
  }

  std::vector<Need> Needs() const {
    std::vector<Need> needs;
    // People by unit, in one pass (a scan of everyone per team was
    // quadratic).
    std::unordered_map<std::string_view, std::vector<const Person*>> in_unit;
    for (const Person& p : org_.people) in_unit[p.unit_key].push_back(&p);
    for (const Unit& u : org_.units) {
      if (u.level != Level::kTeam) continue;
      std::set<std::string> members;
      if (auto it = in_unit.find(u.key); it != in_unit.end()) {
        for (const Person* p : it->second) members.insert(p->email);
      }
      if (!u.lead_email.empty() && people_.count(u.lead_email)) {
        members.insert(u.lead_email);
      }
      if (members.size() < 2) continue;
      const std::string organiser =
          u.lead_email.empty() ? *members.begin() : u.lead_email;
      SlotOverride o = OverrideFor(u.review, config_.unit_overrides, u.key);
      needs.push_back({.kind = MeetingKind::kTeamReview,
                       .slot_key = "review/" + u.key,
                       .organiser = organiser,
                       .zone = Zone(organiser),
                       .participants = {members.begin(), members.end()},
                       .unit = u.key,
                       .length = o.length_minutes.value_or(config_.review_minutes),
                       .interval = o.interval_weeks.value_or(
                           config_.review_interval_weeks),
                       .override = o});
    }
    for (const Person& p : org_.people) {
      if (p.manager_email.empty() || p.manager_email == p.email ||
          !people_.count(p.manager_email)) {
        continue;
      }
      SlotOverride o = OverrideFor(p.one_on_one, config_.person_overrides, p.email);
      std::vector<std::string> who = {p.manager_email, p.email};
      std::sort(who.begin(), who.end());
      needs.push_back({.kind = MeetingKind::kOneOnOne,
                       .slot_key = "1on1/" + p.manager_email + "/" + p.email,
                       .organiser = p.manager_email,
                       .zone = Zone(p.manager_email),
                       .participants = who,
                       .report = p.email,
                       .length = o.length_minutes.value_or(
                           config_.one_on_one_minutes),
                       .interval = o.interval_weeks.value_or(
                           config_.one_on_one_interval_weeks),
                       .override = o});
    }
    for (Need& n : needs) {
      n.length = std::clamp(n.length, 5, 8 * 60);
      n.interval = std::clamp(n.interval, 1, 8);
    }
    return needs;
  }

  // UTC intervals of every occurrence in every planned cycle (the days of
  // DaysInCycle). Valid until the next call: one buffer serves them all.
  const std::vector<Interval>& Occurrences(const Need& n, const Slot& s) {
    occurrences_.clear();
    for (const Cycle* c : cycles_) {
      ForEachDayInCycle(*c, s, [&](const Date& d) {
        const UnixSeconds start = clock_.Convert(n.zone, d, s.start_minute);
        occurrences_.push_back({start, start + int64_t{s.length_minutes} * 60});
      });
    }
    return occurrences_;
  }

  bool Free(const std::string& who,
            const std::vector<Interval>& occurrences) const {
    return busy_.Free(who, occurrences);
  }

  bool Free(const Need& n, const std::vector<Interval>& occurrences) const {
    for (const std::string& who : n.participants) {
      if (!Free(who, occurrences)) return false;
    }
    return true;
  }

  // Whether `iv` lies within working hours on a weekday in `zone`.
  bool InHours(const std::string& zone, const Interval& iv) {
    const Date utc_day = Date::FromUnixSeconds(iv.first);
    for (int delta = -1; delta <= 1; ++delta) {
      const Date d = utc_day.AddDays(delta);
      if (d.Weekday() > 4) continue;
      if (clock_.Convert(zone, d, config_.day_start_minute) <= iv.first &&
          iv.second <= clock_.Convert(zone, d, config_.day_end_minute)) {
        return true;
      }
    }
    return false;
  }

  bool EveryoneInHours(const Need& n, const std::vector<Interval>& occ) {
    for (const std::string& who : n.participants) {
      const std::string zone = Zone(who);
      if (zone == n.zone) continue;  // The grid is already inside hours.
      for (const Interval& iv : occ) {
        if (!InHours(zone, iv)) return false;
      }
    }
    return true;
  }

  void Reserve(const Need& n, const std::vector<Interval>& occurrences) {
    for (const std::string& who : n.participants) busy_.Add(who, occurrences);
  }

  static bool IsFixed(const Need& n) {
    return n.override.weekday && n.override.start_minute;
  }

  // A fully specified override (day and time): kept as given even when it
  // overlaps another meeting of a participant, which is reported.
  std::optional<Slot> Fixed(const Need& n) {
    assert(IsFixed(n));
    Slot s{.weekday = std::clamp(*n.override.weekday, 0, 6),
           .start_minute = std::clamp(*n.override.start_minute, 0, 1439),
           .length_minutes = n.length,
           .interval_weeks = n.interval,
           .week_offset = 0};
    const std::vector<Interval>& occ = Occurrences(n, s);
    for (const std::string& who : n.participants) {
      if (Free(who, occ)) continue;
      warnings_.push_back(n.slot_key + ": the given slot (" +
                          std::string(WeekdayName(s.weekday)) + " " +
                          FormatClockTime(s.start_minute) + " " + n.zone +
                          ") overlaps another meeting of " + who +
                          "; kept as given");
      break;
    }
    Reserve(n, occ);
    return s;
  }

  // The stored slot, adjusted to today's length and interval, if it is
  // still free.
  std::optional<Slot> Sticky(const Need& n) {
    auto it = stored_.find(n.slot_key);
    if (it == stored_.end()) return std::nullopt;
    Slot s = it->second;
    s.length_minutes = n.length;
    s.interval_weeks = n.interval;
    s.week_offset %= n.interval;
    if (n.override.weekday && s.weekday != *n.override.weekday) {
      return std::nullopt;
    }
    if (n.override.start_minute && s.start_minute != *n.override.start_minute) {
      return std::nullopt;
    }
    const std::vector<Interval>& occ = Occurrences(n, s);
    if (!Free(n, occ)) return std::nullopt;
    Reserve(n, occ);
    return s;
  }

  std::optional<Slot> Search(const Need& n) {
    for (int pass = 0; pass < 2; ++pass) {
      if (auto s = SearchPass(n, /*everyone=*/pass == 0)) return s;
    }
    return std::nullopt;
  }

  std::optional<Slot> SearchPass(const Need& n, bool everyone) {
    const int step = std::max(config_.slot_step_minutes, 5);
    for (int day = 0; day < 5; ++day) {
      if (n.override.weekday && day != *n.override.weekday) continue;
      for (int m = config_.day_start_minute;
           m + n.length <= config_.day_end_minute; m += step) {
        if (n.override.start_minute && m != *n.override.start_minute) continue;
        for (int offset = 0; offset < n.interval; ++offset) {
          Slot s{.weekday = day, .start_minute = m, .length_minutes = n.length,
                 .interval_weeks = n.interval, .week_offset = offset};
          const std::vector<Interval>& occ = Occurrences(n, s);
          if (!Free(n, occ)) continue;
          if (everyone && !EveryoneInHours(n, occ)) continue;
          Reserve(n, occ);
          return s;
        }
      }
    }
    return std::nullopt;
  }

  void AddMeeting(const Need& n, const Slot& s, const Cycle& c, Cadence* out) {
    Meeting m;
    m.kind = n.kind;
    m.slot_key = n.slot_key;
    m.series_key = c.name + "/" + n.slot_key;
    m.cycle = c.name;
    m.manager_email = n.organiser;
    m.report_email = n.report;
    m.unit_key = n.unit;
    m.participants = n.participants;
    m.time_zone = n.zone;
    m.slot = s;
    m.last_day = c.end;
    const std::vector<Date> days = DaysInCycle(c, s);
    if (days.empty()) return;
    m.first_day = days.front();
    for (const Date& d : days) {
      if (std::find(config_.holidays.begin(), config_.holidays.end(), d) !=
          config_.holidays.end()) {
        m.exdates.push_back(d);
      }
    }
    if (m.exdates.size() == days.size()) return;  // Nothing left to meet.
    out->meetings.push_back(std::move(m));
  }

  void AddPhases(const Cycle& c, Cadence* out) {
    auto add = [&](PhaseMarker marker, Date first, int days) {
      if (days <= 0) return;
      Meeting m;
      m.kind = MeetingKind::kPhase;
      m.phase = marker;
      m.cycle = c.name;
      m.series_key = c.name + "/phase/" + std::string(PhaseMarkerName(marker));
      m.first_day = first;
      m.last_day = first.AddDays(days - 1);
      m.days = days;
      out->meetings.push_back(std::move(m));
    };
    add(PhaseMarker::kPlanning, c.start.AddDays(-c.planning_days),
        c.planning_days);
    add(PhaseMarker::kExecutionStart, c.start, 1);
    add(PhaseMarker::kMidCycleReview,
        c.start.AddDays(DaysBetween(c.start, c.end) / 2), 1);
    add(PhaseMarker::kScoring, c.end.AddDays(1), 1);
    add(PhaseMarker::kRetrospective, c.end.AddDays(1), c.retrospective_days);
  }

  const Organisation& org_;
  const std::vector<const Cycle*> cycles_;
  const CadenceConfig& config_;
  const std::map<std::string, Slot>& stored_;
  std::map<std::string, const Person*> people_;
  std::map<std::string, std::string> zones_;  // E-mail -> meeting zone.
  BusyMap busy_;
  LocalToUtc clock_;
  std::vector<std::string> warnings_;  // Overlapping overrides.
  std::vector<Interval> occurrences_;  // Occurrences()'s buffer.
};

}  // namespace

std::string_view PhaseMarkerName(PhaseMarker marker) {
  switch (marker) {
    case PhaseMarker::kPlanning: return "Planning";
    case PhaseMarker::kExecutionStart: return "Execution starts";
    case PhaseMarker::kMidCycleReview: return "Mid-cycle review";
    case PhaseMarker::kScoring: return "Scoring";
    case PhaseMarker::kRetrospective: return "Retrospective";
  }
  return "Phase";
}

std::vector<Date> Meeting::OccurrenceDays() const {
  if (kind == MeetingKind::kPhase) return {first_day};
  std::vector<Date> out;
  const int64_t step = 7 * int64_t{std::max(slot.interval_weeks, 1)};
  for (Date d = first_day; d <= last_day; d = d.AddDays(step)) {
    out.push_back(d);
  }
  return out;
}

std::string ZoneOf(const Person& person, const CadenceConfig& config) {
  return IsKnownTimeZone(person.time_zone) ? person.time_zone
                                           : config.default_time_zone;
}

Cadence ComputeCadence(const Organisation& org,
                       const std::vector<std::string>& cycles,
                       const CadenceConfig& config,
                       const std::map<std::string, Slot>& stored) {
  std::vector<const Cycle*> chosen;
  for (const std::string& name : cycles) {
    for (const Cycle& c : org.cycles) {
      if (c.name == name) chosen.push_back(&c);
    }
  }
  // The planner resolves zones (which locks) before running under the lock.
  Planner planner(org, std::move(chosen), config, stored);
  Cadence out;
  {
    std::lock_guard<std::mutex> lock(LibicalMutex());
    out = planner.Run();
  }
  return out;
}

CadenceConfig CadenceConfigFrom(const CadenceSettings& settings) {
  CadenceConfig config;
  config.one_on_one_minutes = settings.one_on_one_minutes;
  config.one_on_one_interval_weeks = settings.one_on_one_interval_weeks;
  config.review_minutes = settings.review_minutes;
  config.review_interval_weeks = settings.review_interval_weeks;
  config.day_start_minute = settings.day_start_minute;
  config.day_end_minute = settings.day_end_minute;
  config.holidays = settings.holidays;
  return config;
}

}  // namespace okr
