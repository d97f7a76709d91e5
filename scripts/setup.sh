#!/usr/bin/env bash
# Installs what the demo and the tests need, and only what is missing (quick when all is there).
#
#   scripts/setup.sh           everything the tests need (the default)
#   scripts/setup.sh --demo    build tools only: no Chromium, no rustfmt/clippy
#
# Rust target and components (rustup), wasm-pack, the wasm-bindgen CLI matching the version
# pinned in Cargo.toml (wasm-pack cannot download it offline), the npm packages of package.json
# (npm ci: binaryen's wasm-opt for scripts/build-web.sh, playwright-core for the tests), and for
# the tests Chromium + chromedriver (apt).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_PACK_VERSION=0.15.1
mode=test
case "${1:-}" in
  --demo) mode=demo ;;
  --test | "") ;;
  *) echo "setup.sh: unknown argument '$1' (use --demo or nothing)" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || fail "cargo is not installed; install Rust (https://rustup.rs) first"
command -v node >/dev/null || fail "node is not installed; install Node.js 20 or newer first"

# --- Rust target and components ---------------------------------------------------------------
if command -v rustup >/dev/null; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || fail "rustup could not add wasm32-unknown-unknown"
  fi
  if [[ $mode == test ]]; then
    for component in rustfmt clippy; do
      if ! rustup component list --installed | grep -q "^$component"; then
        say "adding the $component component"
        rustup component add "$component" || fail "rustup could not add $component"
      fi
    done
  fi
fi

# --- wasm-pack --------------------------------------------------------------------------------
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack $WASM_PACK_VERSION (cargo install, a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" || fail "cargo install wasm-pack failed"
fi

# --- wasm-bindgen CLI, matching the exact pin in Cargo.toml ------------------------------------
bindgen_pin=$(sed -nE 's/^wasm-bindgen[[:space:]]*=[[:space:]]*"=?([0-9][0-9.]*)".*/\1/p' Cargo.toml | head -n1)
[[ -n $bindgen_pin ]] || fail "could not read the wasm-bindgen version pin from Cargo.toml"
installed_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ $installed_bindgen != "$bindgen_pin" ]]; then
  say "installing wasm-bindgen-cli $bindgen_pin (found '${installed_bindgen:-none}'; cargo install, a few minutes)"
  # Not --locked: the CLI's lockfile names a yanked crate.
  cargo install wasm-bindgen-cli --version "$bindgen_pin" --force \
    || fail "cargo install wasm-bindgen-cli $bindgen_pin failed"
fi

# --- Debian packages --------------------------------------------------------------------------
# No Debian binaryen: its version 108 breaks wasm-bindgen's externref table, so Cargo.toml turns
# wasm-pack's wasm-opt off and scripts/build-web.sh runs binaryen 132 from npm instead.
apt_packages=()
if [[ $mode == test ]]; then
  [[ -x /usr/bin/chromium ]] || apt_packages+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || apt_packages+=(chromium-driver)
fi
if ((${#apt_packages[@]})); then
  command -v apt-get >/dev/null || fail "missing ${apt_packages[*]} and no apt-get to install them"
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || fail "missing ${apt_packages[*]}; run as root or install sudo"
    sudo=(sudo)
  fi
  say "installing ${apt_packages[*]} (apt)"
  "${sudo[@]}" apt-get update -q || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    "${apt_packages[@]}" || fail "apt-get install ${apt_packages[*]} failed"
fi

# --- npm packages: wasm-opt (binaryen) for the web build, playwright-core for the tests -------
command -v npm >/dev/null || fail "npm is not installed"
stamp=node_modules/.cite-reader-lock
want=$(sha256sum package-lock.json | awk '{print $1}')
if [[ ! -f $stamp || $(cat "$stamp") != "$want" || ! -d node_modules/playwright-core \
  || ! -x node_modules/.bin/wasm-opt ]]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund || fail "npm ci failed"
  echo "$want" >"$stamp"
fi

say "ready ($mode)"
