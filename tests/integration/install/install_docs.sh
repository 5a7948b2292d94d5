#!/bin/bash
# What a person gets beside the programs, from `cmake --install` into a throw-away
# prefix: the licence, the manual pages read with `man` itself, `--help` pointing
# to them, and npnet's bash completion run through `bash -c`.
set -euo pipefail
build=$1 cmake=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

echo "== LICENSE"
grep -q '^MIT License$' "$prefix/share/doc/npemu/LICENSE"
grep -q '^Copyright (c) 2026 the npemu authors$' "$prefix/share/doc/npemu/LICENSE"
for p in libnpemu0 libnpemu-dev npnet; do cmp "$prefix/share/doc/npemu/LICENSE" "$prefix/share/doc/$p/copyright"; done
test -f "$prefix/lib/systemd/user/npnet-restore.service"

echo "== man"
export MANPATH=$prefix/share/man MANPAGER=cat PAGER=cat MANWIDTH=100
man npnet >"$work/npnet.txt" 2>"$work/man.err"
grep -q 'npnet - connect and disconnect network shares through npemu' "$work/npnet.txt"
grep -q "npnet use Z: '\\\\\\\\files\\\\public'" "$work/npnet.txt"  # backslashes survive scdoc and groff
grep -q 'WN_OPEN_FILES' "$work/npnet.txt"
man 5 npemu.toml >"$work/toml.txt" 2>>"$work/man.err"
grep -q 'npemu.toml - the configuration of npemu' "$work/toml.txt"
grep -q "\[local.shares.'\\\\\\\\files\\\\public'\]" "$work/toml.txt"
grep -q 'busy_timeout_ms' "$work/toml.txt"
if grep -q '[^[:space:]]' "$work/man.err"; then cat "$work/man.err"; exit 1; fi

echo "== --help names the pages"
for c in "" use list providers; do
  # shellcheck disable=SC2086 # "" is npnet's own help
  help=$("$prefix/bin/npnet" $c --help)
  grep -q 'npnet(1)' <<<"$help"
done
help=$("$prefix/bin/npnet" --help)
grep -q 'npemu.toml(5)' <<<"$help"

echo "== bash completion"
export NPEMU_HOME=$work/home PATH=$prefix/bin:$PATH
mkdir -m 700 "$NPEMU_HOME" "$work/share"
cat >"$NPEMU_HOME/npemu.toml" <<TOML
[local.shares.'\\\\files\\public']
path = "$work/share"
[local.printers."\\\\\\\\files\\\\laser"]
spool = "$work/share"
TOML
npnet use Z: '\\files\public' >/dev/null
# complete WORD...: the candidates for the last word, one a line, from the installed script.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _npnet; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/npnet" "$@"
}
registered=$(bash -c 'source "$1"; complete -p npnet' _ "$prefix/share/bash-completion/completions/npnet")
grep -q '_npnet npnet$' <<<"$registered"
test "$(complete_words npnet us)" = use
# (captured first: grep -q in a pipe may end before the writer, a SIGPIPE under pipefail)
offers() { local got; got=$(complete_words "${@:2}"); grep -qx -- "$1" <<<"$got"; }
offers providers npnet ''
offers --persistent npnet use --p
offers /persistent:yes npnet use /p
# Devices: Z: is taken, Y: is free; the configured shares, quoted for the shell.
offers Y: npnet use ''
if offers Z: npnet use ''; then echo "Z: is offered though it is taken"; exit 1; fi
test "$(complete_words npnet use Y: '')" = "$(printf '%s\n' '\\\\files\\public' '\\\\files\\laser')"
# --delete offers what is connected.
offers Z: npnet use --delete ''
test "$(complete_words npnet help li)" = list
npnet use '*' --delete >/dev/null
echo "installed docs and completion work"
