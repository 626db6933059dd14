#!/usr/bin/python3
# Copyright 2026 The okrd Authors.
#
# The python3-icalendar peer of the feed benchmark (bench/feeds_bench.sh):
# builds, for every feed dumped by `okr_bench_feeds dump`, the same
# VCALENDAR okrd writes (calendar properties, one VEVENT per series with
# UID, DTSTAMP, LAST-MODIFIED, SEQUENCE, DTSTART/DTEND with TZID, weekly
# RRULE with UNTIL in UTC, EXDATEs, SUMMARY, DESCRIPTION, URL, TRANSP) and
# serialises it with to_ical(). It writes no VTIMEZONE (python3-icalendar
# 4.0 cannot build one from a zone name), which favours the peer.
# Only building and serialising are timed, not reading the JSON.
#   /usr/bin/python3 bench/feeds_python.py FEEDS.json [REPS]
# Prints one line per repetition like okr_bench_feeds render.
import datetime
import json
import sys
import time

import icalendar

STAMP = datetime.datetime(2026, 11, 17, 11, 33, 20,
                          tzinfo=datetime.timezone.utc)


def local(text):
    return datetime.datetime.strptime(text, "%Y%m%dT%H%M%S")


def build(feed):
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//okrd//okrd OKR feed 1.0//EN")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "OKR rhythm: " + feed["name"])
    cal.add("name", "OKR rhythm: " + feed["name"])
    cal.add("refresh-interval", datetime.timedelta(hours=4),
            parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT4H")
    events = 0
    for e in feed["events"]:
        ev = icalendar.Event()
        ev.add("uid", e["uid"])
        ev.add("dtstamp", STAMP)
        ev.add("last-modified", STAMP)
        ev.add("sequence", 0)
        if e["all_day"]:
            ev.add("dtstart", datetime.datetime.strptime(e["start"], "%Y%m%d").date())
            ev.add("dtend", datetime.datetime.strptime(e["end"], "%Y%m%d").date())
        else:
            tz = {"TZID": e["tzid"]}
            ev.add("dtstart", local(e["start"]), parameters=tz)
            ev.add("dtend", local(e["end"]), parameters=tz)
            until = datetime.datetime.fromtimestamp(e["until"],
                                                    datetime.timezone.utc)
            ev.add("rrule", {"FREQ": "WEEKLY", "INTERVAL": e["interval"],
                             "UNTIL": until})
            for x in e["exdates"]:
                ev.add("exdate", local(x), parameters=tz)
        ev.add("summary", e["summary"])
        ev.add("description", e["description"])
        if e["url"]:
            ev.add("url", e["url"])
        ev.add("transp", "TRANSPARENT" if e["all_day"] else "OPAQUE")
        cal.add_component(ev)
        events += 1
    return cal.to_ical(), events


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        feeds = json.load(f)
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for _ in range(reps):
        start = time.perf_counter()
        size = events = 0
        for feed in feeds:
            body, n = build(feed)
            size += len(body)
            events += n
        s = time.perf_counter() - start
        print(f"render feeds={len(feeds)} events={events} bytes={size} "
              f"seconds={s:.3f} feeds_per_s={len(feeds) / s:.1f}", flush=True)


if __name__ == "__main__":
    main()
