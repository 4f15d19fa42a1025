#!/usr/bin/env bash
# Installs the Debian packages the extension tests need (Chromium to drive VS Code's web
# workbench, and the headers code-server's native modules build against), only those that
# are missing. Called by setup-code-server.sh, so `npm test` works on a fresh machine, and by
# .ci/run. Needs root and apt-get; elsewhere it says what to install and fails.
set -euo pipefail

PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)

log() { echo "[install-system-deps] $*" >&2; }

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null; then
  log "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}"
  exit 1
fi
log "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
