//! The calculation against docs/model.md §4 and §6, on the real 2014 table.

use mee_frictiekosten::model::calculation::{Figures, calculate};
use mee_frictiekosten::model::data::{GemeenteId, Line};
use mee_frictiekosten::model::params::{ParamKey, Parameters};
use mee_frictiekosten::model::scenario::{Change, Scenario};
use mee_frictiekosten::model::selection::{Kind, Selection};
use mee_frictiekosten::model::testing::{data, find};
use mee_frictiekosten::text::format::{euro, fte, percent};
use mee_frictiekosten::view::figures::ROWS;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn figures_for(scenario: &Scenario, params: &Parameters, selection: Selection) -> Figures {
    calculate(data(), scenario, params).selection(data(), selection)
}

fn cut(selection: Selection, line: Line, percent: Decimal) -> Scenario {
    let mut s = Scenario::status_quo(data());
    s.apply(data(), selection, line, Change::Percent(percent)).unwrap();
    s
}

/// The display texts of the eleven `data-testid` figures, as the page lists them.
fn shown(f: &Figures) -> Vec<String> {
    ROWS.iter().map(|row| row.shown(f)).collect()
}

#[test]
fn status_quo_costs_nothing() {
    let f = figures_for(&Scenario::status_quo(data()), &Parameters::default(), Selection::Nederland);
    assert_eq!(f.budget_2014, f.inkoop_2015);
    assert_eq!(f.omzetdaling, Decimal::ZERO);
    assert_eq!(f.frictiekosten, Decimal::ZERO);
    assert_eq!(fte(f.formatie_2014), "2.800,0");
}

#[test]
fn calibration_monitor_1_december_2014() {
    // Every gemeente's co and ivh cut by the percentage that makes the national
    // omzetdaling € 32.000.000.
    let total = data().total_2014().total();
    let p = dec!(-3_200_000_000) / total;
    assert_eq!(percent(p), "−17,73%");
    let mut s = Scenario::status_quo(data());
    for line in Line::ALL {
        s.apply(data(), Selection::Nederland, line, Change::Percent(p)).unwrap();
    }
    let f = figures_for(&s, &Parameters::default(), Selection::Nederland);
    assert_eq!(euro(f.omzetdaling), "€\u{a0}32.000.000");
    assert_eq!(fte(f.formatie_2014), "2.800,0");
    assert_eq!(fte(f.fte_verlies), "496,5");
    assert_eq!(percent(f.fte_verlies / f.formatie_2014 * dec!(100)).replace(',', "."), "17.73%");
    assert_eq!(euro(f.frictiekosten), "€\u{a0}20.800.000");
    assert_eq!(euro(f.dekking_reserves), "€\u{a0}5.200.000");
    assert_eq!(euro(f.ongedekt), "€\u{a0}15.600.000");
}

#[test]
fn worked_example_gemeente_groningen_variant_2() {
    let groningen = find(Kind::Gemeente, "Groningen");
    let s = cut(groningen, Line::Co, dec!(-13));
    let f = figures_for(&s, &Parameters::default(), groningen);
    assert_eq!(
        shown(&f),
        [
            "€\u{a0}1.939.746", // budget 2014
            "€\u{a0}1.690.486", // inkoop 2015
            "30,1",             // formatie 2014: 1.939.746 / 64.454
            "€\u{a0}249.260",   // omzetdaling
            "3,9",              // fte verlies
            "3,9",              // fte boventallig
            "€\u{a0}124.630",   // frictiekosten personeel
            "€\u{a0}37.389",    // frictiekosten huisvesting
            "€\u{a0}162.019",   // frictiekosten
            "€\u{a0}40.505",    // dekking uit reserves
            "€\u{a0}121.514",   // ongedekt
        ]
    );
}

#[test]
fn worked_example_all_of_mee_groningen_minus_13() {
    let mee = find(Kind::Organisatie, "mee groningen");
    let f = figures_for(&cut(mee, Line::Co, dec!(-13)), &Parameters::default(), mee);
    assert_eq!(euro(f.omzetdaling), "€\u{a0}724.668");
    assert_eq!(fte(f.formatie_2014), "87,5");
    assert_eq!(euro(f.frictiekosten), "€\u{a0}471.034");
}

