//! What the integration tests share beyond `model::testing` (the data and areas by name).

/// How many random cases a property test runs: `default` in the test command, or
/// `PROPTEST_CASES` (proptest's own variable) for a longer run, as `scripts/fuzz.sh` does.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
