#!/usr/bin/env bash
# Copyright 2026 The okrd Authors.
#
# What a subscribed calendar waits for after a check-in (run by hand, never
# a test): rotates p1001@bench.test's feed token, serves DB with OKRD and
# times (curl time_total, seconds) that feed as the first request after the
# start, then after one `okrd checkin` by another process. DB is changed:
# pass a copy of a prepared database (`okr_bench_feeds db 10000 FILE`, then
# this script once on it with the same PORT, so that its series already
# carry this base URL and no run bumps every SEQUENCE). Feeds are kept
# beside DB (DB.f0.ics, DB.f1.ics) for comparing binaries.
#
# Usage: VALUE=45 bench/feed_after_write.sh OKRD DB PORT
set -euo pipefail
OKRD=$1 DB=$2 PORT=$3
export OKRD_NOW="${OKRD_NOW:-2026-11-24T10:00:00Z}" OKRD_DB= OKRD_CONFIG=
url=$("$OKRD" feeds rotate p1001@bench.test --db "$DB" --base-url "http://127.0.0.1:$PORT" | awk '/^  http/ {print $1}')
"$OKRD" serve --db "$DB" --listen "127.0.0.1:$PORT" > "$DB.serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
t() { curl -sf -o "$DB.$1.ics" -w '%{time_total}' "$url"; }
out="start=$(t f0)"
"$OKRD" --db "$DB" checkin team-0-o0-kr0 --value ${VALUE:-41} --confidence 0.6 >/dev/null
out+=" feed1=$(t f1)"
echo "$out"