#[test]
fn a_jeugdregio_spanning_two_organisations_is_split() {
    let d = data();
    let regio = find(Kind::Jeugdregio, "West-Brabant-Oost");
    let s = cut(regio, Line::Co, dec!(-10));
    let outcome = calculate(d, &s, &Parameters::default());
    let split = outcome.split_per_organisatie(d, regio);
    let names: Vec<&str> = split.iter().map(|(o, _)| d.organisatie(*o).naam.as_str()).collect();
    assert_eq!(names, ["MEE Plus", "MEE West-Brabant"]);
    let total = outcome.selection(d, regio);
    let summed: Figures = split.iter().map(|(_, f)| *f).sum();
    assert_eq!(summed, total);
    // Only the regio's gemeenten cut, so each organisation's frictiekosten come from it:
    // the regio's share of each organisation is that organisation's whole frictiekosten.
    for (o, part) in &split {
        assert_eq!(part.frictiekosten, outcome.organisatie(*o).frictiekosten);
        assert!(part.frictiekosten > Decimal::ZERO);
    }
    // 10 % of the regio's co budget, at 6/12 personnel + 15 % housing: 65 % of omzetdaling.
    let daling = total.budget_2014.co * dec!(0.10);
    assert_eq!(euro(total.frictiekosten), euro(daling * dec!(0.65)));
}

#[test]
fn a_rise_in_one_gemeente_offsets_a_drop_in_another_of_the_same_organisation() {
    let d = data();
    let groningen = find(Kind::Gemeente, "Groningen");
    let haren = find(Kind::Gemeente, "Haren");
    assert_eq!(d.gemeente(gemeente_id("Haren")).organisatie, d.gemeente(gemeente_id("Groningen")).organisatie);
    let mut s = cut(groningen, Line::Co, dec!(-13));
    let drop = figures_for(&s, &Parameters::default(), groningen);
    // Haren buys € 100.000 more than in 2014.
    let haren_2014 = d.gemeente(gemeente_id("Haren")).budget_2014.co;
    s.set_gemeente(data(), gemeente_id("Haren"), Line::Co, haren_2014 + dec!(100000)).unwrap();
    let outcome = calculate(d, &s, &Parameters::default());
    let mee = outcome.selection(d, find(Kind::Organisatie, "MEE Groningen"));
    assert_eq!(mee.omzetdaling, drop.omzetdaling - dec!(100000));
    assert!(mee.frictiekosten < drop.frictiekosten);
    // Haren cut nothing, so none of it is attributed to Haren; all of it to Groningen.
    assert_eq!(outcome.selection(d, haren).frictiekosten, Decimal::ZERO);
    assert_eq!(outcome.selection(d, groningen).frictiekosten, mee.frictiekosten);
    // A rise in another organisation does not help.
    let mut other = cut(groningen, Line::Co, dec!(-13));
    other.apply(d, find(Kind::Gemeente, "Assen"), Line::Co, Change::Percent(dec!(50))).unwrap();
    assert_eq!(figures_for(&other, &Parameters::default(), groningen), drop);
}

fn gemeente_id(naam: &str) -> GemeenteId {
    match find(Kind::Gemeente, naam) {
        Selection::Gemeente(g) => g,
        other => panic!("not a gemeente: {other:?}"),
    }
}

#[test]
fn mens_volgt_werk_100_percent_leaves_no_personnel_frictiekosten() {
    let groningen = find(Kind::Gemeente, "Groningen");
    let params = Parameters::default().with(ParamKey::MensVolgtWerk, dec!(100)).unwrap();
    let f = figures_for(&cut(groningen, Line::Co, dec!(-13)), &params, groningen);
    assert_eq!(f.fte_boventallig, Decimal::ZERO);
    assert_eq!(f.frictiekosten_personeel, Decimal::ZERO);
    assert_eq!(f.fte_mens_volgt_werk, f.fte_verlies);
    assert_eq!(euro(f.frictiekosten), "€\u{a0}37.389", "housing costs remain");
}

