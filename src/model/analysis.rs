//! Analyst tools (docs/model.md §9): how sure the figures are (bandbreedte, tornado) and how far
//! one can go (omgekeerd rekenen).
//!
//! Both recompute the model many times, so they work at organisation level: a selection's
//! share of each organisation's figures is its share of that organisation's `daling`, which
//! does not depend on the parameters; so 32 corners cost 32 × 22 organisation calculations
//! rather than 32 full attributions. (The result equals the attributed figures up to the
//! model's internal precision, 10⁻¹⁰.)

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::{organisation_figures, organisation_totals};
use crate::model::data::{Amounts, Dataset, Line};
use crate::model::params::{ParamKey, Parameters};
use crate::model::scenario::{Change, Scenario};
use crate::model::selection::Selection;

/// The uncertain parameters with their low and high values (docs/model.md §9).
pub const UNCERTAIN: [(ParamKey, Decimal, Decimal); 5] = [
    (ParamKey::FteKosten, dec!(58000), dec!(71000)),
    (ParamKey::MaandenPersoneel, dec!(3), dec!(9)),
    (ParamKey::Huisvesting, dec!(10), dec!(20)),
    (ParamKey::MaandenHuisvesting, dec!(6), dec!(18)),
    (ParamKey::Reserves, dec!(15), dec!(35)),
];

/// Which figure a range, tornado or goal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Frictiekosten,
    Ongedekt,
}

/// The low and high value used for one parameter, around the person's current value: the
/// table's values where the current value lies between them, otherwise the same relative
/// step around the current value (kept within the parameter's range).
pub fn bounds(params: &Parameters) -> [(ParamKey, Decimal, Decimal); 5] {
    UNCERTAIN.map(|(key, low, high)| {
        let (value, default, spec) = (params.get(key), key.spec().default, key.spec());
        if value >= low && value <= high {
            return (key, low, high);
        }
        let (down, up) = (low / default, high / default);
        (key, (value * down).max(spec.min), (value * up).min(spec.max))
    })
}

/// The selection's share of each organisation: its part of the organisation's daling.
pub fn shares(data: &Dataset, scenario: &Scenario, selection: Selection) -> Vec<Decimal> {
    let daling = |g: crate::model::data::GemeenteId| {
        (data.gemeente(g).budget_2014.total() - scenario.inkoop(g).total()).max(Decimal::ZERO)
    };
    data.organisatie_ids()
        .map(|o| {
            let members = &data.organisatie(o).gemeenten;
            let total: Decimal = members.iter().map(|&g| daling(g)).sum();
            if total.is_zero() {
                return Decimal::ZERO;
            }
            let mine: Decimal = members.iter().filter(|&&g| selection.contains(data, g)).map(|&g| daling(g)).sum();
            mine / total
        })
        .collect()
}

/// What a selection's figures at organisation level need, prepared once per scenario: each
/// organisation's totals and the selection's share of it.
struct Prepared {
    totals: Vec<(Amounts, Amounts)>,
    shares: Vec<Decimal>,
}

impl Prepared {
    fn new(data: &Dataset, scenario: &Scenario, selection: Selection) -> Prepared {
        let budgets: Vec<Amounts> = data.gemeenten.iter().map(|g| g.budget_2014).collect();
        Prepared {
            totals: organisation_totals(data, &budgets, scenario.inkoop_all()),
            shares: shares(data, scenario, selection),
        }
    }

    /// The selection's frictiekosten and ongedekt with these parameters.
    fn both(&self, params: &Parameters) -> (Decimal, Decimal) {
        organisation_figures(&self.totals, params)
            .iter()
            .zip(&self.shares)
            .fold((Decimal::ZERO, Decimal::ZERO), |(fk, og), (f, share)| {
                (fk + f.frictiekosten * share, og + f.ongedekt * share)
            })
    }

    fn figure(&self, params: &Parameters, figure: Figure) -> Decimal {
        let (fk, og) = self.both(params);
        if figure == Figure::Frictiekosten { fk } else { og }
    }
}

/// The lowest and highest value of a figure over all 32 combinations of low and high values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
}

/// The range of frictiekosten and of ongedekt for the selection, computed at every corner
/// (not assumed from the direction of each parameter), and including the point itself.
pub fn ranges(data: &Dataset, scenario: &Scenario, selection: Selection, params: &Parameters) -> (Range, Range) {
    let prepared = Prepared::new(data, scenario, selection);
    let bounds = bounds(params);
    let (fk, og) = prepared.both(params);
    let (mut frictiekosten, mut ongedekt) = (Range { low: fk, high: fk }, Range { low: og, high: og });
    for corner in 0..(1u32 << bounds.len()) {
        let mut p = params.clone();
        for (i, (key, lo, hi)) in bounds.iter().enumerate() {
            let _ = p.set(*key, if corner & (1 << i) == 0 { *lo } else { *hi });
        }
        let (fk, og) = prepared.both(&p);
        frictiekosten = Range { low: frictiekosten.low.min(fk), high: frictiekosten.high.max(fk) };
        ongedekt = Range { low: ongedekt.low.min(og), high: ongedekt.high.max(og) };
    }
    (frictiekosten, ongedekt)
}

