#!/usr/bin/env bash
# Copyright 2026 The okrd Authors.
#
# Import benchmark, run by hand (never a test): builds a Release okrd in
# build-bench, writes a 200,000-row x 8-column OKRs workbook, and times on
# this machine, in one run, the median of REPS rounds (each tool once per
# round, alternating) of:
#   floor      unzip -p FILE > /dev/null            (inflating every part)
#   reader     okr_bench_read_xlsx FILE --reader    (ReadXlsx into a counting sink)
#   read+map   okr_bench_read_xlsx FILE --import    (ImportFile: reader + mapper)
#   okrd       okrd --db NEW.db import FILE --dry-run  (read, map, plan)
#   openpyxl   /usr/bin/python3, python3-openpyxl, read_only, every cell
#   xlsx2csv   Debian's xlsx2csv FILE > /dev/null
#   SheetJS    node + `xlsx` from npm (in $SHEETJS_DIR, outside the repo):
#              readFile, then sheet_to_json(header: 1) (rows as arrays)
# Each with /usr/bin/time -f "%e s %M KB" (wall seconds, peak RSS).
# Targets (the issue): okrd peak RSS < 64 MB; okrd <= 3x the floor; every
# peer >= 5x slower than okrd.
#
# Usage: bench/import_bench.sh
# Environment: ROWS (200000), REPS (3), OKRD_REPS (REPS; okrd import only
# in the first OKRD_REPS rounds), JOBS (ninja -j, 1),
# BUILD_DIR (build-bench), WORK_DIR (/tmp/okrd-bench), SHEETJS_DIR
# (/tmp/sheetjs), SKIP_BUILD=1 to reuse the build as it is, and OKRD,
# MAKE_XLSX, READ_XLSX to time other builds of the three programs.
# Needs: cmake, ninja, unzip, time, xlsx2csv, python3-openpyxl, nodejs, npm
# (Debian 12 packages; SheetJS from the npm registry). A missing peer is
# reported as skipped.

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-200000}
REPS=${REPS:-3}
OKRD_REPS=${OKRD_REPS:-$REPS}
JOBS=${JOBS:-1}
BUILD_DIR=${BUILD_DIR:-$ROOT/build-bench}
WORK_DIR=${WORK_DIR:-/tmp/okrd-bench}
SHEETJS_DIR=${SHEETJS_DIR:-/tmp/sheetjs}
TIME=/usr/bin/time

say() { printf '== %s\n' "$*" >&2; }

if [[ ! -x $TIME ]]; then
  say "installing GNU time (apt-get install -y time)"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
fi

# --- build -------------------------------------------------------------------
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  say "building Release in $BUILD_DIR (ninja -j$JOBS)"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DOKR_BUILD_TESTS=OFF -DOKR_BUILD_BENCH=ON >/dev/null
  ninja -C "$BUILD_DIR" -j"$JOBS" okrd okr_bench_make_xlsx okr_bench_read_xlsx >/dev/null
fi
OKRD=${OKRD:-$BUILD_DIR/cli/okrd}
MAKE_XLSX=${MAKE_XLSX:-$BUILD_DIR/bench/okr_bench_make_xlsx}
READ_XLSX=${READ_XLSX:-$BUILD_DIR/bench/okr_bench_read_xlsx}

# --- input -------------------------------------------------------------------
mkdir -p "$WORK_DIR"
FILE=$WORK_DIR/okrs-$ROWS.xlsx
say "writing $FILE ($ROWS rows x 8 columns)"
"$MAKE_XLSX" "$FILE" "$ROWS"
FILE_BYTES=$(stat -c %s "$FILE")
INFLATED=$(unzip -l "$FILE" | tail -1 | awk '{print $1}')
cat "$FILE" >/dev/null  # Into the page cache, so no run pays for the disk.

# --- peers -------------------------------------------------------------------
PY=/usr/bin/python3
cat >"$WORK_DIR/openpyxl_read.py" <<'PYEOF'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
rows = cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        rows += 1
        cells += sum(1 for v in row if v is not None)
