# Passwords: only --password-stdin or an echo-off prompt; never an argument, and
# never in the store, the environment or argv of npnet.
source "$(dirname "$0")/cli_lib.sh"
SECRET="s3cret-$$-pw"

# An argument that looks like a password is a usage error, and nothing connects.
expect 2 use Z: "$PUBLIC" "$SECRET"
err_has 'a password is never an argument'
expect 2 use Z: "$PUBLIC" --password "$SECRET"
expect 2 use Z: "$PUBLIC" "/password:$SECRET"
[ -z "$(json_rows)" ] || fail "connected anyway: $(json_rows)"

# --password-stdin: one line read, the rest of stdin left alone.
IN="$SECRET" expect 0 use Z: "$PUBLIC" --user alice --password-stdin
unset IN
json_rows | grep -q '^ok Z: .* alice false$' || fail "Z: not connected with alice: $(json_rows)"
IN="$SECRET" expect 0 use Y: "$PUBLIC" --user bob --password-stdin --persistent
unset IN
# --password-stdin with an empty stdin is a usage error.
expect 2 use X: "$PUBLIC" --password-stdin
err_has 'stdin is empty'

# The store (database, WAL, generation file, drive links) never holds it.
if grep -rqaF -- "$SECRET" "$NPEMU_HOME"; then fail "the password is in $NPEMU_HOME"; fi
# npnet waiting on stdin: its argv and environment do not hold the password.
mkfifo "$WORK/pw"
"$NPNET" use W: "$PUBLIC" --password-stdin <"$WORK/pw" >/dev/null 2>&1 &
pid=$!
exec {pw}>"$WORK/pw"
sleep 0.2 || true  # not a timing check: the reads below work at any moment
tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qF -- "$SECRET" && fail "password in argv"
tr '\0' '\n' <"/proc/$pid/environ" | grep -qF -- "$SECRET" && fail "password in the environment"
echo "$SECRET" >&"$pw"
exec {pw}>&-
wait "$pid" || fail "npnet use W: with the fifo failed"
tr '\0' '\n' </proc/self/environ | grep -qF -- "$SECRET" && fail "password leaked into this environment"
if grep -rqaF -- "$SECRET" "$NPEMU_HOME"; then fail "the password is in $NPEMU_HOME"; fi
finish
