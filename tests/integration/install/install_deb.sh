#!/bin/bash
# cpack -G DEB; when root: dpkg -i, `npnet --version`, dpkg -r. Exit 77 = skipped.
set -euo pipefail
build=$1 cpack=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work" >/dev/null)
deb=$(ls "$work"/npemu_*.deb)
dpkg-deb --field "$deb" Package Version Depends
dpkg-deb --contents "$deb" > "$work/contents"
grep -q '/usr/bin/npnet$' "$work/contents"
grep -q '/usr/include/npemu/npemu.h$' "$work/contents"
grep -q 'pkgconfig/npemu.pc$' "$work/contents"
grep -q '/usr/share/man/man1/npnet.1$' "$work/contents"
grep -q '/usr/share/man/man5/npemu.toml.5$' "$work/contents"
grep -q '/usr/share/bash-completion/completions/npnet$' "$work/contents"
grep -q '/usr/share/doc/npemu/copyright$' "$work/contents"
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: dpkg -i needs root (the .deb was built and checked)"
  exit 77
fi
if [ "$(dpkg-query -W -f='${Status}' npemu 2>/dev/null)" = "install ok installed" ]; then
  echo "SKIP: an npemu package is already installed here; not touching it"
  exit 77
fi
dpkg -i "$deb" >/dev/null
trap 'dpkg -P npemu >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
version=$(/usr/bin/npnet --version)
echo "$version"
test "$version" = "npnet $(dpkg-deb --field "$deb" Version)"
pkg-config --exists npemu
dpkg -r npemu >/dev/null
test ! -e /usr/bin/npnet
test ! -e /usr/include/npemu
dpkg -P npemu >/dev/null   # and no record left behind
test -z "$(dpkg-query -W -f='${Status}' npemu 2>/dev/null)"
echo "installed and removed cleanly"
