#!/usr/bin/env bash
# Builds the Debian package and tests it on this machine, end to end:
#   1. build-deb/ (-DCMAKE_INSTALL_PREFIX=/usr, RelWithDebInfo, no tests),
#      cpack -G DEB;
#   2. lintian (fails on E:), systemd-analyze security --offline (fails above
#      exposure 2.0);
#   3. dpkg -i; the user, the state directory, the conffile (a local edit
#      survives installing the package again), the enabled unit,
#      systemd-analyze verify; okrd --version; the shipped plugins in
#      /usr/lib/okrd/plugins shown by `okrd plugins list` and passing
#      `okrd plugin check`; then as the user okrd
#      (started directly: systemd is not PID 1 in CI) okrd init --example and
#      okrd serve on a free port, GET /healthz, / and a calendar feed; a
#      backup while serving, a restore after stopping;
#   4. dpkg --purge, and nothing of the package may be left but the okrd
#      system user (Debian never removes system users).
# Needs root (it installs and purges the package) and refuses to run where
# okrd is installed for real. The last line is "package-test: PASS" or
# "package-test: FAIL: ...". OKR_BUILD_JOBS=N limits ninja's parallelism.
#   scripts/package-test.sh               everything (as root)
#   scripts/package-test.sh --build-only  steps 1 and 2: the .deb, checked
# The binary is built with Debian's hardening flags (dpkg-buildflags,
# hardening=+all), as a Debian package build would.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

readonly conf=/etc/okrd/okrd.conf
readonly state=/var/lib/okrd
readonly max_exposure=2.0
readonly plugin_dir=/usr/lib/okrd/plugins
readonly shipped_plugins=(okrd_metrics.so okrd_mindmap.so okrd_webhook.so)
tmp=""
server_pid=""
runuser_pid=""
installed=0

fail() {
  echo "package-test: FAIL: $*" >&2
  exit 1
}

step() { echo "== package-test: $*"; }

# Runs a build command quietly; on failure shows its output and fails.
quietly() {
  local log="$repo/build-deb/package-test.log"
  mkdir -p "$repo/build-deb"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "$* failed (full output: $log)"
  fi
  rm -f "$log"
}

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$runuser_pid" 2>/dev/null || true
  fi
  if ((installed)); then
    dpkg --purge okrd >/dev/null 2>&1 || true
  fi
  if [[ -n "$tmp" ]]; then rm -rf "$tmp"; fi
}
trap cleanup EXIT
set -E
trap 'fail "unexpected error at line $LINENO: $BASH_COMMAND"' ERR

as_okrd() { (cd / && runuser -u okrd -- /usr/bin/okrd --config "$conf" "$@"); }

check_preconditions() {
  ((EUID == 0)) || fail "needs root: it installs and purges the package"
  if dpkg-query -W -f='${Status}' okrd 2>/dev/null | grep -qv "not-installed"; then
    fail "okrd is installed on this machine; the test purges it with its data, so it will not run here"
  fi
  [[ ! -e /etc/okrd && ! -e "$state" ]] ||
    fail "/etc/okrd or $state exists; the test would delete them, so it will not run here"
}

build_package() {
  step "build build-deb"
  scripts/install-deps.sh --test
  local flags=(env DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get)
  local cppflags
  cppflags="$("${flags[@]}" CPPFLAGS)"
  quietly cmake -S . -B build-deb -G Ninja -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOKR_BUILD_TESTS=OFF \
    -DCMAKE_C_FLAGS="$("${flags[@]}" CFLAGS) $cppflags" \
    -DCMAKE_CXX_FLAGS="$("${flags[@]}" CXXFLAGS) $cppflags" \
    -DCMAKE_EXE_LINKER_FLAGS="$("${flags[@]}" LDFLAGS)"
  quietly ninja -C build-deb ${OKR_BUILD_JOBS:+-j "$OKR_BUILD_JOBS"}
  rm -f build-deb/okrd_*.deb
  quietly cpack -G DEB -B "$repo/build-deb" --config "$repo/build-deb/CPackConfig.cmake"
  deb="$(ls "$repo"/build-deb/okrd_*_"$(dpkg --print-architecture)".deb 2>/dev/null || true)"
  [[ -f "$deb" ]] || fail "cpack wrote no package"
  echo "package: $deb"
  echo "Depends: $(dpkg-deb -f "$deb" Depends)"
  for dep in libc6 libsqlite3-0 libcivetweb1 systemd; do
    dpkg-deb -f "$deb" Depends | grep -q "\b$dep\b" || fail "Depends lacks $dep"
  done
  local listing
  listing="$(dpkg-deb -c "$deb")"
  for path in ./usr/bin/okrd ./etc/okrd/okrd.conf ./usr/lib/okrd/plugins/ \
      "${shipped_plugins[@]/#/.$plugin_dir/}" \
      ./lib/systemd/system/okrd.service ./usr/lib/sysusers.d/okrd.conf \
      ./usr/lib/tmpfiles.d/okrd.conf ./usr/share/man/man1/okrd.1.gz \
      ./usr/share/man/man5/okrd.conf.5.gz ./usr/share/doc/okrd/copyright \
      ./usr/share/doc/okrd/changelog.Debian.gz; do
    grep -q " $path\$" <<<"$listing" || fail "the package lacks $path"
  done
  if grep -v " root/root " <<<"$listing" | grep -q .; then
    fail "files not owned by root/root in the package"
  fi
}

