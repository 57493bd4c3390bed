#!/usr/bin/env bash
# Installs everything building and testing the calculator needs, skipping what is there.
#
# Safe to run again and again: each step checks first and says what it found or did.
# Everything comes from the package registries (crates.io, npm, Debian); Trunk itself is
# told never to download (Trunk.toml: offline = true), so the exact tool versions it wants
# are installed here:
#   - Rust target wasm32-unknown-unknown
#   - trunk            (crates.io, pinned below)
#   - wasm-bindgen-cli (crates.io, exactly the wasm-bindgen version in Cargo.lock)
#   - wasm-split-cli   (crates.io, wasm_split_cli_support pinned below; scripts/build-wasm.mjs)
#   - wasm-opt         (npm package binaryen, pinned in package.json; scripts/bin/wasm-opt)
#   - Playwright       (npm, pinned in package.json; `npm ci` from package-lock.json)
#   - chromium         (Debian package; the browser tests drive /usr/bin/chromium)
#   - poppler-utils    (Debian package; pdftotext reads the printed report back)
#   - nginx, libnginx-mod-http-brotli-static, apache2 (Debian packages; the deploy tests
#                      run deploy/nginx.conf and deploy/apache.conf in them, never as a service)
#   - all crates, fetched ahead so that offline builds work
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The splitter seen working with leptos 0.8.23 and wasm-bindgen 0.2.130 (docs/wasm-splitting.md).
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132

step() { printf '\n==> %s\n' "$*"; }
ok() { printf '    %s\n' "$*"; }
fail() { printf '\nsetup: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "need root to run: $* (no sudo found)"
  fi
}

step "Rust toolchain"
command -v cargo >/dev/null && command -v rustup >/dev/null \
  || fail "cargo and rustup are needed; install Rust with rustup (https://rustup.rs) and run this again."
ok "$(cargo --version)"

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  ok "already installed"
else
  ok "installing from crates.io (takes about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

step "wasm-bindgen-cli (same version as wasm-bindgen in Cargo.lock)"
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen in Cargo.lock"
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml \
  || fail "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\", as in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  ok "wasm-bindgen $WASM_BINDGEN_VERSION already installed"
else
  ok "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION with --locked (about 3 minutes)"
  # First with --locked: exactly the dependencies wasm-bindgen-cli was published with. That
  # can fail for a reason outside this project: the registry (or the mirror in use) does
  # not offer a version the published lock file pins (webpki-roots 1.0.11 was missing, only
  # up to 1.0.10 offered; a yanked version does the same). Then a second try without
  # --locked is deliberate: cargo picks the newest semver-compatible dependencies, while
  # wasm-bindgen-cli itself stays at exactly the version in Cargo.lock, which is the
  # version that must match (checked right after). The crates that write the
  # bindings (wasm-bindgen-cli-support, wasm-bindgen-test-shared) are pinned by
  # wasm-bindgen-cli with "=", so they cannot move; what can move within semver are helpers
  # (walrus 0.27.x, wasmparser, clap, ureq with rustls and webpki-roots for the test
  # runner), and the build and browser tests check the result.
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked; then
    ok "cargo install --locked failed (see above), most likely because the registry does not"
    ok "offer a dependency version its published lock file pins. Retrying without --locked:"
    ok "cargo then takes the newest compatible dependencies; wasm-bindgen-cli itself stays"
    ok "$WASM_BINDGEN_VERSION, and its binding crates are pinned exactly by it."
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
    || fail "wasm-bindgen --version does not say $WASM_BINDGEN_VERSION after installing it"
  ok "$(wasm-bindgen --version)"
fi

step "wasm-split-cli $WASM_SPLIT_VERSION (splits the wasm into a first load and chunks)"
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  ok "already installed"
else
  ok "installing wasm_split_cli_support $WASM_SPLIT_VERSION from crates.io (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

step "Node.js and npm"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  ok "installing Debian's nodejs and npm"
  as_root apt-get install -y nodejs npm || { as_root apt-get update && as_root apt-get install -y nodejs npm; }
