#!/bin/sh
# Quick start: install what is missing, build, and open Netbook from the
# build folder. Extra arguments go to the app (e.g. --capture).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

export GSETTINGS_SCHEMA_DIR="$top/_build/data"
exec ./_build/src/gui/netbook "$@"
