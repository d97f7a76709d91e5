#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), Rust tests, wasm tests in headless
# Chromium, the web build, and the browser tests of the demo. Installs what is missing first.
# Stops at the first failing step and says which one.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() {
  local name=$1
  shift
  printf '\n==== %s ====\n$ %s\n' "$name" "$*"
  local start=$SECONDS
  if ! "$@"; then
    printf '\n**** FAILED: %s (command: %s) ****\n' "$name" "$*" >&2
    exit 1
  fi
  printf -- '---- ok: %s (%ss)\n' "$name" "$((SECONDS - start))"
}

step "setup (installs what is missing)" bash scripts/setup.sh
step "format" cargo fmt --check
step "lint (native)" cargo clippy --all-targets -- -D warnings
step "lint (wasm32)" cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "Rust tests" cargo test
# The pathological inputs again at the issue's sizes, 1 MiB and 2 MiB, with the crate optimized
# (its dependencies stay as `cargo test` built them, so this compiles one crate, not the tree).
step "pathological inputs at 1 MiB and 2 MiB (native, optimized)" \
  env PATHOLOGICAL_KIB=1024 cargo test \
  --config 'profile.dev.package.cite-reader.opt-level=2' \
  --config 'profile.test.package.cite-reader.opt-level=2' \
  --test pathological -- --nocapture pathological_inputs_finish_in_linear_time
step "wasm tests in headless Chromium" \
  wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver . --test wasm
step "web build (wasm-pack, then wasm-opt)" bash scripts/build-web.sh
step "bibliography engine build (second wasm module)" \
  wasm-pack build bib --target web --out-dir ../pkg-bib --release
step "browser tests of the demo" node --test tests/e2e/

printf '\nAll tests passed.\n'
