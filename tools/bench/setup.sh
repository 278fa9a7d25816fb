#!/usr/bin/env bash
# Installs what make bench needs on a fresh machine: wrk, nginx, hugo, GNU
# time and Xvfb (an X display for the interaction bench's Chromium) from
# Debian, and the bench's Node packages. Each step is skipped when done.
# The benchmark runs its own nginx (own config, prefix and pid file in a
# temporary folder); the system's nginx service is never started.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
command -v hugo >/dev/null 2>&1 || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
command -v xvfb-run >/dev/null 2>&1 && command -v xauth >/dev/null 2>&1 || need+=(xvfb xauth)
bash ../../tests/apt-install.sh ${need[@]+"${need[@]}"}

# npm ci refuses this lock file where the registry lacks pagefind's
# packages for other platforms (it lists only what it could resolve); npm
# install then installs the same locked versions.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-audit --no-fund --loglevel=error
fi
