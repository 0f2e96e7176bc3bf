#!/usr/bin/env bash
# Installs the given Debian packages that are not installed yet (with sudo
# when not root). Used by run.sh and test.sh. A first argument
# --no-install-recommends is passed on to apt-get (LibreOffice's recommends
# are hundreds of megabytes the tests do not need).
set -euo pipefail
extra=()
if [ "${1:-}" = "--no-install-recommends" ]; then
  extra+=("$1")
  shift
fi
need=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "installing: ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${extra[@]}" "${need[@]}" >/dev/null
fi
