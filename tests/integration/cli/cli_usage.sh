# Usage errors: the usage on stderr, exit 2, nothing changed.
source "$(dirname "$0")/cli_lib.sh"

usage_error() {
  expect 2 "$@"
  grep -q '^npnet: ' <<<"$ERR" || fail "npnet $*: no error line: $ERR"
  grep -q 'Usage:' <<<"$ERR" || fail "npnet $*: no usage: $ERR"
  [ -z "$OUT" ] || fail "npnet $*: printed on stdout: $OUT"
}

usage_error                                   # no command
usage_error frobnicate
usage_error use Z: "$PUBLIC" --bogus
usage_error use Z: "$PUBLIC" /bogus
usage_error use Z: "$PUBLIC" /persistent:maybe
usage_error use Z: "$PUBLIC" /user:           # /user: needs a name
usage_error use Z: "$PUBLIC" --user           # --user needs a name
usage_error use Z: "$PUBLIC" --force          # --force only with --delete
usage_error use Z: "$DOCS" --delete           # --delete takes one name
usage_error use --delete
usage_error use Z: --delete --persistent
usage_error use Z:                            # no remote
usage_error use Z: notaremote
usage_error list --bogus
usage_error list extra
usage_error restore extra
usage_error providers extra
[ -z "$(json_rows)" ] || fail "a usage error changed something: $(json_rows)"
finish
