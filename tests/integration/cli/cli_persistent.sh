# `npnet use /persistent:yes|no` alone sets the lasting default for later device
# connections (kept in $NPEMU_HOME/npnet.toml, as net.exe keeps its own), and the
# list's first line says which default is in force.
source "$(dirname "$0")/cli_lib.sh"
SETTINGS=$NPEMU_HOME/npnet.toml

expect 0 list
head -1 <<<"$OUT" | grep -qx 'New connections will not be remembered.' || fail "default line: $OUT"
expect 0 use Z: "$PUBLIC"
json_rows | grep -q '^ok Z: .* false$' || fail "Z: remembered without a default: $(json_rows)"

expect 0 use /persistent:yes
out_has 'New connections will be remembered.'
[ -f "$SETTINGS" ] || fail "no $SETTINGS"
[ "$(stat -c %a "$SETTINGS")" = 600 ] || fail "$SETTINGS is not 0600"
expect 0                                   # another process reads it: it lasts
head -1 <<<"$OUT" | grep -qx 'New connections will be remembered.' || fail "default line: $OUT"

expect 0 use Y: "$DOCS"                    # remembered by default now
out_has 'It will be remembered'
json_rows | grep -q '^ok Y: .* true$' || fail "Y: not remembered: $(json_rows)"
expect 0 use X: "$DOCS" /persistent:no     # this once not
out_lacks 'remembered'
json_rows | grep -q '^ok X: .* false$' || fail "X: remembered: $(json_rows)"
expect 0 use W: "$DOCS" --no-persistent
json_rows | grep -q '^ok W: .* false$' || fail "W: remembered: $(json_rows)"
expect 0 use "$DOCS"                       # deviceless: never remembered, and no error
json_rows | grep -q '^ok  \\\\files\\docs local disk  false$' || fail "deviceless: $(json_rows)"

expect 0 use /PERSISTENT:NO
out_has 'New connections will not be remembered.'
expect 0 use V: "$PUBLIC"
json_rows | grep -q '^ok V: .* false$' || fail "V: remembered after /persistent:no: $(json_rows)"
expect 0 use -p                            # --persistent alone is the same as /persistent:yes
out_has 'New connections will be remembered.'

# A broken settings file: the list still lists (and says so); a connection is refused,
# naming the file and line; setting the default again repairs it.
echo 'persistent = maybe' > "$SETTINGS"
expect 0 list
err_has "$SETTINGS:1:"
out_has 'New connections will not be remembered.'
expect_wn WN_BAD_PROFILE 1206 use U: "$PUBLIC"
err_has "$SETTINGS:1:"
err_has "the configuration file is not valid"   # npnet's own file, named in the hint too
err_has "hint: fix $SETTINGS"
json_rows | grep -q ' U: ' && fail "U: connected with a broken settings file: $(json_rows)"
expect 0 use /persistent:yes
expect 0 use U: "$PUBLIC"
json_rows | grep -q '^ok U: .* true$' || fail "U: not remembered: $(json_rows)"
usage_error() { expect 2 "$@"; }
usage_error use --user bob /persistent:yes   # a user without a connection

# A drive remembered for another share is not quietly moved (net use: 1202): the
# remembered entry and the connection stay as they were.
expect 0 use T: "$DOCS" --persistent
[ "$("$3" cancel T: 1)" = 0 ] || fail "np_client cancel T: 1"  # T: unavailable, still remembered
expect_wn WN_DEVICE_ALREADY_REMEMBERED 1202 use T: "$PUBLIC"
err_has "T: is remembered for $DOCS"
expect 0 list --remembered
out_has "$DOCS"
expect 0 use T: "$DOCS"                            # the share it is remembered for: fine
finish
