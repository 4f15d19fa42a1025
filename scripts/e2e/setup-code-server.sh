#!/usr/bin/env bash
# Installs code-server (VS Code's server + web workbench) from the npm registry into a cache
# folder outside the repository, so the extension tests can run inside a real VS Code without
# downloading VS Code itself. See shared/docs/testing-in-vscode.md for why each step exists.
#
# Needs the Debian packages: libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config
# ripgrep chromium (installed by .ci/run). Prints the install folder on its last line.
# Re-running is cheap: a marker file, written last, says the cache is complete.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${PALISADE_CACHE:-$HOME/.cache/palisade}"
TARGET="$CACHE_ROOT/code-server-$VERSION"
MARKER="$TARGET/.complete"
PACKAGE="$TARGET/package"

log() { echo "[setup-code-server] $*" >&2; }

# Chromium and the build headers, when missing (cheap when everything is there).
bash "$(dirname "$0")/install-system-deps.sh"

if [[ -f "$MARKER" && -f "$PACKAGE/out/node/entry.js" ]]; then
  log "cached at $TARGET"
  echo "$PACKAGE"
  exit 0
fi

for tool in rg node npm tar; do
  command -v "$tool" >/dev/null || { log "missing '$tool' (install the Debian packages listed in this script)"; exit 1; }
done

# A partial earlier attempt is not trusted: start from an empty folder.
rm -rf "$TARGET"
mkdir -p "$TARGET"
cd "$TARGET"

log "packing code-server@$VERSION"
tarball="$(npm pack "code-server@$VERSION" --silent | tail -n 1)"
tar xzf "$tarball"
rm -f "$tarball"

# The package's own postinstall refuses to run as root and fetches ripgrep from the internet,
# so every step it would do is done here by hand with scripts disabled.
log "installing server dependencies"
(cd "$PACKAGE" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error && npm rebuild argon2 --loglevel=error)

log "installing VS Code dependencies"
(
  cd "$PACKAGE/lib/vscode"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # node-pty's install step runs `npx node-gyp`, which would wait for a confirmation.
  npm_config_yes=true npm rebuild --loglevel=error
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
)

log "installing built-in extension dependencies"
(cd "$PACKAGE/lib/vscode/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error)

# An empty config file keeps code-server from writing a default one under ~/.config.
: > "$TARGET/config.yaml"
reported="$(node "$PACKAGE/out/node/entry.js" --config "$TARGET/config.yaml" --version | grep -E '^[0-9]' | head -n 1)"
log "installed: $reported"
[[ "$reported" == "$VERSION"* ]] || { log "unexpected version output"; exit 1; }

date -u +%FT%TZ > "$MARKER"
echo "$PACKAGE"
