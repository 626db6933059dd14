#!/usr/bin/python3
# Copyright 2026 The okrd Authors.
#
# Second, independent parser for okrd's feeds: python3-icalendar parses each
# file and python3-recurring-ical-events expands it (EXDATEs applied). Prints
# JSON: {file: [{"uid", "summary", "description", "all_day", "occurrences":
# [[start_utc, end_utc, "HH:MM local"], ...]}]}. Exit 1 with a message on a parse error.
# Run with Debian's /usr/bin/python3 (the apt modules live there).
import collections
import datetime
import json
import sys

import icalendar
import recurring_ical_events

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def utc_seconds(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError(f"floating date-time {value}")
        return int((value - EPOCH).total_seconds())
    return int((datetime.datetime(value.year, value.month, value.day,
                                  tzinfo=datetime.timezone.utc) - EPOCH)
               .total_seconds())


def expand(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = collections.OrderedDict()
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        events[uid] = {"uid": uid, "summary": str(ev.get("SUMMARY", "")),
                       "description": str(ev.get("DESCRIPTION", "")),
                       "all_day": not isinstance(ev["DTSTART"].dt,
                                                 datetime.datetime),
                       "occurrences": []}
    occurrences = recurring_ical_events.of(cal).between(
        datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))
    for occ in occurrences:
        start, end = occ["DTSTART"].dt, occ["DTEND"].dt
        local = (start.strftime("%H:%M")
                 if isinstance(start, datetime.datetime) else "")
        events[str(occ["UID"])]["occurrences"].append(
            [utc_seconds(start), utc_seconds(end), local])
    for e in events.values():
        e["occurrences"].sort()
    return list(events.values())


def main():
    out = {}
    for path in sys.argv[1:]:
        try:
            out[path] = expand(path)
        except Exception as e:  # Any parser complaint fails the test.
            print(f"{path}: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
