//! The multi-year afbouwpad 2015–2018 (docs/model.md §8).
//!
//! MEE Groningen argued for multi-year agreements; a gradual cut lets natural attrition do
//! work that would otherwise mean redundancies. Each year is computed as §4, against the year
//! before ([`calculate_step`]): what a gemeente bought in 2015 is the "budget" of 2016, and so
//! on. A rise in a year causes no frictiekosten that year (re-hiring is not modelled).
//!
//! The path is given, like the link does (`pad_2016=` …), as the selection's
//! cliëntondersteuning in each later year as a percentage against **2014**; a year left empty
//! stays at the year before.

use rust_decimal::Decimal;

use crate::model::calculation::{Figures, Outcome, calculate_step};
use crate::model::data::{Amounts, Dataset, Line};
use crate::model::params::Parameters;
use crate::model::scenario::{Change, Scenario, ScenarioError};
use crate::model::selection::Selection;

/// The years of the path, 2015 first.
pub const YEARS: [u16; 4] = [2015, 2016, 2017, 2018];

/// The later years' percentages against 2014 (2016, 2017, 2018); `None` = as the year before.
pub type Path = [Option<Decimal>; 3];

/// Inkoop per gemeente for 2015–2018: 2015 is the scenario, each later year starts from the
/// year before and sets the selection's cliëntondersteuning where the path says so.
pub fn years(
    data: &Dataset,
    first: &Scenario,
    selection: Selection,
    path: &Path,
) -> Result<[Scenario; 4], ScenarioError> {
    let mut years = [first.clone(), first.clone(), first.clone(), first.clone()];
    for (i, percent) in path.iter().enumerate() {
        let mut year = years[i].clone();
        if let Some(p) = percent {
            year.apply(data, selection, Line::Co, Change::Percent(*p))?;
        }
        years[i + 1] = year;
    }
    Ok(years)
}

/// Each year against the year before; 2015 against the 2014 budget.
pub fn calculate_path(data: &Dataset, years: &[Scenario; 4], params: &Parameters) -> [Outcome; 4] {
    let budgets: Vec<Amounts> = data.gemeenten.iter().map(|g| g.budget_2014).collect();
    let before = |i: usize| if i == 0 { budgets.as_slice() } else { years[i - 1].inkoop_all() };
    std::array::from_fn(|i| calculate_step(data, before(i), years[i].inkoop_all(), params))
}

/// The selection's figures per year, and their sum over the years (in the sum only the
/// flows mean anything: omzetdaling, fte and frictiekosten; not budget or formatie).
pub fn selection_per_year(data: &Dataset, outcomes: &[Outcome; 4], selection: Selection) -> ([Figures; 4], Figures) {
    let per_year: [Figures; 4] = std::array::from_fn(|i| outcomes[i].selection(data, selection));
    let total = per_year.iter().copied().sum();
    (per_year, total)
}

/// The selection's figures summed over 2015–2018: what the path costs in all.
pub fn total(
    data: &Dataset,
    first: &Scenario,
    selection: Selection,
    path: &Path,
    params: &Parameters,
) -> Result<Figures, ScenarioError> {
    let years = years(data, first, selection, path)?;
    Ok(selection_per_year(data, &calculate_path(data, &years, params), selection).1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::params::ParamKey;
    use crate::model::selection::Kind;
    use crate::model::testing::data;
    use rust_decimal_macros::dec;

    fn mee_groningen() -> Selection {
        Selection::find(data(), Kind::Organisatie, "MEE Groningen").unwrap()
    }

    fn cut(selection: Selection, p: Decimal) -> Scenario {
        let mut s = Scenario::status_quo(data());
        s.apply(data(), selection, Line::Co, Change::Percent(p)).unwrap();
        s
    }

    fn path_total(first: &Scenario, selection: Selection, path: &Path, params: &Parameters) -> Figures {
        total(data(), first, selection, path, params).unwrap()
    }

    #[test]
    fn with_only_2015_set_it_is_the_one_year_model_exactly() {
        let first = cut(mee_groningen(), dec!(-13));
        let years = years(data(), &first, mee_groningen(), &[None; 3]).unwrap();
        let outcomes = calculate_path(data(), &years, &Parameters::default());
        assert_eq!(outcomes[0], calculate(data(), &first, &Parameters::default()));
        let (per_year, total) = selection_per_year(data(), &outcomes, mee_groningen());
        assert!(per_year[1..].iter().all(|f| f.frictiekosten.is_zero() && f.omzetdaling.is_zero()));
        assert_eq!(total.frictiekosten, per_year[0].frictiekosten);
        assert_eq!(total.omzetdaling, dec!(724667.58));
    }

    #[test]
    fn with_verloop_a_gradual_path_costs_less_than_the_same_cut_at_once() {
        let params = Parameters::default().with(ParamKey::Verloop, dec!(3)).unwrap();
        let sel = mee_groningen();
        let at_once = path_total(&cut(sel, dec!(-20)), sel, &[None; 3], &params);
        let gradual =
            path_total(&cut(sel, dec!(-5)), sel, &[Some(dec!(-10)), Some(dec!(-15)), Some(dec!(-20))], &params);
        assert_eq!(gradual.omzetdaling, at_once.omzetdaling, "the same cut in total");
        assert!(
            gradual.frictiekosten < at_once.frictiekosten,
            "{} vs {}",
            gradual.frictiekosten,
            at_once.frictiekosten
        );
        // Without verloop the path only spreads the same costs (to the cent: each year keeps
        // fte to ten decimals before pricing them, which leaves millionths of a euro).
        let none = Parameters::default();
        let cents = |f: Figures| f.frictiekosten.round_dp(2);
        assert_eq!(
            cents(path_total(&cut(sel, dec!(-5)), sel, &[Some(dec!(-10)), Some(dec!(-15)), Some(dec!(-20))], &none)),
            cents(path_total(&cut(sel, dec!(-20)), sel, &[None; 3], &none))
        );
    }

    #[test]
    fn a_rise_in_a_year_costs_nothing_that_year() {
        let sel = mee_groningen();
        let years = years(data(), &cut(sel, dec!(-20)), sel, &[Some(dec!(-10)), Some(dec!(0)), None]).unwrap();
        let (per_year, _) = selection_per_year(data(), &calculate_path(data(), &years, &Parameters::default()), sel);
        assert!(per_year[0].frictiekosten > Decimal::ZERO);
        assert!(per_year[1].frictiekosten.is_zero() && per_year[2].frictiekosten.is_zero());
        assert!(per_year[3].frictiekosten.is_zero(), "2018 stays at 2017");
    }

    #[test]
    fn each_year_counts_formatie_from_the_year_before() {
        let sel = mee_groningen();
        let years = years(data(), &cut(sel, dec!(-10)), sel, &[Some(dec!(-20)), None, None]).unwrap();
        let outcomes = calculate_path(data(), &years, &Parameters::default());
        let (per_year, _) = selection_per_year(data(), &outcomes, sel);
        assert!(per_year[1].formatie_2014 < per_year[0].formatie_2014);
        assert_eq!(per_year[1].budget_2014, per_year[0].inkoop_2015);
    }

    #[test]
    fn a_path_beyond_the_bounds_is_refused() {
        let sel = mee_groningen();
        assert_eq!(
            years(data(), &cut(sel, dec!(-5)), sel, &[Some(dec!(-101)), None, None]).err(),
            Some(ScenarioError::BelowMinus100)
        );
    }
}
