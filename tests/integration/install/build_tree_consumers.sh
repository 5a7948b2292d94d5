#!/bin/bash
# The build tree used as it is, nothing installed: the consumers built out of tree
# with find_package(npemu CONFIG) and -Dnpemu_DIR=<build>, and with pkg-config on
# PKG_CONFIG_PATH=<build> (npemu-uninstalled.pc); each run against a throw-away
# NPEMU_HOME with one local share.
set -euo pipefail
build=$1 consumer=$2 cmake=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NPEMU_HOME=$work/home
mkdir -m 700 "$NPEMU_HOME" && mkdir "$work/share"
cat > "$NPEMU_HOME/npemu.toml" <<TOML
providers = ["local"]
[local.shares."\\\\\\\\files\\\\public"]
path = "$work/share"
TOML

echo "== find_package(npemu CONFIG) with npemu_DIR=$build"
"$cmake" -S "$consumer" -B "$work/cm" -G "${NPEMU_TEST_GENERATOR:-Ninja}" -Dnpemu_DIR="$build" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DCMAKE_C_FLAGS="${NPEMU_TEST_CFLAGS:-}" \
  -DCMAKE_CXX_FLAGS="${NPEMU_TEST_CXXFLAGS:-}" >/dev/null
grep -qE "^npemu_DIR:[A-Z]+=$build$" "$work/cm/CMakeCache.txt"   # this tree, not an installed npemu
"$cmake" --build "$work/cm" >/dev/null
"$work/cm/c_consumer"
"$work/cm/cxx_consumer"
# The shared library it runs with is the build tree's.
libs=$(ldd "$work/cm/c_consumer")
grep -q "libnpemu.so.0 => $build/libnpemu.so.0" <<<"$libs"

echo "== pkg-config with PKG_CONFIG_PATH=$build"
export PKG_CONFIG_PATH=$build
pkg-config --exists npemu
test "$(pkg-config --variable=libdir npemu)" = "$build"
test -f "$(pkg-config --variable=includedir npemu)/npemu/npemu.h"
# shellcheck disable=SC2046,SC2086
cc -std=c11 -Wall -Wextra -pedantic -Werror ${NPEMU_TEST_CFLAGS:-} "$consumer/consumer.c" -o "$work/pc_c" $(pkg-config --cflags --libs npemu) -Wl,-rpath,"$build"
# shellcheck disable=SC2046,SC2086
c++ -std=c++17 -Wall -Wextra -pedantic -Werror ${NPEMU_TEST_CXXFLAGS:-} "$consumer/consumer.cpp" -o "$work/pc_cxx" $(pkg-config --cflags --libs npemu) -Wl,-rpath,"$build"
"$work/pc_c"
"$work/pc_cxx"
echo "the build tree serves both consumers"
