# npnet list --json: the documented schema npemu.list/1 (docs/cli.md), exactly.
source "$(dirname "$0")/cli_lib.sh"

expect 0 list --json
[ "$OUT" = '{"schema":"npemu.list/1","connections":[]}' ] || fail "empty list: $OUT"

expect 0 use Z: "$PUBLIC" --persistent --user 'al"ice'
expect 0 use "$DOCS"
expect 0 use LPT2: '\\files\laser'
expect 0 list --json
jq -e . >/dev/null <<<"$OUT" || fail "not JSON: $OUT"
# Every entry has exactly these keys with these types.
jq -e '.schema == "npemu.list/1" and (.connections | length == 3) and
       all(.connections[]; (keys == ["local","provider","remembered","remote","status","type","user"]) and
           (.status | IN("ok","disconnected","unavailable")) and (.type | IN("disk","print")) and
           (.remembered | type == "boolean") and (.local, .remote, .provider, .user | type == "string"))' \
  <<<"$OUT" >/dev/null || fail "schema: $OUT"
jq -e '.connections[] | select(.local == "Z:") | .remote == "\\\\files\\public" and .user == "al\"ice" and .remembered and .status == "ok" and .provider == "local"' \
  <<<"$OUT" >/dev/null || fail "Z: entry: $OUT"
jq -e '.connections[] | select(.local == "") | .remote == "\\\\files\\docs" and (.remembered | not)' \
  <<<"$OUT" >/dev/null || fail "deviceless entry: $OUT"
jq -e '.connections[] | select(.local == "LPT2:") | .type == "print"' <<<"$OUT" >/dev/null || fail "LPT2: entry: $OUT"

# --remembered --json: the profile, a drive whose link is gone "disconnected" in the full list.
expect 0 list --remembered --json
jq -e '.connections | length == 1 and .[0].local == "Z:" and .[0].status == "ok"' <<<"$OUT" >/dev/null ||
  fail "remembered: $OUT"
rm -f "$NPEMU_HOME"/drives/Z*
expect 0 list --json
jq -e '.connections[] | select(.local == "Z:") | .status == "disconnected"' <<<"$OUT" >/dev/null || fail "disconnected: $OUT"
expect 0 list --json --remembered
jq -e '.connections[0].status == "unavailable"' <<<"$OUT" >/dev/null || fail "unavailable: $OUT"
finish
