#!/bin/sh
# Installs the Debian 12 packages Netbook needs to build, run and test,
# skipping what is already there. Uses sudo when not root.
set -eu

packages="
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libjson-glib-dev
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 adwaita-icon-theme fonts-cantarell
  flatpak-builder python3 python3-yaml python3-jsonschema
  clang libclang-rt-14-dev llvm
  imagemagick librsvg2-bin librsvg2-common strace
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing:$missing"
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "These packages are missing and you are not root (and have no sudo):$missing" >&2
  exit 1
fi
$sudo apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
