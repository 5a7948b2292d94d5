# Usage errors: one line saying what is wrong and one naming the help, on
# stderr, exit 2, nothing changed.
source "$(dirname "$0")/cli_lib.sh"

usage_error() {
  expect 2 "$@"
  err_lines 2
  head -1 <<<"$ERR" | grep -q '^npnet: ' || fail "npnet $*: no error line: $ERR"
  tail -1 <<<"$ERR" | grep -qE '^see: npnet ([a-z]+ )?--help$' || fail "npnet $*: no 'see: npnet ... --help': $ERR"
  [ -z "$OUT" ] || fail "npnet $*: printed on stdout: $OUT"
}

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
usage_error use Z: --persistent               # no remote to remember
usage_error use Z: notaremote
usage_error use Z: "$PUBLIC" --user           # the usage names the command's help
tail -1 <<<"$ERR" | grep -qx 'see: npnet use --help' || fail "not the help of use: $ERR"
err_has '--user needs a value: --user NAME'
grep -q 'required TEXT missing' <<<"$ERR" && fail "CLI11's wording: $ERR"
usage_error list extra
err_has "unexpected 'extra': npnet list takes no names"
grep -q 'not expected' <<<"$ERR" && fail "CLI11's wording: $ERR"
usage_error use Z: "$PUBLIC" --password=hunter2   # an unknown option; what follows = is never echoed
err_has "unknown option '--password'"
grep -q hunter2 <<<"$ERR" && fail "the value after = was echoed: $ERR"
usage_error list --bogus
usage_error list extra
usage_error restore extra
usage_error providers extra
[ -z "$(json_rows)" ] || fail "a usage error changed something: $(json_rows)"
finish
