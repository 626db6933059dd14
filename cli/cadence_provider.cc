// Copyright 2026 The okrd Authors.

#include "cli/cadence_provider.h"

#include <string>
#include <utility>

#include "core/base/log.h"
#include "core/model/meeting_time.h"

namespace okr {
namespace {

constexpr size_t kMaxMeetingsShown = 8;

std::string Note(bool is_person, std::string_view key) {
  const std::string rotate =
      "`okrd feeds rotate " + std::string(key) + "`";
  return std::string(is_person ? "These meetings" : "This team's meetings") +
         ", with the check-in agenda and live status, are also an iCalendar "
         "feed for Google Calendar, Outlook, Apple Calendar or Thunderbird. "
         "Feed links are private, so this page never shows them: an "
         "administrator prints them with `okrd feeds list` (a new one with " +
         rotate + ").";
}

// "Tuesday, 14:30, 45 min, every 2 weeks": the fields an override gives,
// then "(the rest as configured)" when it leaves some to [cadence].
std::string DescribeOverride(const CadenceOverride& o) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (o.weekday && *o.weekday >= 0 && *o.weekday < 7) {
    add(std::string(WeekdayName(*o.weekday)));
  }
  if (o.start_minute && *o.start_minute >= 0 && *o.start_minute < 24 * 60) {
    add(FormatClockTime(*o.start_minute));
  }
  if (o.length_minutes) add(std::to_string(*o.length_minutes) + " min");
  if (o.interval_weeks) {
    add(*o.interval_weeks == 1
            ? std::string("every week")
            : "every " + std::to_string(*o.interval_weeks) + " weeks");
  }
  if (!o.weekday || !o.start_minute || !o.length_minutes || !o.interval_weeks) {
    out += " (the rest as configured)";
  }
  return out;
}

// The person's one-on-one override (as the report) or the unit's review
// override, as a line beside the next meetings; nullopt when none is set.
std::optional<web::CadenceInfo::Meeting> OverrideLine(
    const Organisation& org, bool is_person, std::string_view key) {
  if (is_person) {
    for (const Person& p : org.people) {
      if (p.email != key || p.one_on_one.empty()) continue;
      return web::CadenceInfo::Meeting{
          .label = "One-on-one set for " + (p.name.empty() ? p.email : p.name),
          .when = DescribeOverride(p.one_on_one)};
    }
    return std::nullopt;
  }
  for (const Unit& u : org.units) {
    if (u.key != key || u.review.empty()) continue;
    return web::CadenceInfo::Meeting{
        .label = "Team review set for " + u.name,
        .when = DescribeOverride(u.review)};
  }
  return std::nullopt;
}

std::optional<web::CadenceInfo> Describe(FeedService* feeds,
                                         const web::OrgAtRevision& org,
                                         bool is_person, std::string_view key,
                                         UnixSeconds now) {
  const FeedId id{is_person ? FeedKind::kPerson : FeedKind::kTeam,
                  std::string(key)};
  Result<std::vector<UpcomingMeeting>> upcoming = feeds->Upcoming(
      id, now, kMaxMeetingsShown, {.org = org.org, .revision = org.revision});
  if (!upcoming.ok()) {
    LogWarn("status page: no meetings: " + upcoming.status().ToString());
    return std::nullopt;
  }
  web::CadenceInfo info;
  for (const UpcomingMeeting& m : *upcoming) {
    info.meetings.push_back(
        {.label = "Next " + m.summary,
         .when = DescribeWhen(m)});
  }
  if (org.org != nullptr) {
    if (auto line = OverrideLine(*org.org, is_person, key)) {
      info.meetings.push_back(std::move(*line));
    }
  }
  if (info.meetings.empty() && !is_person) {
    info.note = "No team review is planned for this unit (only teams have "
                "one); its people's pages show their one-on-ones.";
    return info;
  }
  info.note = Note(is_person, key);
  return info;
}

}  // namespace

web::CadenceProvider MakeCadenceProvider(FeedService* feeds) {
  return [feeds](const web::OrgAtRevision& org, bool is_person,
                 std::string_view key, UnixSeconds now) {
    return Describe(feeds, org, is_person, key, now);
  };
}

}  // namespace okr
