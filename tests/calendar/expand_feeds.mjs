// Copyright 2026 The okrd Authors.
//
// The ical.js side of the feed proof (ical.js is the parser inside
// Thunderbird; pinned in package.json). Parses each file, registers its
// VTIMEZONEs with ICAL.TimezoneService, and expands every VEVENT with
// ICAL.Event's iterator (ICAL.RecurExpansion: RRULE, UNTIL, EXDATE).
// Prints JSON: {file: {"calendar": [property and component names of the
// VCALENDAR, in order], "events": [{"uid", "summary", "description",
// "all_day", "props": [property names, sorted], "occurrences":
// [[start_utc, end_utc, "HH:MM local"], ...]}]}} with the same occurrence
// format as expand_feeds.py. Exit 1 with a message on a parse error.
//   node tests/calendar/expand_feeds.mjs FILE...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

// Resolved from the repository root's node_modules (npm ci), wherever the
// test runs from.
const require = createRequire(new URL('../../package.json', import.meta.url));
const ICAL = (await import(require.resolve('ical.js'))).default;

// Iterations stop here even if a rule never ends (a bug would show as a
// count mismatch, not a hang).
const kLimit = Date.UTC(2100, 0, 1) / 1000;
const kMaxOccurrences = 10000;

function utcSeconds(time) {
  if (time.isDate) return Date.UTC(time.year, time.month - 1, time.day) / 1000;
  if (time.zone === ICAL.Timezone.localTimezone || !time.zone) {
    throw new Error(`floating date-time ${time.toString()}`);
  }
  return time.toUnixTime();
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function expandEvent(vevent) {
  const event = new ICAL.Event(vevent);
  const start = vevent.getFirstPropertyValue('dtstart');
  const out = {
    uid: String(vevent.getFirstPropertyValue('uid')),
    summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
    description: String(vevent.getFirstPropertyValue('description') ?? ''),
    all_day: start.isDate,
    props: vevent.getAllProperties().map((p) => p.name.toUpperCase()).sort(),
    occurrences: [],
  };
  const it = event.iterator();
  for (let next = it.next(); next; next = it.next()) {
    const details = event.getOccurrenceDetails(next);
    const begin = utcSeconds(details.startDate);
    if (begin >= kLimit || out.occurrences.length >= kMaxOccurrences) break;
    const local = details.startDate.isDate
      ? ''
      : `${pad(details.startDate.hour)}:${pad(details.startDate.minute)}`;
    out.occurrences.push([begin, utcSeconds(details.endDate), local]);
  }
  out.occurrences.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return out;
}

function expandFile(path) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  if (root.name !== 'vcalendar') throw new Error(`top component ${root.name}`);
  ICAL.TimezoneService.reset();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtz);
  }
  const calendar = [
    ...root.getAllProperties().map((p) => p.name.toUpperCase()),
    ...root.getAllSubcomponents().map((c) => `BEGIN:${c.name.toUpperCase()}`),
  ];
  const events = root.getAllSubcomponents('vevent').map(expandEvent);
  return { calendar, events };
}

const out = {};
for (const path of process.argv.slice(2)) {
  try {
    out[path] = expandFile(path);
  } catch (e) {
    process.stderr.write(`${path}: ${e.name}: ${e.message}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out));
