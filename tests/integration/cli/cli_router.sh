# Which "not mine" an add reports when no provider takes the name: the answer of
# the provider that knows the server, else one sentence naming what each serves;
# and a missing npemu.toml is said, not taken for an empty one.
source "$(dirname "$0")/cli_lib.sh"

# The default provider order (local, mount, smb): no `providers` line.
cat > "$NPEMU_HOME/npemu.toml" <<TOML
[local.shares."\\\\\\\\files\\\\public"]
path = "$WORK/public"
[local.shares."\\\\\\\\files\\\\gone"]
path = "$WORK/gone"
[local.printers."\\\\\\\\files\\\\laser"]
spool = "$WORK/spool"
[servers.backup]
address = "127.0.0.1"
TOML

# A typo in a local share, with and without a drive: local knows \\files.
for args in "Z: \\\\files\\publik" "\\\\files\\publik"; do
  # shellcheck disable=SC2086 # two words on purpose
  expect_wn WN_BAD_NETNAME 67 use $args
  err_has '\\files has no share publik; its shares: \\files\gone, \\files\public, \\files\laser (printer)'
  grep -qE 'smb provider|mount provider|not a server' <<<"$ERR" && fail "another provider's answer: $ERR"
done

# A declared share whose directory is missing: local's own answer.
expect_wn WN_BAD_NETNAME 67 use Z: '\\files\gone'
err_has "the directory $WORK/gone of \\\\files\\gone is missing"

# A server nobody knows: what each provider serves, in one sentence.
expect_wn WN_BAD_NETNAME 67 use Z: '\\nosuch\share'
err_has 'no provider knows the server nosuch: local serves \\files\gone, \\files\public, \\files\laser (printer); mount serves no share of its own and drives on the servers backup; smb serves the servers backup'
[ -z "$(json_rows)" ] || fail "a refused add changed something: $(json_rows)"

# No npemu.toml: list says so and still lists; an add names the missing file.
rm "$NPEMU_HOME/npemu.toml"
expect 0 list
err_has "npnet: no configuration: $NPEMU_HOME/npemu.toml does not exist"
out_has 'There are no entries in the list.'
expect 0
err_has "no configuration: $NPEMU_HOME/npemu.toml does not exist"
expect_wn WN_BAD_NETNAME 67 use Z: "$PUBLIC"
err_has "no configuration: $NPEMU_HOME/npemu.toml does not exist, so no provider serves \\\\files\\public"
grep -q 'is not a local share' <<<"$ERR" && fail "the old wording: $ERR"
finish
