#!/usr/bin/env bash
# CI proof for the packages (make package-test): build the bundle and snapshot the window from it;
# build the .deb, install it with apt, snapshot through the installed launcher, remove it and check
# that nothing of it is left. Needs root on Debian/Ubuntu; elsewhere prints SKIP and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=activation-playground
PY=${PY:-.venv/bin/python}
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "SKIP package-test: needs root and apt-get/dpkg-deb (Debian/Ubuntu); nothing was checked."
  exit 0
fi
t0=$(date +%s)
stamp() { echo "== $1 ($(( $(date +%s) - t0 )) s)"; }
apt_install() {  # install Debian packages that are missing (binutils for readelf/strip, fonts)
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
}
scripts/system-deps.sh --x11  # the Qt/xcb libraries the bundle links (Depends is read from them)
apt_install binutils
# The .deb wants CJK fonts; the small WenQuanYi font satisfies that when Noto CJK is absent.
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" || apt_install fonts-wqy-microhei

snapshot() {  # snapshot EXE OUT [ARGS...]: run from / with a clean environment, then check the PNG
  (cd / && env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
     "$1" gui --snapshot "$2" --steps 50 "${@:3}")
  "$PY" packaging/check_png.py "$2" 20
}

stamp "1. bundle"
rm -rf dist/$NAME
packaging/build-bundle.sh
snapshot "$PWD/dist/$NAME/$NAME" /tmp/$NAME-bundle.png

stamp "2. deb"
packaging/build-deb.sh
DEB=$(ls -t dist/${NAME}_*.deb | head -1)
depends=$(dpkg-deb -f "$DEB" Depends)
for lib in libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 \
           libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0; do
  grep -qw -- "$lib" <<<"$depends" || { echo "FAIL: Depends lacks $lib: $depends" >&2; exit 1; }
done
files=$(dpkg-deb -c "$DEB" | awk '{print substr($6, 2)}' | grep -v '/$')
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$DEB" >/dev/null
for f in /opt/$NAME/$NAME /usr/bin/$NAME /usr/share/applications/$NAME.desktop \
         /usr/share/icons/hicolor/48x48/apps/$NAME.png /usr/share/icons/hicolor/scalable/apps/$NAME.svg; do
  [ -e "$f" ] || { echo "FAIL: installed package lacks $f" >&2; exit 1; }
done
snapshot /usr/bin/$NAME /tmp/$NAME-deb.png
snapshot /usr/bin/$NAME /tmp/$NAME-deb-zh_CN.png --lang zh_CN  # translations + CJK font from Depends
dpkg --purge $NAME 2>&1 >/dev/null | grep -v "directory '/opt' not empty" || true
left=$(for f in $files /opt/$NAME; do [ -e "$f" ] && echo "$f"; done || true)
if [ -n "$left" ] || dpkg-query -W -f='${Status}' $NAME 2>/dev/null | grep -q "ok installed"; then
  echo "FAIL: left behind after purge:" >&2; echo "$left" >&2; exit 1
fi
echo "purge left nothing behind ($(wc -l <<<"$files") files checked)"

stamp "3. sizes"
echo "bundle dist/$NAME: $(du -sm dist/$NAME | cut -f1) MB (limit 250); deb $DEB: $(du -m "$DEB" | cut -f1) MB (limit 90)"
[ "$(du -sm dist/$NAME | cut -f1)" -le 250 ] && [ "$(du -m "$DEB" | cut -f1)" -le 90 ] \
  || { echo "FAIL: package size over budget" >&2; exit 1; }
du -sm dist/$NAME/_internal/* | sort -rn | head -6 | sed 's/^/  /'
stamp "package-test passed"
