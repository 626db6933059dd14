# Sourced by the browser test drivers (run.sh, checkin.sh): checks the npm
# packages, owns a scratch directory and the okrd server it starts.
# Defines: root, here, work; require_packages; start_okrd (sets port).
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
root=$(cd "$here/../.." && pwd)

# require_packages NAME...: exit 77 (ctest: skipped) when an npm package is
# missing, unless CI=true (CI must never skip).
require_packages() {
  local name
  for name in "$@"; do
    if [[ ! -d "$root/node_modules/$name" ]]; then
      echo "browser test: run 'npm ci' in $root first (scripts/test.sh does)" >&2
      [[ "${CI:-}" == "true" ]] && exit 1
      exit 77
    fi
  done
}

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# start_okrd COMMAND...: runs an okrd command that serves on 127.0.0.1:0 in
# the background and sets `port` from the address it prints; exits 1 with
# its output if none appears within 10 s.
start_okrd() {
  "$@" >"$work/out" 2>"$work/err" &
  server_pid=$!
  port=
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/out" | head -1)
    [[ -n "$port" ]] && return 0
    sleep 0.1
  done
  echo "okrd did not start:" >&2
  cat "$work/out" "$work/err" >&2
  exit 1
}
