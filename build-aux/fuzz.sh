#!/bin/sh
# Runs every libFuzzer target for a bounded time under ASan + UBSan, with
# its seed corpus. Fails if any target finds a crash.
#
#   ./build-aux/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
seconds=${1:-60}

./build-aux/install-deps.sh
if [ ! -f _build-fuzz/build.ninja ]; then
  CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C _build-fuzz

status=0
for fuzzer in _build-fuzz/tests/fuzz/fuzz-*; do
  [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  target=${name#fuzz-}
  corpus="tests/fuzz/corpus/$target"
  work=$(mktemp -d "${TMPDIR:-/tmp}/netbook-fuzz-$target.XXXXXX")
  dict=""
  [ -f "tests/fuzz/$target.dict" ] && dict="-dict=tests/fuzz/$target.dict"
  echo "== $name for ${seconds}s"
  # shellcheck disable=SC2086
  if ! G_DEBUG=fatal-criticals "$fuzzer" $dict -max_total_time="$seconds" -max_len=262144 \
        -artifact_prefix="$work/" "$work" ${corpus:+$( [ -d "$corpus" ] && echo "$corpus")}; then
    echo "$name found a crash; the input is in $work" >&2
    status=1
  fi
done
exit $status
