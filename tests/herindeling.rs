//! The derived herindeling table (`public/data/herindeling-2013.tsv`) is generated from its
//! source (`docs/sources/geo/herindeling.tsv`, CBS/PDOK boundaries by area overlap), not
//! edited. `UPDATE=1 cargo test --test herindeling` writes it anew.

use mee_frictiekosten::model::data::Dataset;
use mee_frictiekosten::model::data::herindeling::{EMBEDDED_TSV, derive, parse};

const DERIVED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/herindeling-2013.tsv");
const SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sources/geo/herindeling.tsv");

#[test]
fn the_derived_table_is_the_derivation_of_its_source() {
    let source = std::fs::read_to_string(SOURCE).expect("the source table is in the repository");
    let derived = derive(&source);
    if std::env::var_os("UPDATE").is_some() {
        std::fs::write(DERIVED, &derived).expect("writable");
    }
    assert!(
        derived == EMBEDDED_TSV,
        "{DERIVED} differs from its derivation; run UPDATE=1 cargo test --test herindeling"
    );
}

#[test]
fn every_later_gemeente_of_the_source_is_read() {
    let data = Dataset::embedded().expect("the table");
    let later = parse(data, EMBEDDED_TSV).expect("the derived table reads");
    assert!(later.len() > 60, "{} later gemeenten", later.len());
    for name in ["De Friese Meren", "Krimpenerwaard", "Alphen aan den Rijn", "Súdwest-Fryslân", "Midden-Groningen"] {
        assert!(later.iter().any(|l| l.naam == name), "{name}");
    }
}
