#!/usr/bin/env bash
# Copyright 2026 The okrd Authors.
#
# Calendar and status-page benchmark, run by hand (never a test). On a
# generated organisation of PEOPLE people (bench/feeds_bench.cc), in one run
# on this machine, peers alternating, REPS repetitions, medians reported:
#  (a) render every feed: okr_bench_feeds render (okrd's planner and
#      libical writer, in-process) vs /usr/bin/python3 + python3-icalendar
#      building the same events (bench/feeds_python.py). Target >= 10x.
#  (b) one unchanged person feed served by `okrd serve`, wrk -t2 -c64 -d10s,
#      200 path and 304 path (If-None-Match), vs nginx serving the same bytes
#      as a static file (200 and 304). Target >= half of nginx.
#  (c) the status page: uncached time of / and /units/team-0 (curl
#      time_total) on the example organisation and the generated one, both
#      as the first request after a start (load from SQLite, build the
#      index, render) and as the first request for that URL once the
#      organisation is loaded (render only); cached / and an objective page
#      with wrk vs nginx serving the same bytes. Targets: render of / under
#      50 ms; cached >= half of nginx, no errors, p99 < 20 ms.
# wrk and nginx come from apt (installed here if missing, not by
# scripts/install-deps.sh).
#
# Usage: bench/feeds_bench.sh
# Environment: PEOPLE (10000), REPS (3), BUILD_DIR (build-rel, a Release
# build with -DOKR_BUILD_BENCH=ON -DOKR_BUILD_TESTS=OFF),
# SKIP_BUILD=1, SKIP_A=1, SKIP_B=1, SKIP_SERVE=1 or SKIP_C=1 to run only part, OKRD and
# BENCH_FEEDS to use other binaries, WORK_DIR
# (/tmp/okrd-feeds-bench), PORT (18081), NGINX_PORT (18082), DURATION (10).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PEOPLE="${PEOPLE:-10000}"
REPS="${REPS:-3}"
BUILD_DIR="${BUILD_DIR:-build-rel}"
WORK_DIR="${WORK_DIR:-/tmp/okrd-feeds-bench}"
PORT="${PORT:-18081}"
NGINX_PORT="${NGINX_PORT:-18082}"
DURATION="${DURATION:-10}"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DOKR_BUILD_TESTS=OFF -DOKR_BUILD_BENCH=ON >/dev/null
  ninja -C "$BUILD_DIR" -j "${JOBS:-1}" okrd okr_bench_feeds
