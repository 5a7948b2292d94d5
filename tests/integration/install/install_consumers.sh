#!/bin/bash
# cmake --install into a throw-away prefix; build the consumers out of tree, once
# with find_package(npemu CONFIG), once with pkg-config; run each against a
# throw-away NPEMU_HOME with one local share.
set -euo pipefail
build=$1 consumer=$2 cmake=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

# The installed headers alone, no -I into the source tree.
test -f "$prefix/include/npemu/npemu.h"
export NPEMU_HOME=$work/home
mkdir -m 700 "$NPEMU_HOME" && mkdir "$work/share"
cat > "$NPEMU_HOME/npemu.toml" <<TOML
providers = ["local"]
[local.shares."\\\\\\\\files\\\\public"]
path = "$work/share"
TOML

echo "== find_package(npemu CONFIG)"
"$cmake" -S "$consumer" -B "$work/cm" -G "${NPEMU_TEST_GENERATOR:-Ninja}" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="${NPEMU_TEST_CFLAGS:-}" -DCMAKE_CXX_FLAGS="${NPEMU_TEST_CXXFLAGS:-}" >/dev/null
"$cmake" --build "$work/cm" >/dev/null
"$work/cm/c_consumer"
"$work/cm/cxx_consumer"

echo "== pkg-config"
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name npemu.pc)")
pkg-config --exists npemu
test "$(pkg-config --modversion npemu)" = "$(sed -n 's/^#define NPEMU_VERSION "\(.*\)"/\1/p' "$prefix/include/npemu/npemu.h")"
libdir=$(pkg-config --variable=libdir npemu)
# shellcheck disable=SC2046,SC2086
cc -std=c11 -Wall -Wextra -pedantic -Werror ${NPEMU_TEST_CFLAGS:-} "$consumer/consumer.c" -o "$work/pc_c" $(pkg-config --cflags --libs npemu) -Wl,-rpath,"$libdir"
# shellcheck disable=SC2046,SC2086
c++ -std=c++17 -Wall -Wextra -pedantic -Werror ${NPEMU_TEST_CXXFLAGS:-} "$consumer/consumer.cpp" -o "$work/pc_cxx" $(pkg-config --cflags --libs npemu) -Wl,-rpath,"$libdir"
"$work/pc_c"
"$work/pc_cxx"
echo "== installed npnet"
"$prefix/bin/npnet" --version
