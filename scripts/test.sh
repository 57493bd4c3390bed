#!/usr/bin/env bash
# Sets up what is missing, then runs every test:
#   1. the static server of the tests and of scripts/serve.sh (node --test tests/server/,
#      needs no build), the calculation core, natively (cargo test: unit, data, model,
#      property tests), and the map's drawing data against its source
#      (scripts/build-map.mjs --check)
#   2. formatting, lints and the API docs (broken doc links fail) of the Rust code, for
#      the native and the wasm target
#   3. the release build (trunk build --release → dist/)
#   4. a debug build (target/dist-debug), where the panic path can be forced
#   5. the browser tests (Playwright + Debian chromium) against dist/
#   6. the deployment configs (deploy/nginx.conf, deploy/apache.conf) in Debian's nginx and
#      apache2, run as this user on loopback: headers, precompressed files, the calculator
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

printf '\n==> 1. Static server (node --test) and calculation core (cargo test)\n'
node --test tests/server/
cargo test --quiet
node scripts/build-map.mjs --check

printf '\n==> 2. Formatting, lints and docs\n'
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -- -D warnings
RUSTDOCFLAGS='-D warnings' cargo doc --quiet --no-deps
RUSTDOCFLAGS='-D warnings' cargo doc --quiet --no-deps --target wasm32-unknown-unknown

printf '\n==> 3. Release build (dist/) and its size budget\n'
trunk build index.html --release
node scripts/check-size.mjs dist

printf '\n==> 4. Debug build (target/dist-debug), for the panic test\n'
trunk build index.html --dist target/dist-debug

printf '\n==> 5. Browser tests (Playwright, chromium)\n'
npx playwright test --config tests/e2e/playwright.config.mjs

printf '\n==> 6. Deployment configs (deploy/ in nginx and apache2, chromium)\n'
npx playwright test --config tests/deploy/playwright.config.mjs

printf '\nAll tests passed.\n'
