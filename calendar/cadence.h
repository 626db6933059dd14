// Copyright 2026 The okrd Authors.
//
// The OKR rhythm as meetings: a weekly one-on-one for every manager/report
// pair (Person::manager_email), a biweekly review for every team unit (its
// members: people whose unit_key is the team, plus its lead), and all-day
// markers for each cycle's phases (planning window, execution start,
// mid-cycle review, scoring, retrospective).
//
// Timed meetings recur from the cycle's start to its end in the local time
// of the organiser's zone (the manager's for a one-on-one, the team lead's
// for a review). Length and interval come from an override, else the
// config's defaults. Overrides come from the organisation (the import:
// Person::one_on_one of the report for a one-on-one, Unit::review for a
// review), field by field before CadenceConfig's override maps. A slot
// comes from the stored slot of that pair or team (sticky: kept across
// re-imports and cycles while it still fits and agrees with the override's
// day and time), then from an override giving both day and time (placed as
// given even when it overlaps another meeting of a participant: the
// organisation asked for it; the overlap is a warning, and nobody else is
// moved for it), else a deterministic search (within the override's day or
// time if it gives one):
// weekdays Monday..Friday, earliest first, inside working hours in the
// organiser's zone and, where possible, every participant's own zone,
// never overlapping another placed meeting of any participant in any week
// of the planned cycles. Overlap is checked on occurrences expanded to UTC
// with libical's zone data, so DST changes are honoured. New meetings only
// take free time: adding or removing one report moves nobody else.
// Holidays (local dates of the organiser) become excluded occurrences.
//
// Pure apart from libical's zone data; takes LibicalMutex itself.
// [thread-safe]

#ifndef OKR_CALENDAR_CADENCE_H_
#define OKR_CALENDAR_CADENCE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/civil_time.h"
#include "core/config/config.h"
#include "core/model/organisation.h"
#include "core/store/calendar_store.h"

namespace okr {

using Slot = StoredSlot;

// Any field left empty falls back to the search (or the default length
// and interval).
using SlotOverride = CadenceOverride;

struct CadenceConfig {
  int one_on_one_minutes = 20;
  int one_on_one_interval_weeks = 1;
  int review_minutes = 30;
  int review_interval_weeks = 2;
  // Working hours, local, for every zone: [day_start, day_end).
  int day_start_minute = 9 * 60;
  int day_end_minute = 17 * 60;
  int slot_step_minutes = 30;  // Grid of candidate start times.
  // Used for people without a known IANA zone.
  std::string default_time_zone = "Etc/UTC";
  // Days without meetings (organiser's local date).
  std::vector<Date> holidays;
  // One-on-ones by the report's e-mail; reviews by unit key.
  std::map<std::string, SlotOverride> person_overrides;
  std::map<std::string, SlotOverride> unit_overrides;
};

enum class MeetingKind { kOneOnOne, kTeamReview, kPhase };
enum class PhaseMarker {
  kPlanning,
  kExecutionStart,
  kMidCycleReview,
  kScoring,
  kRetrospective,
};
std::string_view PhaseMarkerName(PhaseMarker marker);  // "Planning", ...

struct Meeting {
  MeetingKind kind = MeetingKind::kPhase;
  // Unique per cycle and stable: "<cycle>/1on1/<manager>/<report>",
  // "<cycle>/review/<unit>", "<cycle>/phase/<marker>". Never shown.
  std::string series_key;
  // What the slot is stored under (no cycle): "1on1/<manager>/<report>",
  // "review/<unit>"; empty for phases.
  std::string slot_key;
  std::string cycle;
  std::string manager_email;  // One-on-ones: the manager; reviews: the lead.
  std::string report_email;   // One-on-ones only.
  std::string unit_key;       // Reviews: the team.
  std::vector<std::string> participants;  // E-mails, sorted.
  // Timed meetings.
  std::string time_zone;  // IANA name of DTSTART.
  Slot slot;
  Date first_day;               // First occurrence (local date).
  Date last_day;                // Last day of the cycle (UNTIL: its end).
  std::vector<Date> exdates;    // Occurrences cancelled by holidays.
  // Phase markers: all-day from `first_day` for `days` days.
  PhaseMarker phase = PhaseMarker::kPlanning;
  int days = 1;

  // Local dates of all occurrences, excluded ones included.
  std::vector<Date> OccurrenceDays() const;
};

struct Cadence {
  std::vector<Meeting> meetings;  // Phases, reviews, then one-on-ones.
  std::map<std::string, Slot> slots;  // Every slot in use, by slot key.
  // Meetings that could not be placed, and overrides that overlap another
  // meeting of a participant (kept as given).
  std::vector<std::string> warnings;
};

// Plans `cycles` (names of org.cycles) for `org`. `stored` are the slots
// kept from earlier plans.
Cadence ComputeCadence(const Organisation& org,
                       const std::vector<std::string>& cycles,
                       const CadenceConfig& config,
                       const std::map<std::string, Slot>& stored);

// The config file's [cadence] defaults as a CadenceConfig (no overrides).
CadenceConfig CadenceConfigFrom(const CadenceSettings& settings);

// The zone a person's meetings use: theirs when known, else the default.
std::string ZoneOf(const Person& person, const CadenceConfig& config);

}  // namespace okr

#endif  // OKR_CALENDAR_CADENCE_H_
