#!/usr/bin/env bash
# Browser check-in test driver (ctest): a database with the example
# organisation and a pinned clock, `okrd serve` on a free port, then
# checkin.mjs (which adds the account and the feed URL through okrd itself).
#   checkin.sh OKRD_BINARY ARTIFACT_DIR
# Exit 77 (ctest: skipped) when the npm packages are not installed (npm ci).
set -euo pipefail
okrd=$1
artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ ! -d "$root/node_modules/playwright-core" ]]; then
  echo "browser test: run 'npm ci' in $root first (scripts/test.sh does)" >&2
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
fi
mkdir -p "$artifacts"
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export OKRD_NOW=2026-11-24T10:00:00Z OKRD_CONFIG= OKRD_DB=
printf '[database]\npath = %s\n[server]\nlisten = 127.0.0.1:0\n[log]\nlevel = warn\n' \
  "$work/okrd.db" >"$work/okrd.conf"
"$okrd" --config "$work/okrd.conf" init --example >/dev/null
"$okrd" --config "$work/okrd.conf" serve >"$work/out" 2>"$work/err" &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/out" | head -1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
if [[ -z "$port" ]]; then
  echo "okrd did not start:" >&2
  cat "$work/out" "$work/err" >&2
  exit 1
fi
cd "$root"
node "$here/checkin.mjs" "$port" "$artifacts" "$okrd" "$work/okrd.conf"
