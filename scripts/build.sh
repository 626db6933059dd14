#!/usr/bin/env bash
# Configures and builds okrd into a build directory.
#   scripts/build.sh [BUILD_DIR] [extra cmake arguments...]
# Default: build/ with RelWithDebInfo.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
shift || true
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C "$build_dir"
