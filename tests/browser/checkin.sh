#!/usr/bin/env bash
# Browser check-in test driver (ctest): a database with the example
# organisation and a pinned clock, `okrd serve` on a free port, then
# checkin.mjs (which adds the account and the feed URL through okrd itself).
#   checkin.sh OKRD_BINARY ARTIFACT_DIR
# Exit 77 (ctest: skipped) when the npm packages are not installed (npm ci).
set -euo pipefail
okrd=$1
artifacts=$2
source "$(dirname "$0")/common.sh"
require_packages playwright-core
mkdir -p "$artifacts"
export OKRD_NOW=2026-11-24T10:00:00Z OKRD_CONFIG= OKRD_DB=
printf '[database]\npath = %s\n[server]\nlisten = 127.0.0.1:0\n[log]\nlevel = warn\n' \
  "$work/okrd.db" >"$work/okrd.conf"
"$okrd" --config "$work/okrd.conf" init --example >/dev/null
start_okrd "$okrd" --config "$work/okrd.conf" serve
cd "$root"
node "$here/checkin.mjs" "$port" "$artifacts" "$okrd" "$work/okrd.conf"
