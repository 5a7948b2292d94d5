#!/bin/bash
# cpack -G DEB: libnpemu0, libnpemu-dev and npnet (and their -dbgsym), checked for
# what each holds, stripped, lintian without errors; when root: installed together,
# used (npnet, man, the completion through bash -c, pkg-config), and purged.
# Exit 77 = skipped (not root, or the packages are already installed here).
set -euo pipefail
build=$1 cpack=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work" >/dev/null)
packages=(libnpemu0 libnpemu-dev npnet)
for p in "${packages[@]}"; do
  deb=$(ls "$work/${p}"_*.deb)
  dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/$p.contents"
  # Each package: a real description (a summary and a body), a maintainer, its
  # copyright and changelog.
  test "$(dpkg-deb --field "$deb" Description | wc -l)" -ge 4
  dpkg-deb --field "$deb" Maintainer | grep -q '<.*@.*>'
  grep -qx "/usr/share/doc/$p/copyright" "$work/$p.contents"
  grep -qx "/usr/share/doc/$p/changelog.gz" "$work/$p.contents"
  copyright=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/share/doc/$p/copyright")
  grep -q '^MIT License$' <<<"$copyright"
  grep -q '^Copyright (c) 2026 the npemu authors$' <<<"$copyright"
done
has() { grep -qx -- "$2" "$work/$1.contents" || { echo "$1 lacks $2"; exit 1; }; }
lacks() { ! grep -q -- "$2" "$work/$1.contents" || { echo "$1 holds $2"; exit 1; }; }
# libnpemu0: the shared library alone (and its helper); no headers, no namelink, no tool.
grep -q '/libnpemu\.so\.0$' "$work/libnpemu0.contents"
has libnpemu0 /usr/libexec/npemu/npemu-smbfs
lacks libnpemu0 '/include/'; lacks libnpemu0 '/libnpemu\.so$'; lacks libnpemu0 '/bin/npnet'
# libnpemu-dev: headers, static library, namelink, CMake package, .pc.
has libnpemu-dev /usr/include/npemu/npemu.h
has libnpemu-dev /usr/include/npemu/npemu.hpp
grep -q '/libnpemu_static\.a$' "$work/libnpemu-dev.contents"
grep -q '/libnpemu\.so$' "$work/libnpemu-dev.contents"
grep -q '/cmake/npemu/npemuConfig\.cmake$' "$work/libnpemu-dev.contents"
grep -q '/pkgconfig/npemu\.pc$' "$work/libnpemu-dev.contents"
dpkg-deb --field "$work"/libnpemu-dev_*.deb Depends | grep -q 'libnpemu0 (= '
# npnet: the tool, its manual pages (compressed), completion and systemd user unit.
has npnet /usr/bin/npnet
has npnet /usr/share/man/man1/npnet.1.gz
has npnet /usr/share/man/man5/npemu.toml.5.gz
has npnet /usr/share/bash-completion/completions/npnet
has npnet /usr/lib/systemd/user/npnet-restore.service
dpkg-deb --field "$work"/npnet_*.deb Depends | grep -q 'libnpemu0 (= '
# Stripped, with the symbols in -dbgsym packages.
mkdir "$work/x"
dpkg-deb -x "$work"/npnet_*.deb "$work/x"
dpkg-deb -x "$work"/libnpemu0_*.deb "$work/x"
for f in "$work/x/usr/bin/npnet" "$work"/x/usr/lib/*libnpemu.so.0.* "$work/x/usr/libexec/npemu/npemu-smbfs"; do
  file "$f" | grep -q ', stripped' || { echo "not stripped: $f"; exit 1; }
done
ls "$work"/libnpemu0-dbgsym_*.ddeb "$work"/npnet-dbgsym_*.ddeb >/dev/null
# lintian: no error on the packages a user installs. (The -dbgsym ones are not
# checked: cpack 3.25 writes their md5sums with its staging paths.)
lintian --fail-on error --tag-display-limit 0 "$work"/*.deb

if [ "$(id -u)" != 0 ]; then
  echo "SKIP: dpkg -i needs root (the packages were built and checked)"
  exit 77
fi
for p in "${packages[@]}" npemu; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    echo "SKIP: a $p package is already installed here; not touching it"
    exit 77
  fi
done
dpkg -i "$work"/libnpemu0_*.deb "$work"/libnpemu-dev_*.deb "$work"/npnet_*.deb >/dev/null
trap 'dpkg -P npnet libnpemu-dev libnpemu0 >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
got=$(/usr/bin/npnet --version)
echo "$got"
test "$got" = "npnet $(dpkg-deb --field "$work"/npnet_*.deb Version)"
pkg-config --exists npemu
page=$(MANPAGER=cat PAGER=cat man npnet 2>&1)
grep -q 'npnet - connect and disconnect network shares' <<<"$page"
page=$(MANPAGER=cat PAGER=cat man 5 npemu.toml 2>&1)
grep -q 'npemu.toml - the configuration of npemu' <<<"$page"
offered=$(bash -c 'source /usr/share/bash-completion/completions/npnet; COMP_WORDS=(npnet li); COMP_CWORD=1; _npnet; echo "${COMPREPLY[*]}"')
test "$offered" = list
# The user unit is one systemd accepts (its command and man page are where it says).
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /usr/lib/systemd/user/npnet-restore.service
fi
dpkg -P npnet libnpemu-dev libnpemu0 >/dev/null
test ! -e /usr/bin/npnet
test ! -e /usr/include/npemu
test ! -e /usr/share/man/man1/npnet.1.gz
test -z "$(ls /usr/lib/*/libnpemu* /usr/lib/libnpemu* 2>/dev/null)"
for p in "${packages[@]}"; do
  test -z "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)"
done
echo "installed, used and removed cleanly"
