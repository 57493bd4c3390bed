#!/usr/bin/env bash
# Long fuzz runs of the parsers of untrusted input (tests/fuzz.rs): FUZZ_CASES random inputs
# per target (default 1 000 000), in an optimised build. Records the counts and the result
# in BENCHMARKS.md (between the fuzz markers). The test command runs the same targets with a
# few thousand inputs each.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
CASES=${FUZZ_CASES:-1000000}
start=$(date +%s)
# The code being fuzzed is the tree as it is now, not when the run ends.
commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
printf '==> Fuzzing with %s inputs per target (release build)\n' "$CASES"
if output=$(PROPTEST_CASES=$CASES cargo test --release --test fuzz -- --test-threads 2 2>&1); then result=passed; else result=FAILED; fi
echo "$output" | tail -15
seconds=$(( $(date +%s) - start ))
targets=$(echo "$output" | grep -oE '^test [a-z_]+ \.\.\. (ok|FAILED)' | sed 's/^test //')
report=$(cat <<MD
<!-- fuzz:start (written by scripts/fuzz.sh; do not edit by hand) -->
### Fuzzing (\`scripts/fuzz.sh\`, proptest; cargo fuzz needs nightly, not available here)

Run $(date -u +%Y-%m-%d), commit $commit: **$CASES inputs per target**, $seconds s, **$result**.

\`\`\`
$targets
\`\`\`

Targets: arbitrary bytes as a query string; every URL parameter with hostile values (markup,
broken escapes, NaN, 10 000-character values, per-gemeente lists); arbitrary text as a typed
number; arbitrary text and hostile lines as stored scenarios. Each must decode without panicking, give at most eight short notices, yield a state the
model computes, and write a link that reads back to the same state. The corpus in
\`tests/fuzz-corpus/\` (inputs that once found a bug) is replayed on every test run.
<!-- fuzz:end -->
MD
)
REPORT="$report" node scripts/replace-block.mjs BENCHMARKS.md fuzz '## Notes'
printf '\nBENCHMARKS.md updated (%s).\n' "$result"
[ "$result" = passed ]
