# Sourced by the scripts: puts the project's wasm-opt wrapper first on PATH and keeps
# browser temp files inside target/.
repo_root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo_root/scripts/bin:$HOME/.cargo/bin:$PATH"
export TMPDIR="$repo_root/target/tmp"
mkdir -p "$TMPDIR"
# The wasm's panic locations name the crates' source files; without this they carry the
# build machine's home folder (`/root/.cargo/registry/src/index.crates.io-…/leptos-…`),
# which says something about the machine and costs the first load about 330 bytes brotli.
# Only the wasm target: the native tests keep their full paths. Of several prefixes, the
# last that matches is used.
cargo_registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$cargo_registry/= --remap-path-prefix=$cargo_registry/index.crates.io-1949cf8c6b5b557f/="