run_lintian() {
  step "lintian"
  local out
  out="$(lintian -E --pedantic --tag-display-limit 0 "$deb" 2>&1 |
    grep -v "running with root privileges is not recommended" || true)"
  if [[ -n "$out" ]]; then echo "$out"; else echo "(no tags)"; fi
  if grep -q "^E: " <<<"$out"; then fail "lintian reports errors"; fi
}

check_exposure() {
  step "systemd-analyze security --offline=true packaging/okrd.service"
  local out score
  out="$(systemd-analyze security --offline=true --no-pager packaging/okrd.service 2>&1)" ||
    fail "systemd-analyze security failed: $out"
  score="$(sed -n 's/.*Overall exposure level for okrd.service: \([0-9.]*\).*/\1/p' <<<"$out")"
  [[ -n "$score" ]] || fail "no exposure level in: $out"
  echo "exposure: $score (at most $max_exposure)"
  awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s <= m) }' ||
    fail "exposure $score is above $max_exposure"
}

# Every path named *okrd* outside the work trees, for a before/after
# comparison.
okrd_paths() {
  find / -xdev \( -path /proc -o -path /sys -o -path /tmp -o -path /work \
    -o -path "$repo" \) -prune -o -name '*okrd*' -print 2>/dev/null | sort
}

install_package() {
  step "dpkg -i"
  okrd_paths >"$tmp/paths-before"
  installed=1
  dpkg -i "$deb" || fail "dpkg -i failed"
  local passwd
  passwd="$(getent passwd okrd)" || fail "no user okrd"
  [[ "$(cut -d: -f6 <<<"$passwd")" == "$state" ]] || fail "okrd's home is not $state: $passwd"
  [[ "$(stat -c '%U %G %a' "$state")" == "okrd okrd 750" ]] ||
    fail "$state is $(stat -c '%U %G %a' "$state"), not okrd okrd 750"
  dpkg-query -W -f='${Conffiles}\n' okrd | grep -q "^ $conf " ||
    fail "$conf is not a conffile"
  grep -q "^path = $state/okrd.db\$" "$conf" || fail "$conf does not set the database path"
  [[ -L /etc/systemd/system/multi-user.target.wants/okrd.service ]] ||
    fail "okrd.service is not enabled"
  # The upgrade path of the maintainer scripts keeps a local edit.
  echo "# local edit" >>"$conf"
  dpkg -i "$deb" >/dev/null || fail "installing over the installed package failed"
  grep -q "^# local edit\$" "$conf" || fail "an upgrade lost a local edit of $conf"
  systemd-analyze verify /lib/systemd/system/okrd.service ||
    fail "systemd-analyze verify reports problems"
  /usr/bin/okrd --version || fail "okrd --version failed"
}

# The shipped plugins load from the packaged plugin directory, and each
# passes `okrd plugin check` (run as okrd, as the service would load it).
check_plugins() {
  step "okrd plugins list, okrd plugin check"
  grep -q "^directory = $plugin_dir\$" "$conf" ||
    fail "$conf does not set the plugin directory to $plugin_dir"
  local list
  list="$(as_okrd plugins list)" || fail "okrd plugins list failed"
  echo "$list"
  if grep -q "^refused:" <<<"$list"; then fail "okrd plugins list refused a plugin"; fi
  local so
  for so in "${shipped_plugins[@]}"; do
    grep -qF "($plugin_dir/$so)" <<<"$list" ||
      fail "okrd plugins list does not show $plugin_dir/$so"
    as_okrd plugin check "$plugin_dir/$so" >"$tmp/check.out" 2>&1 || {
      cat "$tmp/check.out" >&2
      fail "okrd plugin check $plugin_dir/$so failed"
    }
    echo "okrd plugin check $so: ok"
  done
}

