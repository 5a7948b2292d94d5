#!/bin/bash
# docs/using.md's C and C++ programs, taken from the page as they are written,
# built against a throw-away install through pkg-config and run against a
# throw-away NPEMU_HOME: the page a newcomer reads keeps working.
set -euo pipefail
build=$1 page=$2 cmake=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

# The fenced blocks of one language (```c or ```cpp), as written.
block() { awk -v lang="$1" '$0 == "```" lang { on = 1; next } on && $0 == "```" { on = 0 } on' "$page"; }
block c >"$work/app.c"
block cpp >"$work/app.cpp"
grep -q NPAddConnection3 "$work/app.c"
grep -q 'npemu::connect' "$work/app.cpp"

export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name npemu.pc)")
libdir=$(pkg-config --variable=libdir npemu)
# The build's own flags too: a sanitizer build's library needs its runtime in the program.
# shellcheck disable=SC2046,SC2086
cc -std=c11 -Wall -Wextra -pedantic -Werror ${NPEMU_TEST_CFLAGS:-} "$work/app.c" -o "$work/app_c" $(pkg-config --cflags --libs npemu) -Wl,-rpath,"$libdir"
# shellcheck disable=SC2046,SC2086
c++ -std=c++17 -Wall -Wextra -pedantic -Werror ${NPEMU_TEST_CXXFLAGS:-} "$work/app.cpp" -o "$work/app_cxx" $(pkg-config --cflags --libs npemu) -Wl,-rpath,"$libdir"

export NPEMU_HOME=$work/home
mkdir -m 700 "$NPEMU_HOME" && mkdir "$work/share"
echo "quarterly numbers" >"$work/share/report.txt"
cat >"$NPEMU_HOME/npemu.toml" <<TOML
[local.shares.'\\\\files\\public']
path = "$work/share"
TOML
"$work/app_c"
test "$("$work/app_cxx")" = "quarterly numbers"
# Without npemu.toml: the C program prints the code and npemu's sentence and fails.
rm "$NPEMU_HOME/npemu.toml"
if "$work/app_c" 2>"$work/err"; then echo "app_c succeeded without a configuration"; exit 1; fi
grep -q "^WN_BAD_NETNAME (67): no configuration: $NPEMU_HOME/npemu.toml does not exist" "$work/err"
echo "docs/using.md's programs build and run"
