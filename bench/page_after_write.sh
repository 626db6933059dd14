#!/usr/bin/env bash
# Copyright 2026 The okrd Authors.
#
# What a person waits for after a check-in (run by hand, never a test):
# serves DB with OKRD, times (curl time_total, seconds) /units/team-0 as the
# first request after the start, then after each of two check-ins made by
# another process (`okrd checkin`), /units/team-0 and
# /people/p1001@bench.test. DB is changed: pass a copy of a database made by
# `okr_bench_feeds db 10000 FILE` (plus one `okrd feeds render company`).
# Pages are kept beside DB (DB.u0.html ...) for comparing binaries.
#
# Usage: bench/page_after_write.sh OKRD DB PORT
set -euo pipefail
OKRD=$1 DB=$2 PORT=$3
export OKRD_NOW="${OKRD_NOW:-2026-11-24T10:00:00Z}" OKRD_DB= OKRD_CONFIG=
"$OKRD" serve --db "$DB" --listen "127.0.0.1:$PORT" > "$DB.serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done
t() { curl -sf -o "$DB.$2.html" -w '%{time_total}' "http://127.0.0.1:$PORT$1"; }
out="start=$(t /units/team-0 u0)"
for i in 1 2; do
  "$OKRD" --db "$DB" checkin team-0-o0-kr0 --value $((40 + i)) \
    --confidence 0.6 >/dev/null
  out+=" unit$i=$(t /units/team-0 u$i) person$i=$(t /people/p1001@bench.test p$i)"
done
echo "$out"
