// Copyright 2026 The okrd Authors.

#include "cli/cadence_provider.h"

#include <string>

#include "core/base/log.h"

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

std::optional<web::CadenceInfo> Describe(FeedService* feeds, bool is_person,
                                         std::string_view key, UnixSeconds now) {
  const FeedId id{is_person ? FeedKind::kPerson : FeedKind::kTeam,
                  std::string(key)};
  Result<std::vector<UpcomingMeeting>> upcoming =
      feeds->Upcoming(id, now, kMaxMeetingsShown);
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
  return [feeds](const Organisation&, bool is_person, std::string_view key,
                 UnixSeconds now) {
    return Describe(feeds, is_person, key, now);
  };
}

}  // namespace okr
