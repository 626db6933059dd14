#!/usr/bin/env bash
# The first README command: installs what is missing, builds, and serves the
# bundled example organisation from a fresh SQLite database on
# http://127.0.0.1:8080/ (pass --listen ADDR:PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build-demo -DOKR_BUILD_TESTS=OFF >/dev/null
exec build-demo/cli/okrd demo "$@"
