# npnet use --delete and /delete: refused while a real process holds a file,
# naming it and --force; --force and /y drop it; a refusal changes nothing.
source "$(dirname "$0")/cli_lib.sh"

expect 0 use Z: "$PUBLIC" --persistent
coproc HOLD { exec "$HOLDER" open "$WORK/public/a.txt"; }
holder_pid=$HOLD_PID
read -r ready <&"${HOLD[0]}"
[ "$ready" = ready ] || fail "holder not ready"

expect_wn WN_OPEN_FILES 2401 use Z: --delete
err_has "pid $holder_pid (npemu_holder) holds $WORK/public/a.txt"
err_has 'hint: close them, or drop them with: npnet use Z: --delete --force'
expect_wn WN_OPEN_FILES 2401 use Z: /delete      # the net use spelling, refused the same way
expect_wn WN_OPEN_FILES 2401 use z: /D /N         # /n: answer no
[ "$(json_rows)" = 'ok Z: \\files\public local disk  true' ] || fail "a refused delete changed the list: $(json_rows)"

expect 0 use Z: /delete /y
out_has 'Z: was deleted successfully.'
[ -z "$(json_rows)" ] || fail "Z: still listed (or still remembered): $(json_rows)"
exec {HOLD[1]}>&-
wait "$holder_pid" 2>/dev/null

# --force on a connection nobody holds, and a deviceless one by its remote name.
expect 0 use Y: "$PUBLIC"
expect 0 use Y: --delete --force
expect 0 use "$DOCS"
coproc HOLD2 { exec "$HOLDER" cwd "$WORK/docs"; }
holder2_pid=$HOLD2_PID
read -r ready <&"${HOLD2[0]}"
expect_wn WN_OPEN_FILES 2401 use "$DOCS" --delete
err_has "has its cwd in $WORK/docs"
err_has "npnet use '$DOCS' --delete --force"   # quoted: the hint can be pasted into a shell
expect 0 use '//files/docs' -d -f
out_has '//files/docs was deleted successfully.'
exec {HOLD2[1]}>&-
wait "$holder2_pid" 2>/dev/null
[ -z "$(json_rows)" ] || fail "connections left: $(json_rows)"
finish