wb.close()
print(f"openpyxl: {rows} rows, {cells} cells")
PYEOF
cat >"$WORK_DIR/sheetjs_read.js" <<'JSEOF'
const XLSX = require(process.argv[2] + "/node_modules/xlsx");
const wb = XLSX.readFile(process.argv[3]);
let rows = 0, cells = 0;
for (const name of wb.SheetNames) {
  const data = XLSX.utils.sheet_to_json(wb.Sheets[name], {header: 1});
  rows += data.length;
  for (const r of data) for (const v of r) if (v !== undefined && v !== null) cells++;
}
console.log(`SheetJS ${XLSX.version}: ${rows} rows, ${cells} cells`);
JSEOF
HAVE_OPENPYXL=0; $PY -c 'import openpyxl' 2>/dev/null && HAVE_OPENPYXL=1
HAVE_XLSX2CSV=0; command -v xlsx2csv >/dev/null && HAVE_XLSX2CSV=1
HAVE_SHEETJS=0
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [[ ! -d $SHEETJS_DIR/node_modules/xlsx ]]; then
    say "installing SheetJS (npm xlsx) into $SHEETJS_DIR"
    mkdir -p "$SHEETJS_DIR"
    [[ -f $SHEETJS_DIR/package.json ]] || (cd "$SHEETJS_DIR" && npm init -y >/dev/null)
    (cd "$SHEETJS_DIR" && npm install --no-audit --no-fund xlsx >/dev/null 2>&1) || true
  fi
  [[ -d $SHEETJS_DIR/node_modules/xlsx ]] && HAVE_SHEETJS=1
fi

# --- measuring ---------------------------------------------------------------
# measure NAME CMD...: runs CMD once (stdout to WORK_DIR/NAME.out, stderr
# to NAME.err) and appends "seconds KB" to WORK_DIR/NAME.times. The rounds
# below run every tool once per round, alternating, so a change of machine
# load (the machine may be shared) hits all of them alike. A failing run
# aborts the benchmark: timing an error would be meaningless.
measure() {
  local name=$1; shift
  rm -f "$WORK_DIR/bench.db" "$WORK_DIR/bench.db-wal" "$WORK_DIR/bench.db-shm"
  if ! $TIME -o "$WORK_DIR/$name.t" -f "%e s %M KB" "$@" \
      >"$WORK_DIR/$name.out" 2>"$WORK_DIR/$name.err"; then
    say "$name failed:"; tail -5 "$WORK_DIR/$name.err" >&2; exit 1
  fi
  tail -1 "$WORK_DIR/$name.t" >>"$WORK_DIR/$name.times"
  say "$name: $(tail -1 "$WORK_DIR/$name.t")"
}
# median_of NAME FIELD(1 = seconds, 3 = KB)
median_of() {
  awk -v f="$2" '{print $f}' "$WORK_DIR/$1.times" | sort -g |
    awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
range_of() {
  awk '{print $1}' "$WORK_DIR/$1.times" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}'
}

say "load before: $(uptime)"
LOAD_BEFORE=$(uptime)
NAMES=(floor reader readmap okrd)
((HAVE_OPENPYXL)) && NAMES+=(openpyxl)
((HAVE_XLSX2CSV)) && NAMES+=(xlsx2csv)
((HAVE_SHEETJS)) && NAMES+=(sheetjs)
for n in "${NAMES[@]}"; do : >"$WORK_DIR/$n.times"; done
for ((round = 1; round <= REPS; round++)); do
  say "round $round of $REPS"
  measure floor sh -c 'exec unzip -p "$0" >/dev/null' "$FILE"
  measure reader "$READ_XLSX" "$FILE" --reader
  measure readmap "$READ_XLSX" "$FILE" --import
  if ((round <= OKRD_REPS)); then
    measure okrd "$OKRD" --db "$WORK_DIR/bench.db" import "$FILE" --dry-run
  fi
  if ((HAVE_OPENPYXL)); then measure openpyxl $PY "$WORK_DIR/openpyxl_read.py" "$FILE"; fi
  if ((HAVE_XLSX2CSV)); then measure xlsx2csv sh -c 'exec xlsx2csv "$0" >/dev/null' "$FILE"; fi
  if ((HAVE_SHEETJS)); then measure sheetjs node "$WORK_DIR/sheetjs_read.js" "$SHEETJS_DIR" "$FILE"; fi
