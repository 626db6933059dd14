// Copyright 2026 The okrd Authors.

#include "calendar/ical_writer.h"

#include <libical/ical.h>
#include <sodium.h>

#include <array>
#include <cassert>
#include <cstdio>

#include "calendar/time_zones.h"

namespace okr {
namespace {

constexpr char kFallbackZone[] = "Etc/UTC";

// Decodes one UTF-8 sequence at text[i]; returns its length and sets *cp,
// or returns 0 for an invalid sequence (overlong, surrogate, > U+10FFFF).
size_t DecodeUtf8(std::string_view text, size_t i, uint32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  size_t n = 0;
  uint32_t v = 0;
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; }
  else return 0;
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
      (v >= 0xD800 && v <= 0xDFFF)) {
    return 0;
  }
  *cp = v;
  return n;
}

bool DroppedControl(uint32_t cp) {
  if (cp == '\t' || cp == '\n') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

icaltimetype LocalTime(const Date& d, int minute) {
  icaltimetype t = icaltime_null_time();
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  t.hour = minute / 60;
  t.minute = minute % 60;
  t.is_date = 0;
  return t;
}

icaltimetype DateValue(const Date& d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  return t;
}

icaltimetype UtcTime(UnixSeconds t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0,
                                       icaltimezone_get_utc_timezone());
}

icalproperty* WithTzid(icalproperty* p, const std::string& zone) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(zone.c_str()));
  return p;
}

void AddX(icalcomponent* c, const char* name, const std::string& value) {
  icalproperty* p = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(p, name);
  icalcomponent_add_property(c, p);
}

// A truncated copy of libical's zone with the plain IANA TZID. Caller holds
// LibicalMutex; `zone` is known.
IcalComponentPtr TimeZoneComponent(const std::string& zone, int from_year) {
  icaltimezone* z = icaltimezone_get_builtin_timezone(zone.c_str());
  assert(z != nullptr);
  icalcomponent* vtz = icalcomponent_new_clone(icaltimezone_get_component(z));
  icaltimetype start = icaltime_null_time();
  start.year = from_year;
  start.month = 1;
  start.day = 1;
  start.is_date = 0;
  start.zone = icaltimezone_get_utc_timezone();
  icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 1);
  icalproperty_set_tzid(icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY),
                        zone.c_str());
  return IcalComponentPtr(vtz);
}

void AddRecurrence(icalcomponent* ev, const Meeting& m, const std::string& zone,
                   LocalToUtc* clock) {
  icalrecurrencetype r;
  icalrecurrencetype_clear(&r);
  r.freq = ICAL_WEEKLY_RECURRENCE;
  r.interval = static_cast<short>(std::max(m.slot.interval_weeks, 1));
  static constexpr icalrecurrencetype_weekday kDays[] = {
      ICAL_MONDAY_WEEKDAY,   ICAL_TUESDAY_WEEKDAY, ICAL_WEDNESDAY_WEEKDAY,
      ICAL_THURSDAY_WEEKDAY, ICAL_FRIDAY_WEEKDAY,  ICAL_SATURDAY_WEEKDAY,
      ICAL_SUNDAY_WEEKDAY};
  r.by_day[0] = static_cast<short>(kDays[m.first_day.Weekday()]);
  r.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
  // The end of the cycle's last day, local, as UTC (RFC 5545 erratum 4414).
  r.until = UtcTime(clock->Convert(zone, m.last_day, 23 * 60 + 59) + 59);
  icalcomponent_add_property(ev, icalproperty_new_rrule(r));
  for (const Date& d : m.exdates) {
    icalcomponent_add_property(
        ev, WithTzid(icalproperty_new_exdate(
                         LocalTime(d, m.slot.start_minute)), zone));
  }
}

