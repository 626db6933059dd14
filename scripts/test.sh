#!/usr/bin/env bash
# The second README command: installs what is missing, builds, and runs the
# whole test suite twice: a -Werror debug build, then the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, then the libFuzzer targets
# on the shared corpus (clang); then, as root, the Debian
# package test (scripts/package-test.sh).
#   scripts/test.sh            both builds
#   OKR_TEST_FAST=1 scripts/test.sh   only the first build (for development)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
# Test tooling from the npm registry, pinned by package-lock.json.
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

jobs="$(nproc)"
run_suite() {
  local dir="$1"; shift
  echo "== build $dir ($*)"
  cmake -S . -B "$dir" -G Ninja -DOKR_WERROR=ON "$@" >/dev/null
  ninja -C "$dir"
  echo "== test $dir"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 600)
}

run_suite build-test -DCMAKE_BUILD_TYPE=Debug
if [[ "${OKR_TEST_FAST:-0}" != "1" ]]; then
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DOKR_SANITIZE=ON
  # The libFuzzer targets (clang only): replay the shared corpus, then a
  # fixed number of runs from a fixed seed.
  echo "== build build-fuzz (clang-14, libFuzzer)"
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja \
    -DCMAKE_BUILD_TYPE=Debug -DOKR_WERROR=ON >/dev/null
  ninja -C build-fuzz csv_fuzz zip_fuzz xlsx_sheet_fuzz ods_content_fuzz xml_fuzz
  echo "== test build-fuzz"
  (cd build-fuzz && ctest --output-on-failure -j "$jobs" -L fuzz)
fi
echo "== all test suites passed"
if ((EUID == 0)); then
  scripts/package-test.sh
else
  echo "== package test skipped: it installs the .deb, so it runs only as root"
fi
