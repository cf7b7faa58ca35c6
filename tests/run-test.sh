#!/bin/sh
# Runs one test in a world of its own: private XDG folders and HOME, and
# for GUI tests (--gui) a private Xvfb server and D-Bus session bus.
#
#   run-test.sh [--gui] PROGRAM [ARGS...]
set -eu

gui=0
if [ "${1:-}" = "--gui" ]; then
  gui=1
  shift
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/netbook-test.XXXXXX")
cleanup () {
  if [ -n "${xvfb_pid:-}" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
chmod 0700 "$scratch/runtime"
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
export NETBOOK_TEST_SCRATCH="$scratch"
unset NETBOOK_DB || true

if [ "$gui" = 0 ]; then
  "$@"
  exit $?
fi

# Let Xvfb pick a free display itself, so parallel tests never collide.
exec 3>"$scratch/display"
# A large screen keeps the pointer (at its centre) off every test window:
# GTK 4.8 warns when a window dies while a tooltip timeout is pending.
Xvfb -displayfd 3 -screen 0 4096x3072x24 -nolisten tcp -noreset >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
tries=0
while [ ! -s "$scratch/display" ]; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ]; then
    echo "Bail out! Xvfb did not start:" >&2
    cat "$scratch/xvfb.log" >&2
    exit 1
  fi
  sleep 0.1
done
export DISPLAY=":$(head -n 1 "$scratch/display")"
unset WAYLAND_DISPLAY || true
export GDK_BACKEND=x11
dbus-run-session --config-file="$(dirname "$0")/dbus-session.conf" -- "$@"
