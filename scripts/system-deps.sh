#!/usr/bin/env bash
# Ensure the Debian libraries Qt needs are present (--x11: also what the headless tests use).
# --docs: also what scripts/docs_screenshots.py drives (a window manager, xdotool, ImageMagick).
# Installs them when we are root on Debian/Ubuntu; otherwise prints exactly what is missing.
# Usage: scripts/system-deps.sh [--x11 | --docs]
set -u
pkgs="libegl1 libgl1 libx11-6 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3"
x11="xvfb xauth desktop-file-utils libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0"
[ "${1:-}" = "--x11" ] && pkgs="$pkgs $x11"
[ "${1:-}" = "--docs" ] && pkgs="$pkgs $x11 openbox xdotool imagemagick"
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing we can check
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Qt system libraries:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || { echo "apt-get install failed for:$missing" >&2; exit 1; }
else
  echo "Missing system libraries for Qt:$missing" >&2
  echo "Install them with: sudo apt-get install$missing" >&2
  exit 1
fi