done
LOAD_AFTER=$(uptime)

# --- report ------------------------------------------------------------------
label() {
  case $1 in
    floor) echo "unzip -p (inflate floor)" ;;
    reader) echo "okrd reader only (ReadXlsx)" ;;
    readmap) echo "okrd reader + mapper (ImportFile)" ;;
    okrd) echo "okrd import --dry-run" ;;
    openpyxl) echo "openpyxl $($PY -c 'import openpyxl; print(openpyxl.__version__)') read_only" ;;
    xlsx2csv) echo "xlsx2csv $(xlsx2csv --version 2>&1 | head -1)" ;;
    sheetjs) echo "SheetJS xlsx $(node -p "require('$SHEETJS_DIR/node_modules/xlsx').version")" ;;
  esac
}
FLOOR=$(median_of floor 1)
OKR=$(median_of okrd 1)
OKR_KB=$(median_of okrd 3)
echo
echo "file: $FILE, $ROWS rows x 8 columns, $FILE_BYTES bytes, $INFLATED bytes inflated"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/^Mem:/ {print $2}') MB RAM"
echo "load before: $LOAD_BEFORE"
echo "load after:  $LOAD_AFTER"
echo "median of $REPS runs (okrd import: $OKRD_REPS); okrd binary $OKRD; /usr/bin/time -f \"%e s %M KB\""
echo
printf '| %-36s | %8s | %13s | %13s | %9s | %11s |\n' tool "median s" "range s" "peak RSS MB" "x floor" "x okrd time"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..38})" "---------:" "--------------:" "--------------:" "----------:" "------------:"
for n in "${NAMES[@]}"; do
  t=$(median_of "$n" 1); kb=$(median_of "$n" 3)
  printf '| %-36s | %8.2f | %13s | %13.1f | %9.2f | %11.2f |\n' "$(label "$n")" "$t" \
    "$(range_of "$n")" "$(awk -v k="$kb" 'BEGIN {print k / 1024}')" \
    "$(awk -v a="$t" -v b="$FLOOR" 'BEGIN {print (b > 0) ? a / b : 0}')" \
    "$(awk -v a="$t" -v b="$OKR" 'BEGIN {print (b > 0) ? a / b : 0}')"
done
echo
verdict() { if awk "BEGIN {exit !($1)}"; then echo met; else echo MISSED; fi; }
echo "target: okrd peak RSS < 64 MB: $(awk -v k="$OKR_KB" 'BEGIN {printf "%.1f MB", k / 1024}') -> $(verdict "$OKR_KB < 65536")"
echo "target: okrd <= 3x floor: $(awk -v a="$OKR" -v b="$FLOOR" 'BEGIN {printf "%.2fx", a / b}') -> $(verdict "$OKR <= 3 * $FLOOR")"
for n in "${NAMES[@]}"; do
  case $n in openpyxl|xlsx2csv|sheetjs) ;; *) continue ;; esac
  t=$(median_of "$n" 1)
  echo "target: okrd >= 5x faster than $n: $(awk -v a="$t" -v b="$OKR" 'BEGIN {printf "%.2fx", a / b}') -> $(verdict "$t >= 5 * $OKR")"
done
echo
for n in reader readmap okrd openpyxl xlsx2csv sheetjs; do
  [[ -s $WORK_DIR/$n.out ]] || continue
  case $n in
    okrd) echo "okrd summary:"; grep -A7 '^ *added' "$WORK_DIR/okrd.out" | sed 's/^/  /' ;;
    xlsx2csv) ;;
    *) tail -1 "$WORK_DIR/$n.out" ;;
  esac
done
