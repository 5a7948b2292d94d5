# Every line a person reads speaks of drives, shares and files: no API parameter
# names, no parser wording, the real path of npemu.toml, a TOML typo called so.
source "$(dirname "$0")/cli_lib.sh"

no_api_words() { grep -qE 'lp[A-Z][a-zA-Z]*|dwType|NETRESOURCE' <<<"$ERR" && fail "API words: $ERR"; }

expect_wn WN_BAD_LOCALNAME 1200 use Q1: "$PUBLIC"
err_has "'Q1:' is not a drive (A: to Z:) or a printer port (LPT1: to LPT9:)"
no_api_words
expect_wn WN_BAD_LOCALNAME 1200 use Q1: --delete
err_has "'Q1:' is not a"
no_api_words
expect_wn WN_BAD_NETNAME 67 use Z: '\\files\a*b'
err_has "'\\\\files\\a*b' is not a valid \\\\server\\share name"
no_api_words

# Unquoted in a shell, \\files\public arrives as \filespublic.
expect 2 use Z: '\filespublic'
err_has "'\\filespublic' is not a remote name: the shell took its backslashes; quote it"

# A TOML typo: the configuration file, by its path and line; the hint names the real path.
echo 'providers = [' >> "$NPEMU_HOME/npemu.toml"
expect_wn WN_BAD_PROFILE 1206 list
err_has "WN_BAD_PROFILE (1206): the configuration file is not valid: $NPEMU_HOME/npemu.toml:"
err_has "hint: fix $NPEMU_HOME/npemu.toml"
grep -qF '$NPEMU_HOME' <<<"$ERR" && fail "a literal \$NPEMU_HOME: $ERR"
grep -q 'state store' <<<"$ERR" && fail "a TOML typo called a state store problem: $ERR"
finish
