#!/usr/bin/env bash
# The browser benchmark: builds the release wasm, serves a bench page on 127.0.0.1 and drives headless
# Chromium (playwright-core) through it. Prints a table and writes target/bench/browser.json.
#
#   scripts/bench.sh [--quick] [--contexts N] [--skip-build]
#
# --quick       2 contexts and fewer rounds: checks the harness in about a minute; rough figures
# --contexts N  fresh browser contexts per measurement (default 5); figures are their median
# --skip-build  reuse pkg/ and target/bench/pulldown-pkg/ as they are
#
# Installs what it lacks, idempotently: the wasm32 target, wasm-pack, the wasm-bindgen CLI at the
# version pinned in Cargo.toml, Chromium (apt), Node (apt) and bench/'s npm packages (npm ci).
# See bench/README.md for what it measures and how.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '== %s\n' "$*"; }
fail() { printf 'bench.sh: %s\n' "$*" >&2; exit 1; }

build=1
runner_args=()
while (($#)); do
  case "$1" in
    --skip-build) build=0; shift ;;
    --quick) runner_args+=(--quick); shift ;;
    --contexts)
      [[ $# -ge 2 ]] || fail "--contexts needs a number"
      runner_args+=(--contexts "$2"); shift 2 ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) fail "unknown argument '$1' (try --help)" ;;
  esac
done

# --- tools -----------------------------------------------------------------------------------------
apt_packages=()
[[ -x /usr/bin/chromium ]] || apt_packages+=(chromium)
command -v node >/dev/null || apt_packages+=(nodejs npm)
if ((${#apt_packages[@]})); then
  say "installing ${apt_packages[*]} (apt)"
  sudo_cmd=()
  ((EUID == 0)) || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq "${apt_packages[@]}" \
    || fail "apt-get install ${apt_packages[*]} failed"
fi

if ((build)); then
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target (rustup)"
    rustup target add wasm32-unknown-unknown
  fi
  command -v wasm-pack >/dev/null || { say "installing wasm-pack (cargo install)"; cargo install wasm-pack; }
  bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)
  [[ -n $bindgen_version ]] || fail "no exact wasm-bindgen pin (wasm-bindgen = \"=x.y.z\") in Cargo.toml"
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]]; then
    say "installing wasm-bindgen-cli $bindgen_version (cargo install, a few minutes)"
    cargo install wasm-bindgen-cli --version "$bindgen_version" --locked
  fi
fi

if [[ ! -d bench/node_modules || bench/package-lock.json -nt bench/node_modules/.package-lock.json ]]; then
  say "installing the bench's npm packages (npm ci --prefix bench)"
  npm ci --prefix bench --no-audit --no-fund
fi

# wasm-pack runs the first wasm-opt on PATH. Debian's (binaryen 108) turns wasm-bindgen 0.2.130's
# externref table into a funcref table, and the module then fails at init ("WebAssembly.Table.set():
# Argument 1 is invalid for table"); binaryen from npm (bench/package.json) is new enough.
export PATH="$PWD/bench/node_modules/.bin:$PATH"

# --- build -----------------------------------------------------------------------------------------
if ((build)); then
  if grep -rqs 'wasm_bindgen' src/wasm; then
    say "building cite-reader for the web (scripts/build-web.sh: wasm-pack, then wasm-opt)"
    [[ -x node_modules/.bin/wasm-opt ]] || { say "installing the root npm packages (npm ci)"; npm ci --no-audit --no-fund; }
    bash scripts/build-web.sh
  else
    say "src/wasm has no binding yet: cite-reader's figures will be null"
  fi
  say "building pulldown-cmark's push_html for the web (bench/pulldown-wasm)"
  CARGO_TARGET_DIR="$PWD/target/bench/pulldown-wasm" \
    wasm-pack build bench/pulldown-wasm --target web --release --no-typescript \
    --out-dir "$PWD/target/bench/pulldown-pkg"
fi

# --- run -------------------------------------------------------------------------------------------
say "running the browser benchmark"
exec node bench/run.mjs "${runner_args[@]}"