#[test]
fn verloop_large_enough_absorbs_every_lost_fte() {
    let mee = find(Kind::Organisatie, "MEE Groningen");
    let s = cut(mee, Line::Co, dec!(-13));
    // 13 % of co is 12,8 % of the formation; 13 % verloop absorbs it all.
    let params = Parameters::default().with(ParamKey::Verloop, dec!(13)).unwrap();
    let f = figures_for(&s, &params, mee);
    assert_eq!(f.fte_verloop, f.fte_verlies);
    assert_eq!(f.fte_boventallig, Decimal::ZERO);
    assert_eq!(f.frictiekosten_personeel, Decimal::ZERO);
    // 5 % verloop absorbs 5 % of the formation, not more.
    let params = Parameters::default().with(ParamKey::Verloop, dec!(5)).unwrap();
    let f = figures_for(&s, &params, mee);
    assert_eq!(fte(f.fte_verloop), fte(f.formatie_2014 * dec!(0.05)));
    assert_eq!(fte(f.fte_boventallig), fte(f.fte_verlies - f.formatie_2014 * dec!(0.05)));
}

#[test]
fn parameters_at_zero() {
    let groningen = find(Kind::Gemeente, "Groningen");
    let s = cut(groningen, Line::Co, dec!(-13));
    let zero = |key| Parameters::default().with(key, Decimal::ZERO).unwrap();

    let f = figures_for(&s, &zero(ParamKey::MaandenPersoneel), groningen);
    assert_eq!((f.frictiekosten_personeel, euro(f.frictiekosten)), (Decimal::ZERO, "€\u{a0}37.389".into()));
    assert_eq!(fte(f.fte_boventallig), "3,9", "staff still redundant, only free of cost");

    let f = figures_for(&s, &zero(ParamKey::Huisvesting), groningen);
    assert_eq!((f.frictiekosten_huisvesting, euro(f.frictiekosten)), (Decimal::ZERO, "€\u{a0}124.630".into()));

    let f = figures_for(&s, &zero(ParamKey::MaandenHuisvesting), groningen);
    assert_eq!(f.frictiekosten_huisvesting, Decimal::ZERO);

    let f = figures_for(&s, &zero(ParamKey::Reserves), groningen);
    assert_eq!((f.dekking_reserves, f.ongedekt), (Decimal::ZERO, f.frictiekosten));

    let all_zero =
        [ParamKey::MaandenPersoneel, ParamKey::Huisvesting, ParamKey::MaandenHuisvesting, ParamKey::Reserves]
            .into_iter()
            .fold(Parameters::default(), |p, k| p.with(k, Decimal::ZERO).unwrap());
    let f = figures_for(&s, &all_zero, groningen);
    assert_eq!(f.frictiekosten, Decimal::ZERO);
    assert_eq!(euro(f.omzetdaling), "€\u{a0}249.260", "the loss of turnover does not depend on them");

    assert!(Parameters::default().with(ParamKey::FteKosten, Decimal::ZERO).is_err(), "no division by zero");
}

#[test]
fn reserves_100_percent_leaves_nothing_uncovered_anywhere() {
    let d = data();
    let params = Parameters::default().with(ParamKey::Reserves, dec!(100)).unwrap();
    let s = cut(Selection::Nederland, Line::Co, dec!(-20));
    let outcome = calculate(d, &s, &params);
    for g in d.gemeente_ids() {
        assert_eq!(outcome.gemeente(g).ongedekt, Decimal::ZERO, "{}", d.gemeente(g).naam);
    }
}

#[test]
fn niets_bij_mee_inkopen_costs_the_most() {
    let mut s = Scenario::status_quo(data());
    for line in Line::ALL {
        s.apply(data(), Selection::Nederland, line, Change::Percent(dec!(-100))).unwrap();
    }
    let f = figures_for(&s, &Parameters::default(), Selection::Nederland);
    assert_eq!(f.inkoop_2015.total(), Decimal::ZERO);
    assert_eq!(euro(f.omzetdaling), "€\u{a0}180.471.725");
    assert_eq!(euro(f.frictiekosten), euro(dec!(180471725) * dec!(0.65)));
}
