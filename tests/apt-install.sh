#!/usr/bin/env bash
# Installs Debian packages: bash tests/apt-install.sh PACKAGE...
# Package scripts may not start services (nginx would take port 80): the
# tests and benchmarks run their own.
set -euo pipefail
[ $# -gt 0 ] || exit 0
echo "installing $*"
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  made_policy=1
fi
trap 'if [ -n "$made_policy" ]; then rm -f "$policy"; fi' EXIT
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$@" >/dev/null
