# npnet restore: reconnects the remembered devices that are not connected.
source "$(dirname "$0")/cli_lib.sh"

expect 0 restore
out_has 'Nothing to restore'
expect 0 use Z: "$PUBLIC" /persistent:yes
expect 0 use Y: "$DOCS" --persistent
expect 0 use X: "$DOCS"                 # not remembered: restore leaves it alone
rm -f "$NPEMU_HOME"/drives/Z* "$NPEMU_HOME"/drives/Y* "$NPEMU_HOME"/drives/X*
expect 0 restore
out_has 'Z: is now connected to \\files\public.'
out_has 'Y: is now connected to \\files\docs.'
out_lacks 'X:'
json_rows | grep -q '^ok Z: .* true$' || fail "Z: not back: $(json_rows)"
json_rows | grep -q '^ok Y: .* true$' || fail "Y: not back: $(json_rows)"
json_rows | grep -q '^disconnected X: ' || fail "X: was touched: $(json_rows)"
[ -f "$NPEMU_HOME/drives/Z:/a.txt" ] || [ -n "$(ls "$NPEMU_HOME"/drives/Z*/a.txt 2>/dev/null)" ] ||
  fail "the restored Z: does not lead to the share"

# A remembered share that is no longer served: one WN_* line per failure, exit 1.
expect 0 use W: "$DOCS" --persistent
rm -f "$NPEMU_HOME"/drives/W*
sed -i 's/docs"\]/gone"]/' "$NPEMU_HOME/npemu.toml"
expect_wn WN_BAD_NETNAME 67 restore
err_has 'files\docs'
finish