/// The range of one figure; see [`ranges`].
pub fn range(data: &Dataset, scenario: &Scenario, selection: Selection, params: &Parameters, figure: Figure) -> Range {
    let (fk, og) = ranges(data, scenario, selection, params);
    if figure == Figure::Frictiekosten { fk } else { og }
}

/// How far one parameter alone moves a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swing {
    pub key: ParamKey,
    pub low_value: Decimal,
    pub high_value: Decimal,
    /// The figure with the parameter at its low and at its high value.
    pub at_low: Decimal,
    pub at_high: Decimal,
}

impl Swing {
    pub fn width(&self) -> Decimal {
        (self.at_high - self.at_low).abs()
    }
}

/// The tornado: each uncertain parameter at its low and high value, the others as set,
/// widest swing first.
pub fn tornado(
    data: &Dataset,
    scenario: &Scenario,
    selection: Selection,
    params: &Parameters,
    figure: Figure,
) -> Vec<Swing> {
    let prepared = Prepared::new(data, scenario, selection);
    let swings: Vec<Swing> = bounds(params)
        .into_iter()
        .map(|(key, lo, hi)| {
            let at = |v: Decimal| {
                let mut p = params.clone();
                let _ = p.set(key, v);
                prepared.figure(&p, figure)
            };
            Swing { key, low_value: lo, high_value: hi, at_low: at(lo), at_high: at(hi) }
        })
        .collect();
    let order = crate::model::sort::sorted_positions(swings.len(), &|a, b| swings[b].width().cmp(&swings[a].width()));
    order.into_iter().map(|i| swings[i].clone()).collect()
}

/// The selection's ongedekt with its cliëntondersteuning changed by `p` %.
fn ongedekt_at_cut(
    data: &Dataset,
    scenario: &Scenario,
    selection: Selection,
    params: &Parameters,
    p: Decimal,
) -> Decimal {
    let mut s = scenario.clone();
    let _ = s.apply(data, selection, Line::Co, Change::Percent(p));
    Prepared::new(data, &s, selection).figure(params, Figure::Ongedekt)
}

/// Question 1: the deepest uniform change of cliëntondersteuning for the selection (to
/// 0,01 %) whose ongedekte frictiekosten stay at or below `target`. Checked by recomputing:
/// the answer meets the target and 0,01 % deeper does not (unless the answer is −100 %).
pub fn deepest_cut(
    data: &Dataset,
    scenario: &Scenario,
    selection: Selection,
    params: &Parameters,
    target: Decimal,
) -> Decimal {
    let at = |k: i64| ongedekt_at_cut(data, scenario, selection, params, Decimal::new(k, 2));
    if at(-10_000) <= target {
        return dec!(-100);
    }
    // at(lo) > target, at(hi) <= target; at(0) is 0, the selection then cuts nothing.
    let (mut lo, mut hi) = (-10_000i64, 0i64);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if at(mid) <= target { hi = mid } else { lo = mid }
    }
    Decimal::new(hi, 2)
}

/// The answer to question 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MensVolgtWerk {
    /// The lowest share (to 0,1 %) that keeps ongedekt at or below the target.
    Needed(Decimal),
    /// Even 100 % is not enough: housing costs remain.
    NotEnough { ongedekt_at_100: Decimal },
}

