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