fi
OKRD="${OKRD:-$BUILD_DIR/cli/okrd}"
BENCH_FEEDS="${BENCH_FEEDS:-$BUILD_DIR/bench/okr_bench_feeds}"
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null && ! [[ -x /usr/sbin/$tool ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      wrk nginx >/dev/null
  fi
done

rm -rf "$WORK_DIR" && mkdir -p "$WORK_DIR/www"
export OKRD_NOW="${OKRD_NOW:-2026-11-24T10:00:00Z}" OKRD_DB= OKRD_CONFIG=

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

echo "== machine"
echo "nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg); $(g++ --version | head -1)"
echo "$(/usr/bin/python3 -c 'import icalendar,sys; print("python", sys.version.split()[0], "icalendar", icalendar.__version__)')"
echo "$(wrk --version 2>&1 | head -1); $(/usr/sbin/nginx -v 2>&1)"
echo "okrd $($OKRD version | head -1); git $(git rev-parse --short HEAD)"

if [[ "${SKIP_A:-0}" != "1" ]]; then
echo "== (a) render all feeds of $PEOPLE people"
"$BENCH_FEEDS" dump "$PEOPLE" "$WORK_DIR/feeds.json"
: > "$WORK_DIR/a-okrd"; : > "$WORK_DIR/a-python"
for ((r = 0; r < REPS; r++)); do
  "$BENCH_FEEDS" render "$PEOPLE" 1 | tee -a "$WORK_DIR/a-okrd-raw"
  /usr/bin/python3 bench/feeds_python.py "$WORK_DIR/feeds.json" 1 | tee -a "$WORK_DIR/a-python-raw"
done
okrd_fps=$(grep '^render' "$WORK_DIR/a-okrd-raw" | field feeds_per_s | median)
py_fps=$(grep '^render' "$WORK_DIR/a-python-raw" | field feeds_per_s | median)
plan_s=$(grep '^plan' "$WORK_DIR/a-okrd-raw" | field seconds | median)
echo "RESULT a: okrd $okrd_fps feeds/s (plan ${plan_s} s, not included), python3-icalendar $py_fps feeds/s, ratio $(awk "BEGIN {printf \"%.1f\", $okrd_fps / $py_fps}")"
fi
[[ "${SKIP_SERVE:-0}" == "1" ]] && exit 0

echo "== (b, c) serving"
"$BENCH_FEEDS" db "$PEOPLE" "$WORK_DIR/big.db"
"$OKRD" init --example --db "$WORK_DIR/example.db" >/dev/null
cat > "$WORK_DIR/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK_DIR/nginx.pid;
error_log $WORK_DIR/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK_DIR/www;
  }
}
NGINX
/usr/sbin/nginx -c "$WORK_DIR/nginx.conf"
trap '/usr/sbin/nginx -c "$WORK_DIR/nginx.conf" -s stop 2>/dev/null || true; kill $SERVER 2>/dev/null || true' EXIT

