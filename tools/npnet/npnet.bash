# bash completion for npnet(1): its commands and options, the `net use` slash
# spellings, devices (free drives and LPT ports to connect; the connected and
# remembered ones to --delete or show) and the shares declared in npemu.toml.
# Installed as share/bash-completion/completions/npnet, which bash-completion loads
# when npnet is first completed; `source` it by hand without bash-completion.
# It needs none of bash-completion's helpers.

# $NPEMU_HOME/npemu.toml, with npemu's default for NPEMU_HOME (npemu.toml(5)).
_npnet_config_file() {
  local home=${NPEMU_HOME:-${XDG_STATE_HOME:-$HOME/.local/state}/npemu}
  printf '%s\n' "$home/npemu.toml"
}

# The share and printer names of npemu.toml's [local.*] and [mount.*] tables, in
# either TOML spelling: ['\\files\public'] (literal) or ["\\\\files\\public"] (basic).
_npnet_shares() {
  local file line name
  file=$(_npnet_config_file)
  [[ -r $file ]] || return 0
  while IFS= read -r line; do
    if [[ $line =~ ^[[:space:]]*\[(local|mount)\.(shares|printers)\.\'([^\']+)\'\] ]]; then
      printf '%s\n' "${BASH_REMATCH[3]}"
    elif [[ $line =~ ^[[:space:]]*\[(local|mount)\.(shares|printers)\.\"(.+)\"\] ]]; then
      name=${BASH_REMATCH[3]}
      printf '%s\n' "${name//\\\\/\\}"
    fi
  done <"$file"
}

# The connected and remembered devices and deviceless remote names (npnet list's Local column).
_npnet_connected() {
  command npnet list 2>/dev/null | while read -r status local _; do
    [[ $status == Status || $status == -* || $status == There ]] && continue
    printf '%s\n' "$local"
  done
}

# Drives from Z: down that are not connected or remembered, then the printer ports.
_npnet_free_devices() {
  local used d
  used=" $(_npnet_connected | tr '\n' ' ') "
  for d in Z Y X W V U T S R Q P O N M L K J I H G F E D; do
    [[ $used == *" $d: "* ]] || printf '%s\n' "$d:"
  done
  for d in 1 2 3 4 5 6 7 8 9; do
    [[ $used == *" LPT$d: "* ]] || printf '%s\n' "LPT$d:"
  done
}

# Adds to COMPREPLY each word (one a line on stdin) that starts like the current
# word, quoted for the shell (\\files\public becomes \\\\files\\public). Fed by
# `< <(...)`, never a pipe: a pipe would run it in a subshell and lose COMPREPLY.
_npnet_offer() {
  local cur=$1 word quoted
  while IFS= read -r word; do
    [[ -n $word ]] || continue
    printf -v quoted '%q' "$word"
    [[ $quoted == "$cur"* ]] && COMPREPLY+=("$quoted")
  done
}

_npnet() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="use list restore providers help"
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    _npnet_offer "$cur" < <(printf '%s\n' $commands --help --version)
    return 0
  fi
  local command=${COMP_WORDS[1],,} i word deleting=0 names=0
  case $command in
    use)
      [[ ${prev,,} == --user || $prev == -u ]] && return 0  # a user name: nothing to offer
      for ((i = 2; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case ${word,,} in
          --delete | -d | /delete | /d) deleting=1 ;;
          --user | -u) ((i++)) ;;
          -* | /*) ;;
          *) ((names++)) ;;
        esac
      done
      if [[ $cur == -* ]]; then
        _npnet_offer "$cur" < <(printf '%s\n' --user --password-stdin --persistent --no-persistent --delete --force --help)
      elif [[ $cur == /* && $cur != //* ]]; then
        _npnet_offer "$cur" < <(printf '%s\n' /delete /y /n /persistent:yes /persistent:no /user: '/?')
      elif ((deleting)); then
        ((names == 0)) && _npnet_offer "$cur" < <(_npnet_connected; printf '%s\n' '*')
      elif ((names == 0)); then
        _npnet_offer "$cur" < <(_npnet_free_devices; printf '%s\n' '*'; _npnet_shares)
      elif ((names == 1)); then
        _npnet_offer "$cur" < <(_npnet_shares)
      fi
      ;;
    list) _npnet_offer "$cur" < <(printf '%s\n' --remembered --json --help) ;;
    restore | providers) _npnet_offer "$cur" < <(printf '%s\n' --help) ;;
    help) ((COMP_CWORD == 2)) && _npnet_offer "$cur" < <(printf '%s\n' use list restore providers) ;;
  esac
  return 0
}
complete -F _npnet npnet