# Starts the server as okrd on a port the kernel picks; sets port and
# server_pid (runuser's child, okrd itself: runuser would turn a SIGTERM it
# forwards into its own exit status 143).
start_server() {
  (cd / && exec runuser -u okrd -- /usr/bin/okrd --config "$conf" serve \
    --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err") &
  runuser_pid=$!
  port=""
  for _ in $(seq 100); do
    port="$(sed -n 's|.* on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out")"
    [[ -n "$port" ]] && break
    kill -0 "$runuser_pid" 2>/dev/null || break
    sleep 0.2
  done
  server_pid="$(ps -o pid= --ppid "$runuser_pid" | tr -d ' ' || true)"
  if [[ -z "$port" || -z "$server_pid" ]]; then
    cat "$tmp/serve.err" >&2
    fail "okrd serve did not start"
  fi
}

stop_server() {
  kill -TERM "$server_pid"
  local rc=0
  wait "$runuser_pid" || rc=$?
  server_pid=""
  ((rc == 0)) || fail "okrd serve exited with $rc on SIGTERM"
}

serve_and_fetch() {
  step "okrd init --example and okrd serve as okrd"
  as_okrd init --example || fail "okrd init --example failed"
  start_server
  echo "serving on 127.0.0.1:$port"
  local base="http://127.0.0.1:$port"
  [[ "$(curl -fsS "$base/healthz")" == "ok" ]] || fail "GET /healthz is not ok"
  local page
  page="$(curl -fsS "$base/")" || fail "GET / failed"
  grep -qi "<html" <<<"$page" || fail "GET / is not a page"
  echo "GET /healthz, GET /: ok"
  if as_okrd feeds --help >/dev/null 2>&1; then
    local feeds url
    feeds="$(as_okrd feeds list --base-url "$base")" || fail "okrd feeds list failed"
    url="$(grep -o -m 1 "$base/feeds/[^ ]*\.ics" <<<"$feeds" || true)"
    [[ -n "$url" ]] || fail "okrd feeds list printed no feed URL"
    local feed
    feed="$(curl -fsS "$url")" || fail "GET $url failed"
    grep -q "^BEGIN:VCALENDAR" <<<"$feed" || fail "GET $url is not a calendar"
    echo "GET a calendar feed: ok"
  else
    echo "no feeds command in this build: fetched /healthz and / only"
  fi
}

backup_and_restore() {
  step "okrd backup while serving, okrd restore after stopping"
  /usr/bin/okrd --config "$conf" backup "$tmp/backup.db" || fail "okrd backup failed"
  [[ "$(stat -c %a "$tmp/backup.db")" == "600" ]] || fail "the backup is not mode 600"
  if /usr/bin/okrd --config "$conf" restore "$tmp/backup.db" --force 2>/dev/null; then
    fail "okrd restore replaced the database of a running server"
  fi
  stop_server
  /usr/bin/okrd --config "$conf" restore "$tmp/backup.db" --force || fail "okrd restore failed"
  local foreign
  foreign="$(find "$state" ! -user okrd)"
  [[ -z "$foreign" ]] || fail "files in $state not owned by okrd: $foreign"
  as_okrd status >/dev/null || fail "okrd status after the restore failed"
}

purge_and_check() {
  step "dpkg --purge"
  local files
  files="$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\.||' | grep -v '/$')"
  dpkg --purge okrd || fail "dpkg --purge failed"
  installed=0
  local left=()
  for f in $files /etc/okrd /usr/lib/okrd /usr/share/doc/okrd "$state" \
      /etc/systemd/system/okrd.service \
      /etc/systemd/system/multi-user.target.wants/okrd.service; do
    if [[ -e "$f" || -L "$f" ]]; then left+=("$f"); fi
  done
  while IFS= read -r f; do left+=("$f"); done < <(
    okrd_paths | comm -13 "$tmp/paths-before" -)
  ((${#left[@]} == 0)) || fail "left behind after purge: ${left[*]}"
  getent passwd okrd >/dev/null && echo "kept, as Debian policy does: the system user okrd"
  echo "nothing else left"
}

main() {
  if [[ "${1:-}" == "--build-only" ]]; then
    build_package
    run_lintian
    check_exposure
    echo "package-test: PASS (build and checks only, nothing installed)"
    return
  fi
  check_preconditions
  tmp="$(mktemp -d)"
  chmod 755 "$tmp"
  build_package
  run_lintian
  check_exposure
  install_package
  check_plugins
  serve_and_fetch
  backup_and_restore
  purge_and_check
  echo "package-test: PASS"
}

main "$@"
