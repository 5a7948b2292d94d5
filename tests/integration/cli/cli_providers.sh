# npnet providers: the configured providers in their order.
source "$(dirname "$0")/cli_lib.sh"

expect 0 providers
[ "$OUT" = '1. local' ] || fail "providers: $OUT"
# No npemu.toml: the local provider alone.
rm "$NPEMU_HOME/npemu.toml"
expect 0 providers
[ "$OUT" = '1. local' ] || fail "default providers: $OUT"
finish
