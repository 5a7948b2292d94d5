# --version and --help for npnet and every command, each with examples.
source "$(dirname "$0")/cli_lib.sh"

expect 0 --version
grep -qE '^npnet [0-9]+\.[0-9]+\.[0-9]+$' <<<"$OUT" || fail "version: $OUT"
expect 0 --help
for c in use list restore providers; do out_has "$c"; done
for c in use list restore providers; do
  expect 0 "$c" --help
  out_has 'Example'
  out_has "npnet $c"
done
expect 0 use --help
out_has '/persistent:yes'
out_has '--password-stdin'
expect 0 list --help
out_has 'npemu.list/1'
finish
