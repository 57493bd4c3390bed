#!/usr/bin/env bash
# Sets up what is missing, builds the release site into dist/, and serves it locally.
#   scripts/serve.sh            → http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  → another port
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

printf '\n==> Building the release site into dist/\n'
trunk build index.html --release

printf '\n==> Serving dist/\n'
# With the Content-Security-Policy recommended for hosting, so what works here works there.
exec node scripts/static-server.mjs --root dist --port "${PORT:-8080}" --csp
