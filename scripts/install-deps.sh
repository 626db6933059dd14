#!/usr/bin/env bash
# Installs the Debian 12 packages okrd needs that are not installed yet.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the test suite needs
# Needs root (or sudo) only when something is missing.
set -euo pipefail

build_packages=(
  cmake ninja-build g++ pkg-config
  libcivetweb-dev civetweb libical-dev libpugixml-dev libexpat1-dev
  libsqlite3-dev libzip-dev libsodium-dev libxlsxwriter-dev
)
test_packages=(
  catch2 nlohmann-json3-dev sqlite3 clang-14 libclang-rt-14-dev libxml2-utils
  tidy chromium
  python3-icalendar python3-recurring-ical-events python3-openpyxl
  lintian dpkg-dev curl systemd  # scripts/package-test.sh
  prometheus  # promtool checks /metrics (plugins/metrics)
)

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  wanted+=("${test_packages[@]}")
  # Node.js runs the browser and feed-parser tests; keep one that is already
  # on the machine, else take Debian's.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    wanted+=(nodejs npm)
  fi
fi
# catch2 is needed to configure the tests, which the default build includes.
wanted+=(catch2)

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if ((EUID != 0)); then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
