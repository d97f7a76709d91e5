#!/usr/bin/env bash
# Builds the reader for the web and serves the demo on 127.0.0.1 only.
#
#   scripts/demo.sh [--port N]        (default 8080)
#
# Then open http://127.0.0.1:N/www/ (printed below). Ctrl-C stops the server.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

port=8080
while (($#)); do
  case "$1" in
    --port)
      [[ $# -ge 2 ]] || { echo "demo.sh: --port needs a number" >&2; exit 2; }
      port=$2
      shift 2
      ;;
    --port=*) port=${1#--port=}; shift ;;
    -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "demo.sh: unknown argument '$1' (use --port N)" >&2; exit 2 ;;
  esac
done
[[ $port =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65535)) \
  || { echo "demo.sh: --port must be a number from 1 to 65535" >&2; exit 2; }

bash scripts/setup.sh --demo

echo "== Building the WebAssembly package (wasm-pack build --target web --release) =="
wasm-pack build --target web --release

echo "== Building the bibliography engine, loaded only for articles with citations (pkg-bib/) =="
wasm-pack build bib --target web --out-dir ../pkg-bib --release

echo
echo "Demo: http://127.0.0.1:$port/www/"
echo
exec node scripts/serve.mjs --port "$port"
