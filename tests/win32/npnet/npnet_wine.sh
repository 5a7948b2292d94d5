#!/usr/bin/env bash
# npnet.exe under Wine as a person runs it: one Wine process per command, a throw-away
# NPEMU_HOME with the local share \\files\public, a real drive letter in the prefix,
# and `npnet provider install|uninstall` in the prefix's registry (twice each).
#   npnet_wine.sh NPNET_EXE NPEMU_NP_DLL WINEPREFIX EMULATOR...
set -uo pipefail
NPNET=$1
NP_DLL=$2
PREFIX=$3
shift 3
EMULATOR=("$@")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/public/docs"
echo "hello from the share" > "$WORK/public/docs/readme.txt"
# Z: is the Unix root in every Wine prefix.
cat > "$WORK/home/npemu.toml" <<TOML
[local.shares.'\\\\files\\public']
path = 'Z:$WORK/public'
TOML
export NPEMU_HOME="Z:$WORK/home"
PUBLIC='\\files\public'
FAILS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

# run ARGS...: npnet.exe under Wine; sets OUT, ERR (without the \r of Windows' text
# mode) and RC. stdin is /dev/null unless IN is set.
run() {
  if [ -n "${IN+x}" ]; then
    "${EMULATOR[@]}" "$NPNET" "$@" >"$WORK/out" 2>"$WORK/err" <<<"$IN"
  else
    "${EMULATOR[@]}" "$NPNET" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
  fi
  RC=$?
  OUT=$(tr -d '\r' <"$WORK/out")
  ERR=$(tr -d '\r' <"$WORK/err")
}
expect() {
  local want=$1
  shift
  run "$@"
  [ "$RC" = "$want" ] || fail "npnet $* exited $RC, not $want (stdout: $OUT) (stderr: $ERR)"
}
out_has() { grep -qF -- "$1" <<<"$OUT" || fail "stdout lacks '$1': $OUT"; }
out_lacks() { ! grep -qF -- "$1" <<<"$OUT" || fail "stdout has '$1': $OUT"; }
err_has() { grep -qF -- "$1" <<<"$ERR" || fail "stderr lacks '$1': $ERR"; }

# A drive letter that neither Wine (c:, z:, ...) nor another test uses.
DRIVE=
for l in x w v u t s r q p; do
  [ -e "$PREFIX/dosdevices/$l:" ] || { DRIVE=${l^^}:; break; }
done
[ -n "$DRIVE" ] || { echo "no free drive letter in $PREFIX/dosdevices"; exit 1; }
letter=${DRIVE:0:1}
link="$PREFIX/dosdevices/${letter,,}:"

expect 0 --version
out_has "npnet "
expect 0 providers
out_has "1. local"

# use, list, and the drive every program sees.
expect 0 use "$DRIVE" "$PUBLIC" /persistent:yes
out_has "$DRIVE is now connected to $PUBLIC."
[ "$(readlink "$link")" = "$WORK/public" ] || fail "$link is not a link to the share: $(readlink "$link")"
[ "$(cat "$link/docs/readme.txt" 2>&1)" = "hello from the share" ] || fail "the file does not read through $link"
expect 0 list
grep -qE "^OK +$DRIVE +\\\\\\\\files\\\\public +local\$" <<<"$OUT" || fail "list lacks the OK row for $DRIVE: $OUT"
expect 0 list --json
out_has "{\"status\":\"ok\",\"local\":\"$DRIVE\",\"remote\":\"\\\\\\\\files\\\\public\",\"provider\":\"local\",\"type\":\"disk\",\"user\":\"\",\"remembered\":true}"
expect 1 use "$DRIVE" "$PUBLIC"
err_has "WN_ALREADY_CONNECTED (85)"

# --password-stdin through a Windows pipe: read, and never echoed.
IN=not-a-secret-pw expect 0 use "$PUBLIC" --user bob --password-stdin
unset IN
out_has "$PUBLIC is now connected."
out_lacks "not-a-secret-pw"
expect 0 use "$PUBLIC" --delete
expect 2 use "$PUBLIC" --user bob --password-stdin  # stdin is /dev/null
err_has "--password-stdin: stdin is empty"

# delete, twice.
expect 0 use "$DRIVE" /delete /y
out_has "$DRIVE was deleted successfully."
[ -e "$link" ] && fail "$link is still there after the delete"
expect 1 use "$DRIVE" --delete
err_has "WN_NOT_CONNECTED (2250)"
expect 0 list
out_has "There are no entries in the list."

# provider install / uninstall, each twice: the second says so and succeeds.
WIN_DLL="Z:$NP_DLL"
expect 0 provider install "$WIN_DLL"
out_has "installed npemu ("
out_has "npemu_np.dll"
expect 0 provider install "$WIN_DLL"
out_has "npemu is already installed"
"${EMULATOR[@]}" reg query 'HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order' /v ProviderOrder \
  >"$WORK/reg" 2>&1
grep -qiE "ProviderOrder.*npemu" "$WORK/reg" || fail "ProviderOrder lacks npemu: $(cat "$WORK/reg")"
expect 0 provider uninstall
out_has "uninstalled npemu"
expect 0 provider uninstall
out_has "npemu is not installed"
"${EMULATOR[@]}" reg query 'HKLM\SYSTEM\CurrentControlSet\Services\npemu\NetworkProvider' >"$WORK/reg" 2>&1 &&
  fail "the NetworkProvider key is still there: $(cat "$WORK/reg")"

# Bad input: a clear error, nothing registered.
expect 1 provider install 'C:\no\such\npemu_np.dll'
err_has "no provider DLL at C:\\no\\such\\npemu_np.dll"
"${EMULATOR[@]}" reg query 'HKLM\SYSTEM\CurrentControlSet\Services\npemu\NetworkProvider' >"$WORK/reg" 2>&1 &&
  fail "a failed install left the NetworkProvider key: $(cat "$WORK/reg")"
expect 2 provider
err_has "A subcommand is required"
expect 2 provider install a b

if [ "$FAILS" -ne 0 ]; then
  echo "$FAILS check(s) failed"
  exit 1
fi
echo "all ok"