/// Question 2: the lowest `mens_volgt_werk` that keeps the selection's ongedekt at or below
/// `target`, with everything else as set.
pub fn mens_volgt_werk_needed(
    data: &Dataset,
    scenario: &Scenario,
    selection: Selection,
    params: &Parameters,
    target: Decimal,
) -> MensVolgtWerk {
    let prepared = Prepared::new(data, scenario, selection);
    let at = |tenths: i64| {
        let mut p = params.clone();
        let _ = p.set(ParamKey::MensVolgtWerk, Decimal::new(tenths, 1));
        prepared.figure(&p, Figure::Ongedekt)
    };
    let full = at(1000);
    if full > target {
        return MensVolgtWerk::NotEnough { ongedekt_at_100: full };
    }
    if at(0) <= target {
        return MensVolgtWerk::Needed(Decimal::ZERO);
    }
    let (mut lo, mut hi) = (0i64, 1000i64);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if at(mid) <= target { hi = mid } else { lo = mid }
    }
    MensVolgtWerk::Needed(Decimal::new(hi, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::selection::Kind;
    use crate::model::testing::data;

    fn groningen() -> Selection {
        Selection::find(data(), Kind::Gemeente, "Groningen").unwrap()
    }

    fn cut(selection: Selection, p: Decimal) -> Scenario {
        let mut s = Scenario::status_quo(data());
        s.apply(data(), selection, Line::Co, Change::Percent(p)).unwrap();
        s
    }

    #[test]
    fn quick_equals_the_attributed_figures() {
        let s = cut(groningen(), dec!(-13));
        let p = Parameters::default();
        let full = calculate(data(), &s, &p).selection(data(), groningen());
        let fast = Prepared::new(data(), &s, groningen()).figure(&p, Figure::Frictiekosten);
        assert!((full.frictiekosten - fast).abs() < dec!(0.000001));
    }

    #[test]
    fn the_range_contains_the_point_and_spans_the_uncertainty() {
        let s = cut(groningen(), dec!(-13));
        let r = range(data(), &s, groningen(), &Parameters::default(), Figure::Frictiekosten);
        assert!(r.low < dec!(162019) && dec!(162018) < r.high, "{r:?}");
        // Lowest: 3 months personnel, 10 % housing for 6 months: 249.260 × (3/12 + 0,10 × 6/12).
        assert_eq!(r.low.round(), dec!(74778));
        // Highest: 9 months, 20 % for 18 months: 249.260 × (9/12 + 0,20 × 18/12).
        assert_eq!(r.high.round(), dec!(261723));
    }

    #[test]
    fn the_range_collapses_when_low_equals_high() {
        // A selection that cuts nothing has nothing to be uncertain about.
        let r = range(data(), &Scenario::status_quo(data()), groningen(), &Parameters::default(), Figure::Ongedekt);
        assert_eq!(r.low, r.high);
    }

    #[test]
    fn bounds_follow_a_value_outside_the_table_by_the_same_relative_step() {
        let p = Parameters::default().with(ParamKey::MaandenPersoneel, dec!(12)).unwrap();
        let b = bounds(&p);
        assert_eq!(b[1], (ParamKey::MaandenPersoneel, dec!(6), dec!(18)));
        assert_eq!(b[0], (ParamKey::FteKosten, dec!(58000), dec!(71000)), "inside the table: the table");
    }

    #[test]
    fn the_tornado_is_sorted_by_swing_and_fte_kosten_does_not_move_frictiekosten() {
        let s = cut(groningen(), dec!(-13));
        let t = tornado(data(), &s, groningen(), &Parameters::default(), Figure::Frictiekosten);
        assert!(t.windows(2).all(|w| w[0].width() >= w[1].width()));
        assert_eq!(t[0].key, ParamKey::MaandenPersoneel);
        // Formation and fte lost both scale with 1/fte_kosten: the cost per fte cancels out.
        let fte = t.iter().find(|s| s.key == ParamKey::FteKosten).unwrap();
        assert!(fte.width() < dec!(0.01));
        let reserves = t.iter().find(|s| s.key == ParamKey::Reserves).unwrap();
        assert!(reserves.width().is_zero(), "reserves split frictiekosten, they do not change them");
    }

    #[test]
    fn deepest_cut_verifies_itself() {
        let (s, p, target) = (Scenario::status_quo(data()), Parameters::default(), dec!(50000));
        let answer = deepest_cut(data(), &s, groningen(), &p, target);
        let at = |pct: Decimal| {
            let mut t = s.clone();
            t.apply(data(), groningen(), Line::Co, Change::Percent(pct)).unwrap();
            calculate(data(), &t, &p).selection(data(), groningen()).ongedekt
        };
        assert!(at(answer) <= target, "{answer}: {}", at(answer));
        assert!(at(answer - dec!(0.01)) > target);
        assert_eq!(deepest_cut(data(), &s, groningen(), &p, dec!(10000000)), dec!(-100));
    }

    #[test]
    fn mens_volgt_werk_needed_or_not_enough() {
        let s = cut(groningen(), dec!(-13));
        let p = Parameters::default();
        // Housing alone: 37.389 × 75 % = 28.042 uncovered; a target below that cannot be met.
        match mens_volgt_werk_needed(data(), &s, groningen(), &p, dec!(20000)) {
            MensVolgtWerk::NotEnough { ongedekt_at_100 } => assert_eq!(ongedekt_at_100.round(), dec!(28042)),
            other => panic!("{other:?}"),
        }
        let MensVolgtWerk::Needed(share) = mens_volgt_werk_needed(data(), &s, groningen(), &p, dec!(100000)) else {
            panic!("reachable")
        };
        let check = |mvw: Decimal| {
            let p = Parameters::default().with(ParamKey::MensVolgtWerk, mvw).unwrap();
            calculate(data(), &s, &p).selection(data(), groningen()).ongedekt
        };
        assert!(check(share) <= dec!(100000) && check(share - dec!(0.1)) > dec!(100000), "{share}");
        assert_eq!(
            mens_volgt_werk_needed(data(), &s, groningen(), &p, dec!(1000000)),
            MensVolgtWerk::Needed(Decimal::ZERO)
        );
    }
}
