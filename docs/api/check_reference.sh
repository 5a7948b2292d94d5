#!/bin/bash
# Makes the API reference (the docs target) and checks it: every function the public
# headers declare (NPEMU_API in npapi.h, winnetwk.h, npemu.h; inline in npemu.hpp)
# is in Doxygen's XML with a description, and Doxygen itself warned of nothing.
set -euo pipefail
cmake=$1 build=$2 headers=$3 out=$4
"$cmake" --build "$build" --target docs >/dev/null
test -f "$out/html/index.html"
if [ -s "$out/warnings.log" ]; then cat "$out/warnings.log"; exit 1; fi

# The names: C functions after NPEMU_API ... WINAPI? NAME(, C++ inline functions.
names=$(sed -n 's/^NPEMU_API [^(]*[ *]\([A-Za-z_][A-Za-z0-9_]*\)(.*/\1/p' "$headers"/npapi.h "$headers"/winnetwk.h "$headers"/npemu.h)
cxx=$(sed -n 's/^inline [^(]*[ &*]\([a-z_][a-z0-9_]*\)(.*/\1/p' "$headers"/npemu.hpp)
[ "$(wc -w <<<"$names")" -ge 40 ] || { echo "too few C functions found: $names"; exit 1; }
[ "$(wc -w <<<"$cxx")" -ge 6 ] || { echo "too few C++ functions found: $cxx"; exit 1; }

missing=0
# describe NAME: the text of its brief and detailed descriptions in the XML, "" if none.
describe() {
  xmllint --xpath "string(//memberdef[@kind='function'][name='$1'][1]/briefdescription)" "$out"/xml/*.xml 2>/dev/null
  xmllint --xpath "string(//memberdef[@kind='function'][name='$1'][1]/detaileddescription)" "$out"/xml/*.xml 2>/dev/null
}
for n in $names $cxx; do
  text=$(describe "$n" | tr -s '[:space:]' ' ')
  if [ "${#text}" -lt 20 ]; then
    echo "undocumented in the reference: $n ('$text')"
    missing=$((missing + 1))
  fi
done
[ "$missing" = 0 ] || exit 1
echo "the reference documents $(wc -w <<<"$names $cxx") public functions"
