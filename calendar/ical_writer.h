// Copyright 2026 The okrd Authors.
//
// Builds an iCalendar subscription feed (RFC 5545 + RFC 7986) with libical:
// one VCALENDAR with VERSION, PRODID, CALSCALE, X-WR-CALNAME and NAME,
// REFRESH-INTERVAL and X-PUBLISHED-TTL, no METHOD; one truncated VTIMEZONE
// per zone used, with the plain IANA TZID; then one VEVENT per meeting:
// stored UID and SEQUENCE, DTSTAMP = LAST-MODIFIED = the series' change
// time, DTSTART/DTEND with TZID and a weekly RRULE whose UNTIL is the end of
// the cycle's last day converted to UTC, EXDATEs with the same TZID; phase
// markers are all-day (VALUE=DATE, exclusive DTEND) and TRANSPARENT. No
// ORGANIZER/ATTENDEE. Nothing depends on "now": identical input gives
// identical bytes.
//
// Text from spreadsheets goes through CleanText first: libical escapes
// `\ ; , newline` in TEXT values but passes other control characters
// through, and escapes neither `;` nor `,` in X-properties (3.0.16), so the
// calendar name is cleaned of them (CleanName). libical folds lines at 75
// octets on UTF-8 boundaries (verified by tests; no post-processing).
//
// Reuse: a VEVENT's text depends only on the meeting, its content and its
// series state, so RenderEvent's EventText may be kept and appended to other
// writers (AddEventText) as long as those three are unchanged; a feed made
// that way is byte-identical to one built from fresh components, because
// libical serialises a VCALENDAR as its own properties followed by each
// subcomponent's own serialisation. VTIMEZONE texts and zone lookups are
// likewise kept in an optional IcalWriterMemo.
//
// Threads: an IcalFeedWriter holds LibicalMutex from construction until it
// is destroyed; use one at a time per thread and never nest them.

#ifndef OKR_CALENDAR_ICAL_WRITER_H_
#define OKR_CALENDAR_ICAL_WRITER_H_

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/cadence.h"
#include "calendar/time_zones.h"
#include "core/store/calendar_store.h"

struct icalcomponent_impl;

namespace okr {

// Owns an icalcomponent tree (icalcomponent_free on destruction).
struct IcalComponentDeleter {
  void operator()(icalcomponent_impl* c) const;
};
using IcalComponentPtr = std::unique_ptr<icalcomponent_impl, IcalComponentDeleter>;

// Valid UTF-8 (bad bytes become U+FFFD), CR LF and lone CR become LF, other
// control characters (C0 but tab and LF, DEL, C1) are dropped, and the
// result is cut at `max_bytes` on a character boundary. Pure.
std::string CleanText(std::string_view text, size_t max_bytes = 2000);
// CleanText on one line: newlines, tabs, `;`, `,` and `\` become spaces,
// runs of spaces collapse, ends are trimmed. For X-WR-CALNAME and NAME.
std::string CleanName(std::string_view text, size_t max_bytes = 200);

struct CalendarInfo {
  std::string name;  // Shown by clients; cleaned with CleanName.
  std::string prodid = "-//okrd//okrd OKR feed 1.0//EN";
  std::string refresh_interval = "PT4H";  // REFRESH-INTERVAL, X-PUBLISHED-TTL.
  // VTIMEZONE observances before 1 January of this year are dropped.
  int vtimezone_from_year = 2020;
};

// The text of one event. Cleaned by the writer.
struct EventContent {
  std::string summary;
  std::string description;
  std::string url;  // Absolute http(s) URL, or empty.
};

// A hex BLAKE2b hash of everything a meeting's VEVENT shows except UID,
// SEQUENCE, DTSTAMP and LAST-MODIFIED: the series changes when it changes.
std::string ContentHash(const Meeting& meeting, const EventContent& content);

// One VEVENT as a feed holds it: "BEGIN:VEVENT\r\n...END:VEVENT\r\n",
// folded, CRLF line ends.
struct EventText {
  std::string text;
  std::string zone;  // The TZID its times use; empty for all-day events.
};

// What IcalFeedWriters may share across feeds, one writer at a time: the
// VTIMEZONE texts (by "<from year> <zone>"), which zones libical knows, and
// the local-to-UTC conversions. Pure memos: sharing one changes no byte.
struct IcalWriterMemo {
  std::map<std::string, std::string> zone_texts;
  std::map<std::string, bool> known_zones;
  LocalToUtc local_to_utc;
};

class IcalFeedWriter {
 public:
  // `memo`, when given, must outlive the writer; without one the writer
  // uses its own.
  explicit IcalFeedWriter(const CalendarInfo& info,
                          IcalWriterMemo* memo = nullptr);
  ~IcalFeedWriter();
  IcalFeedWriter(const IcalFeedWriter&) = delete;
  IcalFeedWriter& operator=(const IcalFeedWriter&) = delete;

  // Appends the VEVENT of `meeting` (its zone must be known to libical,
  // else the event is written in the zone "Etc/UTC").
  void AddEvent(const Meeting& meeting, const EventContent& content,
                const SeriesState& state);

  // The text AddEvent would append, with libical (needs the lock this
  // writer holds, so call it on a live writer).
  EventText RenderEvent(const Meeting& meeting, const EventContent& content,
                        const SeriesState& state);
  // Appends an event rendered by RenderEvent, by this or an earlier writer.
  void AddEventText(const EventText& event);

  // The whole feed, CRLF line ends. Call once.
  std::string Finish();

 private:
  std::unique_lock<std::mutex> lock_;
  CalendarInfo info_;
  IcalWriterMemo own_memo_;
  IcalWriterMemo* memo_;  // &own_memo_ or the caller's.
  IcalComponentPtr calendar_;
  std::string events_;  // Concatenated VEVENT texts.
  std::set<std::string> zones_;
};

}  // namespace okr

#endif  // OKR_CALENDAR_ICAL_WRITER_H_
