#!/bin/sh
# ctest fixture: fixture.sh start|stop SMBD_TEST DIR. Exit 77 (skip) when not root.
set -eu
cmd=$1 smbd_test=$2 dir=$3
if [ "$(id -u)" != 0 ]; then echo "SKIP: smbd-test needs root"; exit 77; fi
case $cmd in
  start) "$smbd_test" stop "$dir" >/dev/null 2>&1 || true
         "$smbd_test" start "$dir" 0 ;;
  stop)  "$smbd_test" stop "$dir" ;;
esac
