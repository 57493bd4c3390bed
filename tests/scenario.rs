//! Setting the 2015 inkoop for a selection: by percentage, by total, per gemeente.

// Tests may sort as they like; the wasm is what clippy.toml keeps to one sort.
#![allow(clippy::disallowed_methods)]

use mee_frictiekosten::model::data::Line;
use mee_frictiekosten::model::scenario::{Change, MAX_AMOUNT, Scenario, ScenarioError};
use mee_frictiekosten::model::selection::{Kind, Selection};
use mee_frictiekosten::model::testing::{data, find};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[test]
fn a_percentage_applies_to_every_gemeente_of_the_selection_exactly() {
    let d = data();
    let regio = find(Kind::Jeugdregio, "Groningen");
    let mut s = Scenario::status_quo(d);
    s.apply(d, regio, Line::Co, Change::Percent(dec!(-13))).unwrap();
    for g in d.gemeente_ids() {
        let b = d.gemeente(g).budget_2014;
        let expected_co = if regio.contains(d, g) { b.co * dec!(0.87) } else { b.co };
        assert_eq!(s.inkoop(g).co, expected_co, "{}", d.gemeente(g).naam);
        assert_eq!(s.inkoop(g).ivh, b.ivh, "ivh untouched");
    }
    assert_eq!(s.percent_of(d, regio, Line::Co), Some(dec!(-13)));
    assert_eq!(s.percent_of(d, regio, Line::Ivh), Some(dec!(0)));
}

#[test]
fn a_total_is_divided_pro_rata_to_the_cent_and_adds_up() {
    let d = data();
    let mee = find(Kind::Organisatie, "MEE Groningen");
    let mut s = Scenario::status_quo(d);
    s.apply(d, mee, Line::Co, Change::Total(dec!(5000000))).unwrap();
    assert_eq!(s.inkoop_of(d, mee).co, dec!(5000000));
    let budget: Decimal = mee.gemeenten(d).iter().map(|&g| d.gemeente(g).budget_2014.co).sum();
    for g in mee.gemeenten(d) {
        let share = dec!(5000000) * d.gemeente(g).budget_2014.co / budget;
        let part = s.inkoop(g).co;
        assert!(part.scale() <= 2, "whole cents");
        assert!((part - share).abs() < dec!(0.01), "{} vs {}", part, share);
    }
}

#[test]
fn a_total_with_fractions_of_a_cent_is_rounded_to_the_cent() {
    let d = data();
    let groningen = find(Kind::Gemeente, "Groningen");
    let mut s = Scenario::status_quo(d);
    s.apply(d, groningen, Line::Ivh, Change::Total(dec!(1000.005))).unwrap();
    assert_eq!(s.inkoop_of(d, groningen).ivh, dec!(1000.01));
}

#[test]
fn refused_changes_leave_the_scenario_as_it_was() {
    let d = data();
    let groningen = find(Kind::Gemeente, "Groningen");
    let mut s = Scenario::status_quo(d);
    s.apply(d, groningen, Line::Co, Change::Percent(dec!(-5))).unwrap();
    let before = s.clone();
    let cases = [
        (Change::Percent(dec!(-100.01)), ScenarioError::BelowMinus100),
        (Change::Percent(dec!(1000.5)), ScenarioError::AboveMaxPercent),
        (Change::Total(dec!(-1)), ScenarioError::NegativeAmount),
        (Change::Total(MAX_AMOUNT + dec!(1)), ScenarioError::AboveMaxAmount),
    ];
    for (change, error) in cases {
        assert_eq!(s.apply(d, groningen, Line::Co, change), Err(error));
        assert_eq!(s, before);
    }
    let g = groningen.gemeenten(d)[0];
    assert_eq!(s.set_gemeente(d, g, Line::Co, dec!(-0.01)), Err(ScenarioError::NegativeAmount));
    assert_eq!(s, before);
    assert!(ScenarioError::BelowMinus100.to_string().starts_with("Een daling van meer dan 100% kan niet"));
}

#[test]
fn an_amount_above_plus_1000_percent_is_refused_like_a_percentage() {
    let d = data();
    let groningen = find(Kind::Gemeente, "Groningen");
    let mut s = Scenario::status_quo(d);
    let eleven_times = dec!(1917382) * dec!(11); // Groningen co 2014 + 1000 %
    assert_eq!(s.apply(d, groningen, Line::Co, Change::Total(eleven_times)), Ok(()));
    let before = s.clone();
    assert_eq!(
        s.apply(d, groningen, Line::Co, Change::Total(eleven_times + dec!(0.01))),
        Err(ScenarioError::AboveMaxRise)
    );
    let Selection::Gemeente(g) = groningen else { unreachable!() };
    assert_eq!(s.set_gemeente(d, g, Line::Co, eleven_times + dec!(1)), Err(ScenarioError::AboveMaxRise));
    assert_eq!(s, before);
}

#[test]
fn the_limits_themselves_are_allowed() {
    let d = data();
    let mut s = Scenario::status_quo(d);
    s.apply(d, Selection::Nederland, Line::Co, Change::Percent(dec!(-100))).unwrap();
    assert_eq!(s.inkoop_of(d, Selection::Nederland).co, Decimal::ZERO);
    let most = d.total_2014().co * dec!(11);
    s.apply(d, Selection::Nederland, Line::Co, Change::Total(most)).unwrap();
    assert_eq!(s.inkoop_of(d, Selection::Nederland).co, most);
}

#[test]
fn finds_selections_ignoring_case_and_diacritics() {
    let d = data();
    let sudwest = find(Kind::Gemeente, "sudwest fryslan");
    assert_eq!(sudwest.naam(d), "Súdwest Fryslân");
    assert_eq!(find(Kind::Organisatie, "MEE UTRECHT GOOI & VECHT").naam(d), "MEE Utrecht Gooi & Vecht");
    assert_eq!(find(Kind::Jeugdregio, " gooi- en vechtstreek ").naam(d), "Gooi- en Vechtstreek");
    assert_eq!(Selection::find(d, Kind::Gemeente, "Atlantis"), None);
    assert_eq!(Selection::find(d, Kind::Gemeente, "MEE Groningen"), None, "kinds are not mixed");
}

#[test]
fn finds_gemeenten_by_their_other_names_and_without_qualifier() {
    let d = data();
    let naam = |text: &str| Selection::find(d, Kind::Gemeente, text).map(|s| s.naam(d).to_string());
    assert_eq!(naam("Súdwest-Fryslân").as_deref(), Some("Súdwest Fryslân"));
    assert_eq!(naam("'s-Hertogenbosch").as_deref(), Some("Den Bosch"));
    assert_eq!(naam("s-Gravenhage").as_deref(), Some("Den Haag"));
    assert_eq!(naam("Grootegast").as_deref(), Some("Groote gast"));
    assert_eq!(naam("Hengelo").as_deref(), Some("Hengelo (O.)"));
    assert_eq!(naam("Bergen"), None, "two gemeenten are called Bergen");
    assert_eq!(naam(" - "), None);
}

#[test]
fn compact_names_are_unique_within_each_kind() {
    let d = data();
    for names in [
        d.gemeenten.iter().map(|g| g.compact.as_str()).collect::<Vec<_>>(),
        d.jeugdregios.iter().map(|r| r.compact.as_str()).collect(),
        d.organisaties.iter().map(|o| o.compact.as_str()).collect(),
    ] {
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
    }
    for (alias, naam) in mee_frictiekosten::model::data::ALIASES {
        assert!(d.gemeenten.iter().any(|g| g.naam == naam), "{alias} points at {naam}, which is in the table");
    }
}
