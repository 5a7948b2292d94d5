# The one failure line of each WN_* code npnet meets with the local provider:
# "npnet: WN_NAME (NUMBER): meaning: detail; hint: ...", exit 1, nothing changed.
source "$(dirname "$0")/cli_lib.sh"

expect_wn WN_BAD_NETNAME 67 use Z: '\\files\nothere'
err_has 'hint: check the name'
expect_wn WN_BAD_NETNAME 67 use Z: '\\files\public\..\..\etc'
expect_wn WN_BAD_LOCALNAME 1200 use Q1: "$PUBLIC"
err_has 'hint: a local device is a drive A: to Z: or a printer port LPT1: to LPT9:'
expect_wn WN_BAD_LOCALNAME 1200 use 'LPT0:' --delete
expect_wn WN_BAD_LOCALNAME 1200 use Z "$PUBLIC"    # a drive is a letter and a colon
expect_wn WN_BAD_DEV_TYPE 66 use LPT1: "$PUBLIC"
expect_wn WN_NOT_CONNECTED 2250 use Z: --delete
err_has 'hint: see what is connected: npnet list'
expect_wn WN_NOT_CONNECTED 2250 use "$PUBLIC" /delete
[ -z "$(json_rows)" ] || fail "a failure changed something: $(json_rows)"

expect 0 use Z: "$PUBLIC"
expect_wn WN_ALREADY_CONNECTED 85 use Z: "$DOCS"
err_has 'hint: disconnect it first: npnet use Z: --delete'
[ "$(json_rows)" = 'ok Z: \\files\public local disk  false' ] || fail "Z: changed: $(json_rows)"
expect_wn WN_BAD_LOCALNAME 1200 use Z --delete --force  # never reaches Z:
[ "$(json_rows)" = 'ok Z: \\files\public local disk  false' ] || fail "Z: changed: $(json_rows)"

# Every drive from D: to Z: taken: `*` has no device left.
for d in D E F G H I J K L M N O P Q R S T U V W X Y; do
  "$NPNET" use "$d:" "$PUBLIC" >/dev/null </dev/null || fail "use $d:"
done
expect_wn WN_NO_MORE_DEVICES 1248 use '*' "$DOCS"
err_has 'hint: every drive letter is in use'

# A malformed npemu.toml: WN_BAD_PROFILE naming the file and the line.
echo 'bogus = 1' >> "$NPEMU_HOME/npemu.toml"
expect_wn WN_BAD_PROFILE 1206 list
err_has "$NPEMU_HOME/npemu.toml:"
err_has "unknown key 'bogus'"
finish
