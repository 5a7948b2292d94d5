# The password prompt: on a terminal (a pty from script(1)), echo off, the
# typed password never shown and never stored.
source "$(dirname "$0")/cli_lib.sh"
command -v script >/dev/null || { echo "SKIP: script(1) not installed"; exit 77; }
SECRET="typed-$$-pw"

coproc TERM_S { exec script -qefc "'$NPNET' use Z: //files/public --user alice" /dev/null; }
IFS= read -r -d ':' prompt <&"${TERM_S[0]}" || fail "no prompt"
grep -qF 'Password for alice@//files/public' <<<"$prompt" || fail "prompt: $prompt"
IFS= read -r -d ' ' _ <&"${TERM_S[0]}"   # the blank after "...:"
echo "$SECRET" >&"${TERM_S[1]}"
rest=$(cat <&"${TERM_S[0]}")
grep -qF 'Z: is now connected to //files/public.' <<<"$rest" || fail "not connected: $rest"
grep -qF -- "$SECRET" <<<"$prompt$rest" && fail "the password was echoed: $rest"
json_rows | grep -q '^ok Z: .* alice false$' || fail "Z: not connected: $(json_rows)"
if grep -rqaF -- "$SECRET" "$NPEMU_HOME"; then fail "the password is in $NPEMU_HOME"; fi
finish
