//! Fixtures for the unit tests of every layer: the embedded data, and areas by name.
//! Panicking here is fine: a missing name is a broken test, not user input.

use crate::model::data::{Dataset, GemeenteId};
use crate::model::selection::{Kind, Selection};

pub fn data() -> &'static Dataset {
    Dataset::embedded().expect("the embedded data parses")
}

pub fn find(kind: Kind, naam: &str) -> Selection {
    Selection::find(data(), kind, naam).unwrap_or_else(|| panic!("no {kind:?} named {naam}"))
}

pub fn gemeente(naam: &str) -> GemeenteId {
    let Selection::Gemeente(g) = find(Kind::Gemeente, naam) else { unreachable!("{naam} is a gemeente") };
    g
}

/// How many random cases a property test runs: `default`, or `PROPTEST_CASES` (proptest's
/// own variable) for a longer run, as `scripts/fuzz.sh` does. `tests/common` has the same
/// for the integration tests, which cannot see this `cfg(test)` item.
#[cfg(test)]
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
