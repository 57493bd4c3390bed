#!/usr/bin/env bash
# Writes public/data/mee-budgetten-2014.csv again from the source excerpt in
# public/data/bron/, with the clean-up rules of src/data/bijlage5.rs. The data tests
# (cargo test --test data) fail whenever the committed file differs from this output.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_DATA=1 cargo test --quiet --test data csv_is_what_the_extraction_gives
echo "public/data/mee-budgetten-2014.csv written; review with: git diff public/data"
