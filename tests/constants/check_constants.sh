#!/usr/bin/env bash
# Every WN_*, WNNC_*, RESOURCE*, CONNECT_*, ... constant of mingw-w64's own
# winnetwk.h/npapi.h (Windows' values) must exist in npemu's POSIX headers with
# the same value, and every ERROR_* code of npemu/winerror.h must be Windows'
# (mingw's winerror.h). mingw's preprocessor expands each one; a C file of
# static asserts then compiles against ours.
set -euo pipefail
include=${1:?usage: check_constants.sh CORE_INCLUDE_DIR}
cc=x86_64-w64-mingw32-gcc
command -v "$cc" >/dev/null || { echo "$cc not found: run scripts/bootstrap"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#define UNICODE\n#include <windows.h>\n#include <winnetwk.h>\n#include <npapi.h>\n' > "$work/win.c"
pattern='^(WN_|WNNC_|RESOURCETYPE_|RESOURCEUSAGE_|RESOURCEDISPLAYTYPE_|RESOURCE_(CONNECTED|GLOBALNET|REMEMBERED|RECENT|CONTEXT)$|CONNECT_|NETPROPERTY_|UNIVERSAL_NAME_INFO_LEVEL$|REMOTE_NAME_INFO_LEVEL$|NETINFO_|WNFMT_|WNCON_|WNDN_|WNDT_|WNPS_|WNSRCH_|WNPERM|WNTYPE_|WNGETCON_|CONNDLG_|DISC_(UPDATE_PROFILE|NO_FORCE)$|RP_(LOGON|INIFILE)$|PP_DISPLAYERRORS$|NOTIFY_(PRE|POST)$)'
names=$("$cc" -E -dM "$work/win.c" | awk '$1 == "#define" {sub(/\(.*/, "", $2); print $2}' | grep -E "$pattern" | sort -u)
count=$(echo "$names" | wc -l)
[ "$count" -gt 200 ] || { echo "only $count constants found in mingw's headers"; exit 1; }
# The error codes go the other way: each one npemu defines must be Windows'.
errors=$(gcc -E -dM -I"$include" "$include/npemu/winerror.h" | awk '$1 == "#define" {print $2}' | grep -E '^(NO_ERROR|ERROR_[A-Z0-9_]+)$' | sort -u)
nerrors=$(echo "$errors" | wc -l)
[ "$nerrors" -gt 50 ] || { echo "only $nerrors error codes found in npemu/winerror.h"; exit 1; }
names=$(printf '%s\n%s\n' "$names" "$errors" | sort -u)
{ cat "$work/win.c"; for n in $names; do printf '@@ "%s" = %s\n' "$n" "$n"; done; } > "$work/expand.c"
{
  echo '#include <npemu/npapi.h>'
  "$cc" -E -P "$work/expand.c" | awk '/^@@ / {name=$2; gsub(/"/, "", name); $1=$2=$3=""; sub(/^ +/, ""); if ($0 == name) printf "#error %s is not defined by mingw-w64\n", name; else printf "_Static_assert((unsigned long long)(%s) == (unsigned long long)(%s), \"%s differs from Windows\");\n", name, $0, name}'
} > "$work/check.c"
gcc -std=c11 -fsyntax-only -I"$include" "$work/check.c"
echo "header constants: $count constants and $nerrors error codes equal to mingw-w64's"