fi
ok "node $(node --version), npm $(npm --version 2>/dev/null)"

step "npm packages (package-lock.json: Playwright, binaryen)"
LOCK_HASH=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f node_modules/.setup-lock-hash ] && [ "$(cat node_modules/.setup-lock-hash)" = "$LOCK_HASH" ]; then
  ok "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund
  echo "$LOCK_HASH" > node_modules/.setup-lock-hash
fi

step "wasm-opt $BINARYEN_VERSION (scripts/bin/wasm-opt runs the npm binaryen)"
if scripts/bin/wasm-opt --version | grep -q "version $BINARYEN_VERSION "; then
  ok "$(scripts/bin/wasm-opt --version)"
else
  fail "scripts/bin/wasm-opt does not report version $BINARYEN_VERSION; check package.json"
fi

step "chromium (Debian) for the browser tests"
if [ -x /usr/bin/chromium ]; then
  ok "$(/usr/bin/chromium --version 2>/dev/null || echo present)"
else
  ok "installing Debian's chromium"
  as_root apt-get install -y chromium || { as_root apt-get update && as_root apt-get install -y chromium; }
fi

# The print test reads the report's PDF back as text, page by page.
step "poppler-utils (Debian) for reading printed PDFs"
if command -v pdftotext >/dev/null 2>&1; then
  ok "$(pdftotext -v 2>&1 | head -n 1)"
else
  ok "installing Debian's poppler-utils"
  as_root apt-get install -y poppler-utils || { as_root apt-get update && as_root apt-get install -y poppler-utils; }
fi

# --- deploy tests: nginx (with brotli_static) and apache2 -------------------------------
# tests/deploy runs deploy/nginx.conf and deploy/apache.conf in Debian's own servers. The
# tests start them as this user, on loopback, with their own pid file and logs in target/,
# so the system services are never used: they are installed without being started (a
# policy-rc.d that forbids it, for the time of the install only) and, under systemd, not
# enabled at boot, so nothing ends up on port 80 or 8080.
step "nginx, libnginx-mod-http-brotli-static and apache2 (Debian) for the deploy tests"
DEPLOY_PACKAGES="nginx libnginx-mod-http-brotli-static apache2"
deploy_missing=""
for package in $DEPLOY_PACKAGES; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || deploy_missing="$deploy_missing $package"
done
if [ -z "$deploy_missing" ]; then
  ok "already installed: $(dpkg-query -W -f='${Package} ${Version}  ' $DEPLOY_PACKAGES)"
else
  ok "installing Debian's$deploy_missing, without starting their services"
  policy=/usr/sbin/policy-rc.d
  restore_policy() {
    as_root sh -c "if [ -e $policy.rekenhulp-saved ]; then mv -f $policy.rekenhulp-saved $policy; else rm -f $policy; fi"
  }
  as_root sh -c "if [ -e $policy ]; then cp -p $policy $policy.rekenhulp-saved; fi
    printf '#!/bin/sh\n# scripts/setup.sh: no service starts while it installs (removed afterwards)\nexit 101\n' > $policy
    chmod 755 $policy"
  trap restore_policy EXIT
  # shellcheck disable=SC2086 # a list of package names
  as_root apt-get install -y $deploy_missing \
    || { as_root apt-get update && as_root apt-get install -y $deploy_missing; }
  restore_policy
  trap - EXIT
  for service in nginx apache2; do
    case " $deploy_missing " in *" $service "*) ;; *) continue ;; esac
    if [ -d /run/systemd/system ]; then
      as_root systemctl disable --now "$service" >/dev/null 2>&1 || true
    else
      as_root update-rc.d "$service" disable >/dev/null 2>&1 || true
    fi
    ok "$service installed; its system service is not running and does not start at boot"
  done
fi

step "crates (so that the offline build finds them all)"
cargo fetch --quiet
cargo fetch --quiet --manifest-path benches/floor/Cargo.toml
ok "all dependencies in Cargo.lock (and the benchmark floor's) are available"

printf '\nSet-up complete.\n'
