#!/usr/bin/env bash
# npnet.exe's password prompt under Wine on a terminal (a pty from script(1), which Wine
# turns into a console): the prompt shows, what is typed is not echoed
# (SetConsoleMode without ENABLE_ECHO_INPUT), and the connection is made.
#   npnet_wine_prompt.sh NPNET_EXE EMULATOR...
set -uo pipefail
NPNET=$1
shift
command -v script >/dev/null || { echo "SKIP: script(1) not installed"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/public"
cat > "$WORK/home/npemu.toml" <<TOML
[local.shares.'\\\\files\\public']
path = 'Z:$WORK/public'
TOML
export NPEMU_HOME="Z:$WORK/home"
SECRET="typed-$$-pw"
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
# Without the console's escapes (it moves the cursor one right, ESC[1C, for a blank).
plain() { sed -e 's/\x1b\[1C/ /g' -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' | tr -d '\r'; }

# The emulator's words, quoted for script(1)'s shell.
cmd=""
for w in "$@" "$NPNET" use '\\files\public' --user bob; do cmd+=" $(printf '%q' "$w")"; done
coproc TERM_S { exec script -qefc "$cmd" /dev/null; }
# A prompt that never returns must not outlive the test: closing the pty hangs it up.
term_pid=$TERM_S_PID
trap 'kill "$term_pid" 2>/dev/null; rm -rf "$WORK"' EXIT
# Our own copies: bash closes the coproc's descriptors as soon as it exits.
exec {from_term}<&"${TERM_S[0]}" {to_term}>&"${TERM_S[1]}"
IFS= read -r -t 60 -d ':' prompt <&"$from_term" || fail "no prompt"
prompt=$(plain <<<"$prompt")
grep -qF 'Password for bob@\\files\public' <<<"$prompt" || fail "prompt: $prompt"
printf '%s\r' "$SECRET" >&"$to_term"  # Enter, as the console reads the raw terminal
rest=$(timeout 60 cat <&"$from_term" | plain)
grep -qF '\\files\public is now connected.' <<<"$rest" || fail "not connected: $rest"
grep -qF -- "$SECRET" <<<"$prompt$rest" && fail "the password was echoed: $rest"
if grep -rqaF -- "$SECRET" "$WORK/home"; then fail "the password is in NPEMU_HOME"; fi
"$@" "$NPNET" use '\\files\public' --delete </dev/null >"$WORK/out" 2>&1 ||
  fail "delete: $(cat "$WORK/out")"

if [ "$FAILS" -ne 0 ]; then
  echo "$FAILS check(s) failed"
  exit 1
fi
echo "all ok"
