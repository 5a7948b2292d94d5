# npnet list: a table like net use (Status, Local, Remote, Provider), the
# remembered profile, and `npnet use` alone listing too.
source "$(dirname "$0")/cli_lib.sh"

expect 0 list
out_has 'There are no entries in the list.'
expect 0 list --remembered
out_has 'There are no remembered connections.'

expect 0 use Z: "$PUBLIC" --persistent
expect 0 use "$DOCS"
expect 0 list
head -1 <<<"$OUT" | grep -qx 'New connections will not be remembered.' || fail "no default line: $OUT"
sed -n 3p <<<"$OUT" | grep -qE '^Status +Local +Remote +Provider$' || fail "no table header: $OUT"
grep -qE '^OK +Z: +\\\\files\\public +local$' <<<"$OUT" || fail "no Z: row: $OUT"
grep -qE '^OK +\\\\files\\docs +local$' <<<"$OUT" || fail "no deviceless row: $OUT"
expect 0 use
grep -qE '^OK +Z: ' <<<"$OUT" || fail "npnet use alone does not list: $OUT"

# A drive whose link was removed by hand: Disconnected; remembered and not
# connected: Unavailable in the profile.
expect 0 use Z: --delete
expect 0 use Y: "$DOCS" /persistent:yes
ls "$NPEMU_HOME/drives" | grep -q '^Y' || fail "no drive link for Y: in $NPEMU_HOME/drives"
rm -f "$NPEMU_HOME"/drives/Y*
expect 0 list
grep -qE '^Disconnected +Y: +\\\\files\\docs +local$' <<<"$OUT" || fail "Y: not Disconnected: $OUT"
expect 0 list --remembered
grep -qE '^Unavailable +Y: +\\\\files\\docs +local$' <<<"$OUT" || fail "Y: not Unavailable: $OUT"
out_lacks 'Z:'

# The same share connected twice without a device: one row with their number; a
# connection with another user is a row of its own that names the user.
expect 0 use '*' --delete
expect 0 use "$PUBLIC"
expect 0 use "$PUBLIC"
expect 0 use "$PUBLIC" --user alice
expect 0 list
[ "$(grep -c 'files\\public' <<<"$OUT")" = 2 ] || fail "not two rows for \\files\\public: $OUT"
grep -qE '^OK +\\\\files\\public +local +2 connections$' <<<"$OUT" || fail "no counted row: $OUT"
grep -qE '^OK +\\\\files\\public +local +user alice$' <<<"$OUT" || fail "no row for alice: $OUT"
[ "$(json_rows | wc -l)" = 3 ] || fail "the JSON keeps one entry per connection: $(json_rows)"
finish
