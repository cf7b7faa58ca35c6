#!/bin/sh
# Every file with translatable strings is listed in po/POTFILES.in, and
# every listed file exists: an untranslatable string is a bug.
set -eu
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"

status=0
listed=$(grep -v '^\s*#' po/POTFILES.in | grep -v '^\s*$' || true)

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

candidates=$( (grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|ngettext \(' src --include='*.c' || true;
               grep -rl 'translatable="yes"' ui --include='*.ui' || true;
               ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true) | sort -u)

for f in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

exit $status
