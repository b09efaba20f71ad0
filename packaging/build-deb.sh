#!/usr/bin/env bash
# Package dist/activation-playground/ (from build-bundle.sh) as dist/activation-playground_<ver>_<arch>.deb.
# Depends: is computed from what the bundled ELF files link outside the bundle (ldd + dpkg -S), plus
# CJK fonts. Usage: packaging/build-deb.sh   (needs dpkg-deb, ldd; run on the oldest target release)
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=activation-playground
BUNDLE=dist/$NAME
[ -x "$BUNDLE/$NAME" ] || { echo "no bundle at $BUNDLE: run packaging/build-bundle.sh first" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' playground/__init__.py)
[ -n "$VERSION" ] || { echo "cannot read __version__ from playground/__init__.py" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
ROOT=build/deb/root
rm -rf build/deb && mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" \
  "$ROOT/usr/share/applications" "$ROOT/usr/share/doc/$NAME"

cp -a "$BUNDLE" "$ROOT/opt/$NAME"
install -m 0755 packaging/debian/launcher.sh "$ROOT/usr/bin/$NAME"
install -m 0644 resources/$NAME.desktop "$ROOT/usr/share/applications/$NAME.desktop"
for png in resources/icons/hicolor/*/apps/$NAME.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -D -m 0644 "$png" "$ROOT/usr/share/icons/hicolor/$size/apps/$NAME.png"
done
install -D -m 0644 resources/icons/$NAME.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
printf 'Activation Playground %s, MIT licence. The bundle under /opt/%s also contains\n%s\n' \
  "$VERSION" "$NAME" "Python (PSF), NumPy/OpenBLAS (BSD), Qt 6 and PySide6 (LGPLv3), pyqtgraph (MIT)." \
  > "$ROOT/usr/share/doc/$NAME/copyright"
install -m 0755 packaging/debian/postinst packaging/debian/postrm "$ROOT/DEBIAN/"

# Depends: the Debian packages owning the system libraries that bundled ELF files link directly
# (DT_NEEDED names the bundle does not carry), as dpkg-shlibdeps would list them.
if ! command -v readelf >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils >/dev/null || true
fi
command -v readelf >/dev/null || { echo "readelf missing: apt-get install binutils" >&2; exit 1; }
mapfile -d '' elves < <(find "$ROOT/opt/$NAME" -type f \( -name '*.so*' -o -name "$NAME" \) -print0)
internal=$(printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u | paste -sd:)
carried=$(printf '%s\n' "${elves[@]}" | xargs -n1 basename | sort -u)
needed=$(readelf -d "${elves[@]}" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u \
  | grep -vxF -f <(echo "$carried") || true)
resolved=$(LD_LIBRARY_PATH="$internal" ldd "${elves[@]}" 2>/dev/null \
  | awk '$2 == "=>" {print $1, $3} $1 ~ /^\// {n = split($1, p, "/"); print p[n], $1}' | sort -u)
missing=$(awk '$2 == "not" {print $1}' <<<"$resolved" | sort -u)
if [ -n "$missing" ]; then
  echo "libraries not found on this build machine (scripts/system-deps.sh --x11 installs them):" >&2
  echo "$missing" >&2
  exit 1
fi
owner() {  # dpkg -S knows a file by the path its package installed (merged /usr: /lib or /usr/lib)
  local real; real=$(readlink -f "$1")
  { dpkg -S "$1" || dpkg -S "$real" || dpkg -S "${real#/usr}" || dpkg -S "/usr$real"; } 2>/dev/null \
    | head -1 | cut -d: -f1 | sed 's/,.*//' | grep . || { echo "no package owns $1" >&2; return 1; }
}
DEPENDS=$(for lib in $needed; do
  path=$(awk -v n="$lib" '$1 == n {print $2; exit}' <<<"$resolved")
  [ -n "$path" ] || { echo "cannot resolve $lib" >&2; exit 1; }
  owner "$path"
done | sort -u | paste -sd, | sed 's/,/, /g')
DEPENDS="$DEPENDS, fonts-noto-cjk | fonts-wqy-microhei"
SIZE_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" \
  -e "s/@DEPENDS@/$DEPENDS/" packaging/debian/control.in > "$ROOT/DEBIAN/control"

DEB=dist/${NAME}_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zzstd -z3 --build "$ROOT" "$DEB" >/dev/null
echo "deb: $DEB ($(du -h "$DEB" | cut -f1)); Depends: $DEPENDS"