void AddTimes(icalcomponent* ev, const Meeting& m, const std::string& zone,
              LocalToUtc* clock) {
  if (m.kind == MeetingKind::kPhase) {
    icalcomponent_add_property(ev, icalproperty_new_dtstart(DateValue(m.first_day)));
    icalcomponent_add_property(
        ev, icalproperty_new_dtend(DateValue(m.first_day.AddDays(m.days))));
    return;
  }
  const int end = std::min(m.slot.start_minute + m.slot.length_minutes,
                           23 * 60 + 59);
  icalcomponent_add_property(
      ev, WithTzid(icalproperty_new_dtstart(
                       LocalTime(m.first_day, m.slot.start_minute)), zone));
  icalcomponent_add_property(
      ev, WithTzid(icalproperty_new_dtend(LocalTime(m.first_day, end)), zone));
  AddRecurrence(ev, m, zone, clock);
}

// The serialisation of `c` and its subcomponents. Caller holds LibicalMutex.
std::string AsText(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  std::string out = text == nullptr ? std::string() : std::string(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace

void IcalComponentDeleter::operator()(icalcomponent_impl* c) const {
  icalcomponent_free(c);
}

std::string CleanText(std::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t n = DecodeUtf8(text, i, &cp);
    std::string_view piece = text.substr(i, n);
    if (n == 0) {
      piece = "\xEF\xBF\xBD";  // U+FFFD for a bad byte.
      n = 1;
    } else if (cp == '\r') {
      piece = "\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++n;
    } else if (DroppedControl(cp)) {
      piece = {};
    }
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += n;
  }
  return out;
}

std::string CleanName(std::string_view text, size_t max_bytes) {
  std::string out;
  for (char c : CleanText(text, max_bytes)) {
    if (c == '\n' || c == '\t' || c == ';' || c == ',' || c == '\\') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// Hashes a sequence of "<size>:<bytes>" fields with BLAKE2b, streaming (the
// same digest as hashing their concatenation).
class FieldHasher {
 public:
  FieldHasher() { crypto_generichash_init(&state_, nullptr, 0, kBytes); }

  void Field(std::string_view v) {
    char size[24];
    const int n = std::snprintf(size, sizeof size, "%zu:", v.size());
    Update(std::string_view(size, static_cast<size_t>(n)));
    Update(v);
  }
  void Field(int64_t v) { Field(std::string_view(std::to_string(v))); }
  // CleanText(v), without a copy when it would change nothing.
  void CleanField(std::string_view v) {
    if (IsCleanAscii(v)) {
      Field(v);
    } else {
      Field(CleanText(v));
    }
  }

  std::string HexDigest() {
    std::array<unsigned char, kBytes> hash{};
    crypto_generichash_final(&state_, hash.data(), hash.size());
    std::string hex(hash.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    hex.pop_back();
    return hex;
  }

 private:
  static constexpr size_t kBytes = 16;

  // Printable ASCII, tab and LF only, and short enough: CleanText returns
  // such text unchanged.
  static bool IsCleanAscii(std::string_view v) {
    if (v.size() > 2000) return false;
    for (char ch : v) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\n') || c >= 0x7F) return false;
    }
    return true;
  }

  void Update(std::string_view v) {
    crypto_generichash_update(
        &state_, reinterpret_cast<const unsigned char*>(v.data()), v.size());
  }

  crypto_generichash_state state_;
};

}  // namespace

std::string ContentHash(const Meeting& m, const EventContent& c) {
  FieldHasher h;
  h.Field(static_cast<int>(m.kind));
  h.Field(m.time_zone);
  h.Field(m.first_day.ToString());
  h.Field(m.last_day.ToString());
  h.Field(m.days);
  h.Field(std::to_string(m.slot.weekday) + "/" +
          std::to_string(m.slot.start_minute) + "/" +
          std::to_string(m.slot.length_minutes) + "/" +
          std::to_string(m.slot.interval_weeks));
  for (const Date& d : m.exdates) h.Field(d.ToString());
  h.CleanField(c.summary);
  h.CleanField(c.description);
  h.CleanField(c.url);
  return h.HexDigest();
}

IcalFeedWriter::IcalFeedWriter(const CalendarInfo& info,
                               IcalWriterMemo* memo)
    : lock_(LibicalMutex()),
      info_(info),
      memo_(memo != nullptr ? memo : &own_memo_) {
  icalerror_set_errors_are_fatal(0);
  calendar_.reset(icalcomponent_vanew(
      ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
      icalproperty_new_prodid(CleanName(info.prodid).c_str()),
      icalproperty_new_calscale("GREGORIAN"), static_cast<void*>(nullptr)));
  const std::string name = CleanName(info.name);
  AddX(calendar_.get(), "X-WR-CALNAME", name);
  icalcomponent_add_property(calendar_.get(), icalproperty_new_name(name.c_str()));
  const icaldurationtype refresh =
      icaldurationtype_from_string(info.refresh_interval.c_str());
  icalcomponent_add_property(calendar_.get(),
                             icalproperty_new_refreshinterval(refresh));
  AddX(calendar_.get(), "X-PUBLISHED-TTL",
       icaldurationtype_as_ical_string(refresh));
}

IcalFeedWriter::~IcalFeedWriter() = default;

void IcalFeedWriter::AddEvent(const Meeting& m, const EventContent& content,
                              const SeriesState& state) {
  AddEventText(RenderEvent(m, content, state));
}

EventText IcalFeedWriter::RenderEvent(const Meeting& m,
                                      const EventContent& content,
                                      const SeriesState& state) {
  const bool timed = m.kind != MeetingKind::kPhase;
  EventText out;
  if (timed) {
    auto known = memo_->known_zones.find(m.time_zone);
    if (known == memo_->known_zones.end()) {
      known = memo_->known_zones
                  .emplace(m.time_zone, IsKnownTimeZoneLocked(m.time_zone))
                  .first;
    }
    out.zone = known->second ? m.time_zone : kFallbackZone;
  }
  IcalComponentPtr ev(icalcomponent_new_vevent());
  const icaltimetype changed = UtcTime(state.modified_at);
  icalcomponent_add_property(ev.get(), icalproperty_new_uid(state.uid.c_str()));
  icalcomponent_add_property(ev.get(), icalproperty_new_dtstamp(changed));
  icalcomponent_add_property(ev.get(), icalproperty_new_lastmodified(changed));
  icalcomponent_add_property(
      ev.get(), icalproperty_new_sequence(static_cast<int>(state.sequence)));
  AddTimes(ev.get(), m, out.zone, &memo_->local_to_utc);
  icalcomponent_add_property(
      ev.get(), icalproperty_new_summary(CleanText(content.summary, 300).c_str()));
  icalcomponent_add_property(
      ev.get(),
      icalproperty_new_description(CleanText(content.description).c_str()));
  const std::string url = CleanName(content.url, 1000);
  if (!url.empty()) {
    icalcomponent_add_property(ev.get(), icalproperty_new_url(url.c_str()));
  }
  icalcomponent_add_property(
      ev.get(), icalproperty_new_transp(timed ? ICAL_TRANSP_OPAQUE
                                              : ICAL_TRANSP_TRANSPARENT));
  out.text = AsText(ev.get());
  return out;
}

void IcalFeedWriter::AddEventText(const EventText& event) {
  if (!event.zone.empty()) zones_.insert(event.zone);
  events_ += event.text;
}

std::string IcalFeedWriter::Finish() {
  // The calendar's own properties, then the subcomponents' texts: what
  // icalcomponent_as_ical_string_r writes for the whole tree.
  static constexpr std::string_view kEnd = "END:VCALENDAR\r\n";
  std::string out = AsText(calendar_.get());
  assert(out.size() >= kEnd.size() &&
         out.compare(out.size() - kEnd.size(), kEnd.size(), kEnd) == 0);
  out.resize(out.size() - kEnd.size());
  for (const std::string& zone : zones_) {
    const std::string key =
        std::to_string(info_.vtimezone_from_year) + " " + zone;
    auto it = memo_->zone_texts.find(key);
    if (it == memo_->zone_texts.end()) {
      it = memo_->zone_texts
               .emplace(key, AsText(TimeZoneComponent(
                                 zone, info_.vtimezone_from_year)
                                 .get()))
               .first;
    }
    out += it->second;
  }
  out.reserve(out.size() + events_.size() + kEnd.size());
  out += events_;
  out += kEnd;
  events_.clear();
  return out;
}

}  // namespace okr
