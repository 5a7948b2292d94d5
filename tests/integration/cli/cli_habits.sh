# `net use` habits: npnet alone lists, `use Z:` shows Z:, `use * /delete` clears
# everything, /delete forgets an Unavailable drive, commands in any case, /? and
# `help use`, a mistyped command named, help examples quoted for this shell, a
# shell-expanded * said so, -p without a device refused.
source "$(dirname "$0")/cli_lib.sh"
NP_CLIENT=$3

# npnet alone: the list, as net use.
expect 0 use Z: "$PUBLIC" --persistent --user alice
expect 0
sed -n 3p <<<"$OUT" | grep -qE '^Status +Local +Remote +Provider$' || fail "npnet alone does not list: $OUT"
grep -qE '^OK +Z: +\\\\files\\public +local$' <<<"$OUT" || fail "no Z: row: $OUT"

# npnet use Z: shows the connection.
expect 0 use z:
grep -qE '^Local name +Z:$' <<<"$OUT" || fail "no local name: $OUT"
grep -qE '^Remote name +\\\\files\\public$' <<<"$OUT" || fail "no remote name: $OUT"
grep -qE '^Provider +local$' <<<"$OUT" || fail "no provider: $OUT"
grep -qE '^Status +OK$' <<<"$OUT" || fail "no status: $OUT"
grep -qE '^Remembered +Yes' <<<"$OUT" || fail "not remembered: $OUT"
grep -qE '^User name +alice$' <<<"$OUT" || fail "no user: $OUT"
expect_wn WN_NOT_CONNECTED 2250 use Y:
err_has 'Y: is neither connected nor remembered'

# Commands and options in any case; /? and help COMMAND give the help.
expect 0 USE Y: "$DOCS"
out_has 'Y: is now connected to \\files\docs.'
expect 0 LIST
grep -qE '^OK +Y: ' <<<"$OUT" || fail "LIST: $OUT"
expect 0 use /?
out_has 'Usage: npnet use'
expect 0 help use
out_has 'Usage: npnet use'
expect 0 HELP
out_has 'Usage: npnet'
expect 2 lsit
err_has "unknown command 'lsit'; did you mean 'list'?"
err_lines 2
expect 2 help lsit
err_has "did you mean 'list'?"

# --help examples run as printed in a POSIX shell: the remote names are quoted.
expect 0 use --help
out_has "npnet use Z: '\\\\files\\public'"
out_has "npnet use '*' '\\\\files\\public'"
grep -E '^ +npnet use .*\\\\' <<<"$OUT" | grep -vqF "'\\\\" && fail "an unquoted remote in the help: $OUT"

# A * the shell expanded into the names of files here, and -p without a device.
cd "$WORK/public" || exit 1   # holds a.txt
expect 2 use * "$DOCS"
err_has 'the shell replaced * by the names of the files here'
expect 2 use * --delete
err_has 'the shell replaced * by the names of the files here'
cd - >/dev/null || exit 1
expect 2 use "$DOCS" -p
err_has '--persistent remembers a device'
[ "$(json_rows | wc -l)" = 2 ] || fail "a refused command connected something: $(json_rows)"

# Z: remembered but no longer connected (cancelled without touching the profile):
# Unavailable; /delete forgets it, as net use does.
[ "$("$NP_CLIENT" cancel Z: 0)" = 0 ] || fail "np_client cancel Z: 0"
expect 0 list
grep -qE '^Unavailable +Z: +\\\\files\\public' <<<"$OUT" || fail "Z: not Unavailable: $OUT"
expect 0 use Z: /delete
out_has 'Z: was deleted successfully.'
json_rows | grep -q 'Z:' && fail "Z: still remembered: $(json_rows)"

# npnet use * /delete: every connection goes and the remembered are forgotten;
# one held by a process is refused without /y, the rest go; /y drops it.
expect 0 use X: "$PUBLIC" --persistent
expect 0 use "$DOCS"
[ "$("$NP_CLIENT" cancel X: 0)" = 0 ] || fail "np_client cancel X: 0"
expect 0 use W: "$DOCS" --persistent
coproc HOLD { exec "$HOLDER" cwd "$WORK/docs"; }
holder_pid=$HOLD_PID   # bash unsets HOLD_PID once the coprocess ends
read -r ready <&"${HOLD[0]}"
[ "$ready" = ready ] || fail "holder not ready"
expect 1 use '*' /delete
err_has 'WN_OPEN_FILES (2401)'
out_has 'X: was deleted successfully.'
[ -n "$(json_rows)" ] || fail "a held connection went without /y"
expect 0 use '*' /delete /y
[ -z "$(json_rows)" ] || fail "connections or remembered devices left: $(json_rows)"
exec {HOLD[1]}>&-
wait "$holder_pid" 2>/dev/null
expect 0 use '*' /delete
out_has 'There are no entries in the list.'
finish
