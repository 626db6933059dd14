#!/usr/bin/env bash
# Browser test driver (ctest): serves the example organisation with a pinned
# clock on a free port, runs status_page.mjs against it, stops the server.
#   run.sh OKRD_BINARY ARTIFACT_DIR
# Exit 77 (ctest: skipped) when the npm packages are not installed (npm ci).
set -euo pipefail
okrd=$1
artifacts=$2
source "$(dirname "$0")/common.sh"
require_packages playwright-core axe-core
mkdir -p "$artifacts"
OKRD_NOW=2026-11-24T10:00:00Z start_okrd "$okrd" demo --db "$work/okrd.db" \
  --listen 127.0.0.1:0
cd "$root"
node "$here/status_page.mjs" "$port" "$artifacts"
