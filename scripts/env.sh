# Sourced by the scripts: puts the project's wasm-opt wrapper first on PATH and keeps
# browser temp files inside target/.
repo_root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo_root/scripts/bin:$HOME/.cargo/bin:$PATH"
export TMPDIR="$repo_root/target/tmp"
mkdir -p "$TMPDIR"
