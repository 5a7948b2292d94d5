# npnet use: a device, `*`, deviceless, a printer port, the remote spellings.
source "$(dirname "$0")/cli_lib.sh"

expect 0 use Z: "$PUBLIC"
out_has 'Z: is now connected to \\files\public.'
[ "$(json_rows)" = 'ok Z: \\files\public local disk  false' ] || fail "Z: not listed: $(json_rows)"

expect 0 use '*' "$DOCS"        # Z: is taken: the next free drive from Z: down
out_has 'Y: is now connected to \\files\docs.'

expect 0 use "$PUBLIC"          # deviceless
out_has '\\files\public is now connected.'

expect 0 use lpt1 '\\files\laser'   # lower case, colon optional
out_has 'LPT1: is now connected'
json_rows | grep -q '^ok LPT1: \\\\files\\laser local print' || fail "LPT1: not a print connection: $(json_rows)"

expect 0 use X: //files/public   # the POSIX spellings of a remote name
expect 0 use W: smb://files/docs
[ "$(json_rows | wc -l)" = 6 ] || fail "6 connections expected: $(json_rows)"

expect 0 use V: "$PUBLIC" --user alice   # a user name, no terminal: no prompt
json_rows | grep -q '^ok V: .* alice false' || fail "V: user not recorded: $(json_rows)"

expect 0 use U: "$PUBLIC" --persistent
json_rows | grep -q '^ok U: .* true$' || fail "U: not remembered: $(json_rows)"
expect 0 use T: "$PUBLIC" /persistent:yes /user:bob
json_rows | grep -q '^ok T: .* bob true$' || fail "T: not remembered with bob: $(json_rows)"
expect 0 use S: "$PUBLIC" /PERSISTENT:NO   # case-insensitive; no: not remembered
json_rows | grep -q '^ok S: .* false$' || fail "S: remembered: $(json_rows)"
finish
