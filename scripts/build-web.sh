#!/usr/bin/env bash
# The web build: `wasm-pack build --target web --release` into pkg/, then wasm-opt on the module.
#
#   scripts/build-web.sh [extra wasm-pack build arguments]
#
# wasm-pack's own wasm-opt step is off (Cargo.toml): it runs the first wasm-opt on PATH, and
# Debian's (binaryen 108) rewrites wasm-bindgen 0.2.130's externref table into a funcref table, so
# the module fails at init ("WebAssembly.Table.set(): Argument 1 is invalid for table"). This runs
# binaryen 132 from npm (package.json devDependency, installed by scripts/setup.sh) instead.
# CITE_READER_WASM_OPT overrides the optimisation level (default -Os: smaller than -Oz here, and
# as fast; e.g. -O3, or "off").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

wasm_opt=node_modules/.bin/wasm-opt
level=${CITE_READER_WASM_OPT:--Os}
# CITE_READER_OPT_LEVEL=z builds the wasm at rustc's opt-level "z" instead of Cargo.toml's "s":
# about 30 % smaller gzipped, but about half the throughput (bench/README.md, "Size by part").
if [[ -n ${CITE_READER_OPT_LEVEL:-} ]]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=$CITE_READER_OPT_LEVEL
fi

wasm-pack build --target web --release "$@"

module=pkg/cite_reader_bg.wasm
[[ -f $module ]] || { echo "build-web.sh: $module was not written" >&2; exit 1; }
if [[ $level == off ]]; then
  echo "build-web.sh: wasm-opt skipped (CITE_READER_WASM_OPT=off)"
  exit 0
fi
[[ -x $wasm_opt ]] || {
  echo "build-web.sh: $wasm_opt is missing: run scripts/setup.sh (npm ci installs binaryen)" >&2
  exit 1
}

before=$(wc -c <"$module")
# `--one-caller-inline-max-function-size 0`: by default wasm-opt inlines every function that has
# one caller, whatever its size, which folded the whole pipeline into one 165 KB function: Chromium
# then compiled all of it (every reader and analysis) before the first render, and the module
# gzipped 25 KB worse (377 → 352 KB). LLVM has inlined the small hot functions already.
# The features wasm-bindgen 0.2.130's output uses (externref table, bulk memory, ...); wasm-opt
# must be told, or it refuses the module.
"$wasm_opt" "$level" \
  --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  --one-caller-inline-max-function-size 0 \
  --strip-debug --strip-producers \
  "$module" -o "$module.opt"
mv "$module.opt" "$module"
echo "build-web.sh: wasm-opt $level: $module $before → $(wc -c <"$module") bytes"
