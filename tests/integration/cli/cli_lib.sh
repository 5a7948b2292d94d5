# Shared by the cli_*.sh tests: a throw-away NPEMU_HOME (0700) with the local
# share \\files\public (and \\files\docs, printer \\files\laser), and checks.
set -uo pipefail
NPNET=$1
HOLDER=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NPEMU_HOME=$WORK/home
mkdir -m 700 "$NPEMU_HOME"
mkdir -p "$WORK/public" "$WORK/docs" "$WORK/spool"
echo "hello" > "$WORK/public/a.txt"
cat > "$NPEMU_HOME/npemu.toml" <<TOML
providers = ["local"]
[local.shares."\\\\\\\\files\\\\public"]
path = "$WORK/public"
[local.shares."\\\\\\\\files\\\\docs"]
path = "$WORK/docs"
[local.printers."\\\\\\\\files\\\\laser"]
spool = "$WORK/spool"
TOML
PUBLIC='\\files\public'
DOCS='\\files\docs'
FAILS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

# run ARGS...: runs npnet; sets OUT, ERR, RC. stdin is /dev/null unless IN is set.
run() {
  if [ -n "${IN+x}" ]; then
    "$NPNET" "$@" >"$WORK/out" 2>"$WORK/err" <<<"$IN"
  else
    "$NPNET" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
  fi
  RC=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
}

# expect CODE ARGS...: npnet exits with CODE.
expect() {
  local want=$1
  shift
  run "$@"
  [ "$RC" = "$want" ] || fail "npnet $* exited $RC, not $want (stdout: $OUT) (stderr: $ERR)"
}

out_has() { grep -qF -- "$1" <<<"$OUT" || fail "stdout lacks '$1': $OUT"; }
out_lacks() { ! grep -qF -- "$1" <<<"$OUT" || fail "stdout has '$1': $OUT"; }
err_has() { grep -qF -- "$1" <<<"$ERR" || fail "stderr lacks '$1': $ERR"; }
err_lines() { [ "$(wc -l <<<"$ERR")" = "$1" ] || fail "stderr is not $1 line(s): $ERR"; }

# The one failure line: "npnet: WN_NAME (NUMBER): meaning...", and nothing else.
expect_wn() {
  local name=$1 number=$2
  shift 2
  expect 1 "$@"
  err_lines 1
  grep -q "^npnet: $name ($number): " <<<"$ERR" || fail "npnet $* did not print '$name ($number)': $ERR"
}

# json ARGS...: the JSON list, field per connection, as "status local remote provider type user remembered".
json_rows() {
  "$NPNET" list --json "$@" </dev/null | jq -r '.connections[] | [.status, .local, .remote, .provider, .type, .user, (.remembered|tostring)] | join(" ")'
}

finish() {
  if [ "$FAILS" != 0 ]; then
    echo "$FAILS check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
