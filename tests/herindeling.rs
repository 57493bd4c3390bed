//! The derived herindeling table (`public/data/herindeling-2013.tsv`) is generated from its
//! source (`docs/sources/geo/herindeling.tsv`, CBS/PDOK boundaries by area overlap), not
//! edited. `UPDATE=1 cargo test --test herindeling` writes it anew.

use std::collections::BTreeSet;

use mee_frictiekosten::model::calculation::Figures;
use mee_frictiekosten::model::data::herindeling::{EMBEDDED_TSV, derive, parse};
use mee_frictiekosten::model::data::{Dataset, GemeenteId};
use mee_frictiekosten::model::find::matches;
use mee_frictiekosten::model::selection::{Kind, Selection};
use mee_frictiekosten::text::url::{decode, encode};

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

/// Every later gemeente of the mapping, by name and year, with the 2013 gemeenten that
/// count for it (sorted), straight from the model.
fn expected() -> Vec<(String, Vec<u16>, Vec<GemeenteId>)> {
    let data = Dataset::embedded().expect("the table");
    parse(data, EMBEDDED_TSV)
        .expect("the derived table reads")
        .into_iter()
        .map(|l| {
            let sorted: BTreeSet<GemeenteId> = l.gemeenten.iter().copied().collect();
            (l.naam, l.years, sorted.into_iter().collect())
        })
        .collect()
}

#[test]
fn every_later_name_is_found_by_the_search_as_its_2013_gemeenten() {
    let data = Dataset::embedded().expect("the table");
    for (naam, years, gemeenten) in expected() {
        let found = matches(data, &naam, 10);
        assert!(
            found.iter().any(|m| m.selection.gemeenten(data) == gemeenten),
            "searching {naam} ({years:?}) does not offer its 2013 gemeenten; it offers {:?}",
            found.iter().map(|m| m.naam.clone()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_later_name_in_a_link_opens_its_2013_gemeenten() {
    let data = Dataset::embedded().expect("the table");
    for (naam, years, gemeenten) in expected() {
        for year in years {
            let query = format!("gemeente={}&indeling={year}", naam.replace('&', "%26"));
            let (session, notices) = decode(data, &query);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(session.inputs.selection.gemeenten(data), gemeenten, "{query}");
            // And back: the link the page writes for it opens the same area.
            let written = encode(data, &session);
            let (back, notices) = decode(data, &written);
            assert!(notices.is_empty(), "{written}: {notices:?}");
            assert_eq!(back, session, "{written}");
        }
    }
}

#[test]
fn a_later_name_alone_in_a_link_is_the_newest_unless_2013_had_it() {
    let data = Dataset::embedded().expect("the table");
    for (naam, _, _) in expected() {
        let (session, notices) = decode(data, &format!("gemeente={naam}"));
        assert!(notices.is_empty(), "{naam}: {notices:?}");
        let selection = session.inputs.selection;
        match Selection::find(data, Kind::Gemeente, &naam) {
            Some(old) => assert_eq!(selection, old, "{naam}: an old link keeps its meaning"),
            None => {
                let newest =
                    expected().into_iter().filter(|(n, _, _)| *n == naam).max_by_key(|(_, y, _)| y.last().copied());
                assert_eq!(selection.gemeenten(data), newest.unwrap().2, "{naam}");
            }
        }
    }
}

#[test]
fn short_forms_find_theirs() {
    let data = Dataset::embedded().expect("the table");
    let offered = |query: &str| -> Vec<String> {
        matches(data, query, 10).iter().map(|m| format!("{} | {}", m.naam, m.selection.label(data))).collect()
    };
    let alphen = offered("Alphen aan den Rijn");
    assert_eq!(alphen[0], "Alphen aan den Rijn | gemeente sinds 2014");
    assert!(alphen.contains(&"Alphen a/d Rijn (Alphen aan den Rijn) | gemeente".to_string()), "{alphen:?}");
    assert!(offered("Alphen a/d Rijn").contains(&"Alphen aan den Rijn (Alphen a/d Rijn) | gemeente sinds 2014".into()));
    for query in ["Den Bosch", "den-bosch", "'s-Hertogenbosch", "s-Hertogenbosch", "'s Hertogenbosch", "shertogenbosch"]
    {
        let found = offered(query);
        assert!(
            found.iter().take(2).any(|f| f.starts_with("Den Bosch") && f.ends_with("| gemeente")),
            "{query}: {found:?}"
        );
        assert!(
            found.iter().take(2).any(|f| f.starts_with("'s-Hertogenbosch") && f.ends_with("sinds 2015")),
            "{query}: {found:?}"
        );
    }
    assert_eq!(offered("De Friese Meren")[0], "De Friese Meren | gemeente 2014–2015");
    assert_eq!(offered("friese meren")[0], "De Friese Meren | gemeente 2014–2015");
    assert_eq!(offered("Capelle aan den IJssel")[0], "Capelle a/d IJssel (Capelle aan den IJssel) | gemeente");
    assert_eq!(offered("Hattem")[0], "Hatterm (Hattem) | gemeente");
    // In a link too, "aan den" for "a/d" where no later gemeente has the name.
    let (session, notices) = decode(data, "gemeente=Capelle+aan+den+IJssel");
    assert!(notices.is_empty());
    assert_eq!(session.inputs.selection.naam(data), "Capelle a/d IJssel");
}

#[test]
fn a_merged_gemeente_is_one_area_with_the_sum_of_its_figures() {
    let data = Dataset::embedded().expect("the table");
    let (session, _) = decode(data, "gemeente=De+Friese+Meren&wijziging=-10");
    let inputs = &session.inputs;
    let Selection::Later(_) = inputs.selection else { panic!("{:?}", inputs.selection) };
    let outcome = inputs.outcome(data);
    let sum: Figures = inputs.selection.gemeenten(data).iter().map(|&g| *outcome.gemeente(g)).sum();
    assert_eq!(outcome.selection(data, inputs.selection), sum);
    let names: Vec<&str> = inputs.selection.gemeenten(data).iter().map(|&g| data.gemeente(g).naam.as_str()).collect();
    assert_eq!(names, ["Gaasterlân-Sleat", "Lemsterland", "Skarsterlân"]);
    assert_eq!(encode(data, &session), "gemeente=De+Friese+Meren&wijziging=-10");
    // A name 2013 had too needs its year: Alkmaar alone is the Alkmaar of 2013.
    let (alkmaar, _) = decode(data, "gemeente=Alkmaar&indeling=2016");
    assert_eq!(alkmaar.inputs.selection.gemeenten(data).len(), 3);
    assert_eq!(encode(data, &alkmaar), "gemeente=Alkmaar&indeling=2015");
    assert_eq!(decode(data, "gemeente=Alkmaar").0.inputs.selection.gemeenten(data).len(), 1);
}

#[test]
fn an_indeling_that_cannot_be_used_is_said_and_changes_nothing_else() {
    let data = Dataset::embedded().expect("the table");
    for query in ["gemeente=Alkmaar&indeling=vorig+jaar", "regio=Groningen&indeling=2015"] {
        let (session, notices) = decode(data, query);
        assert_eq!(notices.len(), 1, "{query}: {notices:?}");
        assert!(notices[0].to_string().starts_with("‘indeling’ "), "{}", notices[0]);
        assert!(!matches!(session.inputs.selection, Selection::Later(_)), "{query}");
    }
    // A year in which no later gemeente had the name: the 2013 gemeente, which it then was.
    let (session, notices) = decode(data, "gemeente=Groningen&indeling=2015");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(session.inputs.selection, Selection::find(data, Kind::Gemeente, "Groningen").unwrap());
}
