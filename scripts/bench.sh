#!/usr/bin/env bash
# Benchmarks: transfer size against a floor, time to first figures on localhost and on a
# throttled phone profile, input → figures, interaction to next paint, Lighthouse, and
# native timings of the core. Not part of the tests; records its figures in BENCHMARKS.md
# (between the bench markers; the notes around them are kept).
#   scripts/bench.sh                 full run (30 loads, 200 keystrokes)
#   BENCH_LOADS=10 BENCH_KEYS=50 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

# The code being measured is the tree as it is now.
commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"

printf '\n==> Building the calculator and the floor (a Leptos counter, same profile)\n'
trunk build index.html --release
(cd benches/floor && trunk build index.html --release)
# The floor is served as the calculator is: precompressed.
node scripts/compress.mjs benches/floor/dist

printf '\n==> Native timings (divan)\n'
native=$(cargo bench --quiet --bench model 2>/dev/null | sed -n '/^model/,$p')
echo "$native"

printf '\n==> Browser timings and sizes (Playwright, chromium)\n'
browser=$(node scripts/bench.mjs dist benches/floor/dist)
echo "$browser"

report=$(cat <<MD
<!-- bench:start (written by scripts/bench.sh; do not edit by hand) -->
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(/usr/bin/chromium --version 2>/dev/null | head -1),
commit $commit.

$browser

### Native (divan, \`cargo bench --bench model\`, opt-level 3)

\`\`\`
$native
\`\`\`

Goal for recompute_nederland: ≤ 20 µs.
<!-- bench:end -->
MD
)
REPORT="$report" node scripts/replace-block.mjs BENCHMARKS.md bench
printf '\nBENCHMARKS.md updated.\n'
