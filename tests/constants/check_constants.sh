#!/usr/bin/env bash
# Every WN_*, WNNC_*, RESOURCE*, CONNECT_*, ... constant of mingw-w64's own
# winnetwk.h/npapi.h (Windows' values) must exist in npemu's POSIX headers with
# the same value. mingw's preprocessor expands each one; a C file of static
# asserts then compiles against ours.
set -euo pipefail
include=${1:?usage: check_constants.sh CORE_INCLUDE_DIR}
cc=x86_64-w64-mingw32-gcc
command -v "$cc" >/dev/null || { echo "$cc not found: run scripts/bootstrap"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#define UNICODE\n#include <windows.h>\n#include <winnetwk.h>\n#include <npapi.h>\n' > "$work/win.c"
pattern='^(WN_|WNNC_|RESOURCETYPE_|RESOURCEUSAGE_|RESOURCEDISPLAYTYPE_|RESOURCE_(CONNECTED|GLOBALNET|REMEMBERED|RECENT|CONTEXT)$|CONNECT_|NETPROPERTY_|UNIVERSAL_NAME_INFO_LEVEL$|REMOTE_NAME_INFO_LEVEL$|NETINFO_|WNFMT_|WNCON_|WNDN_|WNPS_|WNSRCH_|WNPERM|WNTYPE_|WNGETCON_)'
names=$("$cc" -E -dM "$work/win.c" | awk '$1 == "#define" {sub(/\(.*/, "", $2); print $2}' | grep -E "$pattern" | sort -u)
count=$(echo "$names" | wc -l)
[ "$count" -gt 200 ] || { echo "only $count constants found in mingw's headers"; exit 1; }
{ cat "$work/win.c"; for n in $names; do printf '@@ "%s" = %s\n' "$n" "$n"; done; } > "$work/expand.c"
{
  echo '#include <npemu/npapi.h>'
  "$cc" -E -P "$work/expand.c" | awk '/^@@ / {name=$2; gsub(/"/, "", name); $1=$2=$3=""; sub(/^ +/, ""); printf "_Static_assert((unsigned long long)(%s) == (unsigned long long)(%s), \"%s differs from Windows\");\n", name, $0, name}'
} > "$work/check.c"
gcc -std=c11 -fsyntax-only -I"$include" "$work/check.c"
echo "header constants: $count constants equal to mingw-w64's"
