#!/usr/bin/env bash
# Every function, function type and structure that mingw-w64's winnetwk.h and
# npapi.h declare must be declared by npemu's POSIX headers, the same way:
#  - each prototype and PF_* type, copied from mingw's header, is redeclared
#    after ours (a C compiler rejects a redeclaration whose type differs), and
#    each function's name is known to a file that includes ours alone;
#  - each structure has mingw-w64's size (x86_64: same pointer and DWORD widths);
#  - each unsuffixed name (__MINGW_NAME_AW / __MINGW_TYPEDEF_AW) is the W one
#    under UNICODE and the A one without, in ours as in mingw's.
set -euo pipefail
include=${1:?usage: check_names.sh CORE_INCLUDE_DIR}
cc=x86_64-w64-mingw32-gcc
command -v "$cc" >/dev/null || { echo "$cc not found: run scripts/bootstrap"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
win_headers=$(printf '#include <windows.h>\n#include <winnetwk.h>\n#include <npapi.h>\n')
sysinc=$(echo | "$cc" -xc -E -v - 2>&1 | awk '/^#include <...>/ {on=1; next} /^End of search/ {on=0} on {print $1}')
find_header() { for d in $sysinc; do [ -f "$d/$1" ] && { echo "$d/$1"; return; }; done; echo "mingw's $1 not found" >&2; exit 1; }
mingw_files="$(find_header winnetwk.h) $(find_header npapi.h)"

# 1. Prototypes and function types, each on one line in mingw's headers.
protos=$(cat $mingw_files | grep -E '^\s*(DWORD|VOID|UINT|WINBOOL)\s+WINAPI\s+[A-Za-z0-9_]+\s*\(.*\)\s*;' | sed 's/^\s*//')
ftypes=$(cat $mingw_files | grep -E '^\s*typedef\s+(DWORD|UINT|WINBOOL)\s*\((WINAPI\s*)?\*\s*[A-Za-z0-9_]+\)\s*\(.*\)\s*;' | sed 's/^\s*//')
nprotos=$(echo "$protos" | wc -l)
[ "$nprotos" -gt 60 ] || { echo "only $nprotos prototypes found in mingw's headers"; exit 1; }
fnames=$(echo "$protos" | sed -E 's/.*WINAPI\s+([A-Za-z0-9_]+)\s*\(.*/\1/' | sort -u)
{
  echo '#define UNICODE'
  echo '#include <npemu/npapi.h>'
  echo 'typedef BOOL WINBOOL;'
  echo "$protos"
  echo "$ftypes"
} > "$work/protos.c"
# A name npemu does not declare at all would pass the redeclaration: each one
# must also be known to a file that has ours alone.
{
  echo '#define UNICODE'
  echo '#include <npemu/npapi.h>'
  for f in $fnames; do echo "void* npemu_has_$f(void) { return (void*)&$f; }"; done
} > "$work/has.c"
gcc -std=c11 -fsyntax-only -Werror -I"$include" "$work/protos.c"
gcc -std=c11 -fsyntax-only -Werror=implicit-function-declaration -I"$include" "$work/has.c"

# 2. Structure sizes: mingw's compiler writes each sizeof(T) into its assembly.
types=$(cat $mingw_files | grep -oE '\}\s*[A-Z_][A-Z0-9_]*\s*,\s*\*' | sed -E 's/\}\s*([A-Z0-9_]+).*/\1/' | sort -u)
ntypes=$(echo "$types" | wc -l)
[ "$ntypes" -gt 10 ] || { echo "only $ntypes structures found in mingw's headers"; exit 1; }
{ echo '#define UNICODE'; echo "$win_headers"; for t in $types; do echo "int npemu_size_$t = sizeof($t);"; done; } > "$work/sizes.c"
"$cc" -S -o "$work/sizes.s" "$work/sizes.c"
{
  echo '#define UNICODE'
  echo '#include <npemu/npapi.h>'
  awk '/^npemu_size_[A-Za-z0-9_]+:/ {t=$1; sub(/^npemu_size_/, "", t); sub(/:$/, "", t); next}
       t != "" && $1 == ".long" {printf "_Static_assert(sizeof(%s) == %s, \"%s: size differs from Windows\");\n", t, $2, t; t=""}' "$work/sizes.s"
} > "$work/sizes_check.c"
[ "$(grep -c _Static_assert "$work/sizes_check.c")" -eq "$ntypes" ] || { echo "mingw's sizes were not all read"; exit 1; }
gcc -std=c11 -fsyntax-only -I"$include" "$work/sizes_check.c"

# 3. The unsuffixed names, with and without UNICODE.
aw_funcs=$(cat $mingw_files | grep -oE '#define\s+[A-Za-z0-9_]+\s+__MINGW_NAME_AW\(' | awk '{print $2}' | sort -u)
aw_types=$(cat $mingw_files | grep -oE '__MINGW_TYPEDEF_AW\([A-Za-z0-9_]+\)' | sed -E 's/.*\(([A-Za-z0-9_]+)\)/\1/' | sort -u)
for mode in UNICODE ANSI; do
  suffix=$([ $mode = UNICODE ] && echo W || echo A)
  define=$([ $mode = UNICODE ] && echo '#define UNICODE' || echo '')
  { echo "$define"; echo "$win_headers"; for f in $aw_funcs; do echo "@@ $f $f"; done; } > "$work/aw_win.c"
  { echo "$define"; echo '#include <npemu/npapi.h>'; for f in $aw_funcs; do echo "@@ $f $f"; done; } > "$work/aw_ours.c"
  diff <("$cc" -E -P "$work/aw_win.c" | grep '^@@') <(gcc -E -P -I"$include" "$work/aw_ours.c" | grep '^@@') ||
    { echo "unsuffixed function names differ from mingw-w64's ($mode)"; exit 1; }
  {
    echo "$define"
    echo '#include <npemu/npapi.h>'
    for t in $aw_types; do
      echo "_Static_assert(__builtin_types_compatible_p($t, $t$suffix), \"$t is not $t$suffix ($mode)\");"
    done
  } > "$work/aw_types.c"
  gcc -std=gnu11 -fsyntax-only -I"$include" "$work/aw_types.c"
done
echo "header names: $nprotos prototypes, $ntypes structures, $(echo "$aw_funcs" | wc -l) + $(echo "$aw_types" | wc -l) unsuffixed names as mingw-w64 declares them"