start_okrd() {  # DB
  "$OKRD" serve --db "$1" --listen "127.0.0.1:$PORT" > "$WORK_DIR/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.1; done
  echo "okrd serve did not start" >&2; exit 1
}
stop_okrd() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
rps() {  # URL [HEADER]
  local args=(-t2 -c64 -d"${DURATION}s" --latency)
  [[ $# -gt 1 ]] && args+=(-H "$2")
  wrk "${args[@]}" "$1" > "$WORK_DIR/wrk.out"
  local r p99 errors
  r=$(awk '/Requests\/sec/ {print $2}' "$WORK_DIR/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK_DIR/wrk.out")
  errors=$(grep 'Non-2xx\|Socket errors' "$WORK_DIR/wrk.out" | grep -o '[0-9]\+' | awk '{s += $1} END {print s + 0}')
  echo "$r $p99 $errors"
}

if [[ "${SKIP_B:-0}" != "1" ]]; then
# (b) A team lead's feed (one-on-ones with reports and manager, a review).
token_url=$("$OKRD" feeds list --db "$WORK_DIR/big.db" --base-url "http://127.0.0.1:$PORT" |
  awk '/^person:p21@bench.test$/ {getline; print $1}')
feed_path="${token_url#http://127.0.0.1:$PORT}"
start_okrd "$WORK_DIR/big.db"
curl -sf -D "$WORK_DIR/feed.headers" -o "$WORK_DIR/www/feed.ics" "http://127.0.0.1:$PORT$feed_path"
etag=$(awk -F': ' 'tolower($1) == "etag" {print $2}' "$WORK_DIR/feed.headers" | tr -d '\r')
nginx_etag=$(curl -sI "http://127.0.0.1:$NGINX_PORT/feed.ics" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
echo "feed: $(wc -c < "$WORK_DIR/www/feed.ics") bytes, okrd ETag $etag, nginx ETag $nginx_etag"
for ((r = 0; r < REPS; r++)); do
  echo "okrd-200 $(rps "http://127.0.0.1:$PORT$feed_path")" | tee -a "$WORK_DIR/b"
  echo "nginx-200 $(rps "http://127.0.0.1:$NGINX_PORT/feed.ics")" | tee -a "$WORK_DIR/b"
  echo "okrd-304 $(rps "http://127.0.0.1:$PORT$feed_path" "If-None-Match: $etag")" | tee -a "$WORK_DIR/b"
  echo "nginx-304 $(rps "http://127.0.0.1:$NGINX_PORT/feed.ics" "If-None-Match: $nginx_etag")" | tee -a "$WORK_DIR/b"
done
stop_okrd
for k in okrd-200 nginx-200 okrd-304 nginx-304; do
  echo "RESULT b: $k median $(awk -v k=$k '$1 == k {print $2}' "$WORK_DIR/b" | median) req/s"
done
fi

[[ "${SKIP_C:-0}" == "1" ]] && exit 0
# (c) Uncached: "first" is the first request after a start (load, index,
# render); "render" the first request for that URL after another URL
# loaded the organisation (render only, nothing cached for it).
for db in example big; do
  unit=$([[ $db == example ]] && echo eng-platform || echo team-0)
  unit2=$([[ $db == example ]] && echo eng-mobile || echo team-1)
  for ((r = 0; r < REPS; r++)); do
    for first in / "/units/$unit"; do
      other=$([[ $first == / ]] && echo "/units/$unit" || echo /)
      start_okrd "$WORK_DIR/$db.db"
      t=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$first")
      echo "$db first $first $t" | tee -a "$WORK_DIR/c-uncached"
      t=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$other")
      echo "$db render $other $t" | tee -a "$WORK_DIR/c-uncached"
      # A second unit: the calendar plan (made by the first unit page,
      # cached per revision) is warm too.
      t=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/units/$unit2")
      echo "$db warm /units/$unit2 $t" | tee -a "$WORK_DIR/c-uncached"
      stop_okrd
    done
  done
done
for db in example big; do
  for kind in first render warm; do
    for path in / /units/; do
      echo "RESULT c: uncached $db $kind $path* median $(awk -v d=$db -v k=$kind -v p="$path" '$1 == d && $2 == k && index($3, p) == 1 && (p != "/" || $3 == "/") {print $4}' "$WORK_DIR/c-uncached" | median) s"
    done
  done
done
start_okrd "$WORK_DIR/big.db"
# The first objective of the cycle (a team's: the generated company and
# departments have none).
curl -sf -o "$WORK_DIR/objectives.json" "http://127.0.0.1:$PORT/api/v1/objectives"
objective=/objectives/$(grep -o '"key":"[^"]*"' "$WORK_DIR/objectives.json" | sed -n '1s/"key":"\(.*\)"/\1/p')
curl -sf -o "$WORK_DIR/www/index.html" "http://127.0.0.1:$PORT/"
curl -sf -o "$WORK_DIR/www/objective.html" "http://127.0.0.1:$PORT$objective"
echo "/: $(wc -c < "$WORK_DIR/www/index.html") bytes; $objective: $(wc -c < "$WORK_DIR/www/objective.html") bytes"
for ((r = 0; r < REPS; r++)); do
  echo "okrd-home $(rps "http://127.0.0.1:$PORT/")" | tee -a "$WORK_DIR/c"
  echo "nginx-home $(rps "http://127.0.0.1:$NGINX_PORT/index.html")" | tee -a "$WORK_DIR/c"
  echo "okrd-objective $(rps "http://127.0.0.1:$PORT$objective")" | tee -a "$WORK_DIR/c"
  echo "nginx-objective $(rps "http://127.0.0.1:$NGINX_PORT/objective.html")" | tee -a "$WORK_DIR/c"
done
stop_okrd
for k in okrd-home nginx-home okrd-objective nginx-objective; do
  echo "RESULT c: cached $k median $(awk -v k=$k '$1 == k {print $2}' "$WORK_DIR/c" | median) req/s, p99 $(awk -v k=$k '$1 == k {print $3}' "$WORK_DIR/c" | tr '\n' ' ')errors $(awk -v k=$k '$1 == k {s += $4} END {print s + 0}' "$WORK_DIR/c")"
done
