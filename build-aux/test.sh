#!/bin/sh
# Quick start: install what is missing, build, and run every test twice:
# in a normal build (_build) and under AddressSanitizer + UBSan
# (_build-asan). GUI tests bring their own Xvfb and D-Bus session.
#
#   ./build-aux/test.sh            every test, both builds
#   ./build-aux/test.sh --quick    the normal build only
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

quick=0
[ "${1:-}" = "--quick" ] && quick=1

./build-aux/install-deps.sh

if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build
meson test -C _build --print-errorlogs --num-processes 2

if [ "$quick" = 1 ]; then
  exit 0
fi

if [ ! -f _build-asan/build.ninja ]; then
  CC=${CC:-gcc} meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
fi
meson compile -C _build-asan
meson test -C _build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3
