//! A scenario described the way a person builds it: one change for all of Nederland, one
//! for the chosen area, and the gemeenten that have an amount of their own.
//!
//! A scenario holds 816 amounts; a link, a comparison or the "Ook gewijzigd" list needs the
//! few decisions behind them. [`Layers::of`] finds them: per budget line the percentage most
//! gemeenten outside the area share (the landelijk layer), the area's own change over it
//! (a percentage, or a total divided pro rata), and every gemeente whose amount neither
//! gives. [`Layers::rebuild`] is the exact inverse: it gives back the same scenario to the
//! last decimal, which is what makes a link short *and* exact. "Landelijk beeld, then
//! Groningen" is then two percentages instead of 407 amounts.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::apportion::apportion;
use crate::model::data::{Dataset, GemeenteId, Line};
use crate::model::scenario::{Change, Scenario, ScenarioError};
use crate::model::selection::Selection;

/// Looking for a pro-rata total costs a sort and a few divisions; it is worth it only when a
/// percentage would leave more gemeenten than this with amounts of their own.
const WORTH_A_TOTAL: usize = 12;

/// Per budget line, indexed like [`Line::ALL`].
pub type PerLine<T> = [T; 2];

fn index(line: Line) -> usize {
    match line {
        Line::Co => 0,
        Line::Ivh => 1,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layers {
    /// A change for every gemeente of Nederland, applied first: a percentage, or a total
    /// divided pro rata over all of Nederland.
    pub landelijk: PerLine<Option<Change>>,
    /// The area's change, applied over the landelijk layer.
    pub area: PerLine<Option<Change>>,
    /// Gemeenten whose amount the two layers do not give: per line the amount, or `None`
    /// where the layers give it. In alphabetical order.
    pub own: Vec<(GemeenteId, PerLine<Option<Decimal>>)>,
}

/// The percentage that turns `budget` into `amount`, if one does exactly in ten decimals
/// and within the bounds a change accepts (a total can imply more than +1000 %).
pub fn exact_percentage(budget: Decimal, amount: Decimal) -> Option<Decimal> {
    if budget.is_zero() {
        return None;
    }
    let p = ((amount / budget - Decimal::ONE) * dec!(100)).normalize();
    let exact = p.scale() <= 10 && budget * (Decimal::ONE + p / dec!(100)) == amount;
    (exact && Change::Percent(p).validate().is_ok()).then_some(p)
}

fn apply_percent(budget: Decimal, p: Decimal) -> Decimal {
    budget * (Decimal::ONE + p / dec!(100))
}

/// The candidate that leaves the fewest gemeenten with an amount of their own: `keep`
/// (the amounts as they are, counted in `fitting_keep`) or one of the percentages. Ties
/// go to keeping, then to the smallest change; a percentage only one gemeente has is
/// written with that gemeente instead.
fn most_common(percentages: Vec<Decimal>, fitting_keep: usize) -> Option<(Decimal, usize)> {
    let order = crate::model::sort::sorted_positions(percentages.len(), &|a, b| percentages[a].cmp(&percentages[b]));
    let sorted: Vec<Decimal> = order.into_iter().map(|i| percentages[i]).collect();
    let best = sorted
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.abs().cmp(&a.0.abs())));
    best.filter(|&(_, n)| n > fitting_keep && n >= 2)
}

/// The better of a percentage and a total, each with how many gemeenten it fits: the
/// one that fits more, the percentage on a tie (it reads more easily).
fn better(percent: Option<(Decimal, usize)>, total: Option<(Decimal, usize)>) -> Option<Change> {
    match (percent, total) {
        (Some((_, p)), Some((t, n))) if n > p => Some(Change::Total(t)),
        (Some((p, _)), _) => Some(Change::Percent(p)),
        (None, total) => total.map(|(t, _)| Change::Total(t)),
    }
}

impl Layers {
    /// The layers of a scenario, seen from a selection (what is inside it and what is not).
    pub fn of(data: &Dataset, scenario: &Scenario, selection: Selection) -> Layers {
        let inside: Vec<bool> = data.gemeente_ids().map(|g| selection.contains(data, g)).collect();
        let mut layers = Layers { landelijk: [None; 2], area: [None; 2], own: Vec::new() };
        let mut rebuilt = Scenario::status_quo(data);
        for line in Line::ALL {
            let budget = |g: GemeenteId| data.gemeente(g).budget_2014.get(line);
            let amount = |g: GemeenteId| scenario.inkoop(g).get(line);
            // Landelijk: only meaningful when there is an outside.
            if selection != Selection::Nederland {
                let outside: Vec<GemeenteId> =
                    data.gemeente_ids().filter(|g| !inside[g.index()] && !budget(*g).is_zero()).collect();
                let (mut unchanged, mut changed) = (0, Vec::new());
                for &g in &outside {
                    match exact_percentage(budget(g), amount(g)) {
                        Some(p) if p.is_zero() => unchanged += 1,
                        Some(p) => changed.push(p),
                        None => {}
                    }
                }
                let percent = most_common(changed, unchanged);
                // Not nearly all by one percentage: a total for Nederland divided pro rata,
                // seen from a smaller area?
                let fitting = percent.map_or(unchanged, |(_, n)| n.max(unchanged));
                let total = (outside.len() - fitting > WORTH_A_TOTAL)
                    .then(|| {
                        let budgets: Vec<Decimal> = data.gemeente_ids().map(budget).collect();
                        let checked: Vec<(usize, Decimal)> = outside.iter().map(|&g| (g.index(), amount(g))).collect();
                        best_total(&budgets, &checked).filter(|&(_, n)| n > unchanged)
                    })
                    .flatten();
                if let Some(change) = better(percent, total)
                    && rebuilt.apply(data, Selection::Nederland, line, change).is_ok()
                {
                    layers.landelijk[index(line)] = Some(change);
                }
            }
            if let Some(change) = area_change(data, scenario, &rebuilt, selection, line)
                && rebuilt.apply(data, selection, line, change).is_ok()
            {
                layers.area[index(line)] = Some(change);
            }
        }
        for g in data.gemeente_ids() {
            let (want, have) = (scenario.inkoop(g), rebuilt.inkoop(g));
            if want != have {
                let field = |line: Line| (want.get(line) != have.get(line)).then(|| want.get(line));
                layers.own.push((g, [field(Line::Co), field(Line::Ivh)]));
            }
        }
        layers
    }

    /// The scenario the layers describe, for the selection they were made for. `Err` only
    /// for layers that did not come from [`Layers::of`] (a link written by hand).
    pub fn rebuild(&self, data: &Dataset, selection: Selection) -> Result<Scenario, ScenarioError> {
        let mut scenario = Scenario::status_quo(data);
        for line in Line::ALL {
            if let Some(change) = self.landelijk[index(line)] {
                scenario.apply(data, Selection::Nederland, line, change)?;
            }
            if let Some(change) = self.area[index(line)] {
                scenario.apply(data, selection, line, change)?;
            }
        }
        for (g, amounts) in &self.own {
            for line in Line::ALL {
                if let Some(amount) = amounts[index(line)] {
                    scenario.set_gemeente(data, *g, line, amount)?;
                }
            }
        }
        Ok(scenario)
    }

    /// How many gemeenten inside the selection have an amount of their own on this line.
    pub fn own_amounts_in(&self, data: &Dataset, selection: Selection, line: Line) -> usize {
        self.own.iter().filter(|(g, amounts)| selection.contains(data, *g) && amounts[index(line)].is_some()).count()
    }
}

/// The total that, divided pro rata to `budgets` (`apportion`, to the cent), gives the
/// most of the `checked` parts (index into `budgets`, amount) exactly, with how many.
///
/// The division gives each part its exact share truncated to the cent, or one cent more, so
/// each amount `a` of a budget `b` pins the total `T` (of all budgets `B`) to
/// `(a − 1 ct)·B/b ≤ T < (a + 1 ct)·B/b`. Parts set by the same total have overlapping
/// intervals; parts edited afterwards lie elsewhere. The region most intervals share holds a
/// few whole-cent candidates, and each is checked by dividing. In whole cents (`i128`): the
/// budgets are whole euros, and a total must be whole cents to be divided.
fn best_total(budgets: &[Decimal], checked: &[(usize, Decimal)]) -> Option<(Decimal, usize)> {
    let cents = |d: Decimal| (d.scale() <= 2).then(|| d.mantissa() * 10i128.pow(2 - d.scale()));
    let weights: Vec<i128> = budgets.iter().map(|&b| cents(b)).collect::<Option<_>>()?;
    let sum: i128 = weights.iter().sum();
    // Interval ends in cents: (position, +1 for a start, −1 for an end).
    let mut ends: Vec<(i128, i32)> = Vec::with_capacity(checked.len() * 2);
    for &(i, amount) in checked {
        // An amount in fractions of a cent is no share of a total: it does not vote.
        let (Some(a), b) = (cents(amount), weights[i]) else { continue };
        if b > 0 {
            // Ceiling of the low end, ceiling of the (exclusive) high end.
            ends.push((((a - 1) * sum).div_euclid(b) + i128::from(((a - 1) * sum).rem_euclid(b) != 0), 1));
            ends.push((((a + 1) * sum).div_euclid(b) + i128::from(((a + 1) * sum).rem_euclid(b) != 0), -1));
        }
    }
    // Ends before starts at the same position: the intervals are half-open.
    let order = crate::model::sort::sorted_positions(ends.len(), &|a, b| ends[a].cmp(&ends[b]));
    let (mut depth, mut best, mut region) = (0, 0, None);
    for (k, &i) in order.iter().enumerate() {
        depth += ends[i].1;
        if depth > best {
            best = depth;
            region = order.get(k + 1).map(|&j| (ends[i].0, ends[j].0));
        }
    }
    let (first, end) = region?;
    // A division by one total leaves a few candidates; a wide region is not one.
    if best < 2 || end - first > 200 {
        return None;
    }
    let weights = crate::model::apportion::Weights::new(budgets)?;
    let mut found: Option<(Decimal, usize)> = None;
    for total in (first..end).map(|c| Decimal::from_i128_with_scale(c, 2)) {
        if let Some(parts) = weights.apportion(total, 2) {
            let matching = checked.iter().filter(|&&(i, amount)| parts[i] == amount).count();
            if found.is_none_or(|(_, n)| matching > n) {
                found = Some((total, matching));
            }
        }
    }
    found.filter(|&(t, n)| n >= 2 && Change::Total(t).validate().is_ok())
}

/// How the area's amounts on a line are best described over what the layers so far give
/// (`have`): `None` when they already match, else the change that leaves the fewest
/// gemeenten with an amount of their own.
fn area_change(data: &Dataset, want: &Scenario, have: &Scenario, selection: Selection, line: Line) -> Option<Change> {
    let members = selection.gemeenten(data);
    let budgets: Vec<Decimal> = members.iter().map(|&g| data.gemeente(g).budget_2014.get(line)).collect();
    let amounts: Vec<Decimal> = members.iter().map(|&g| want.inkoop(g).get(line)).collect();
    let matching = members.iter().zip(&amounts).filter(|&(&g, a)| have.inkoop(g).get(line) == *a).count();
    if matching == members.len() {
        return None;
    }
    // Cheap checks first: the first gemeente's percentage for all, then a pro-rata total.
    let uniform = budgets
        .iter()
        .position(|b| !b.is_zero())
        .and_then(|i| exact_percentage(budgets[i], amounts[i]))
        .filter(|&p| budgets.iter().zip(&amounts).all(|(&b, &a)| apply_percent(b, p) == a));
    if let Some(p) = uniform {
        return Some(Change::Percent(p));
    }
    let total: Decimal = amounts.iter().sum();
    if total.scale() <= 2 && apportion(total, &budgets, 2).as_deref() == Some(&amounts[..]) {
        return Some(Change::Total(total));
    }
    // Not one change for all: the one most of the area shares, if it beats keeping.
    let percentages: Vec<Decimal> = budgets
        .iter()
        .zip(&amounts)
        .filter(|(b, _)| !b.is_zero())
        .filter_map(|(&b, &a)| exact_percentage(b, a))
        .collect();
    let percent = most_common(percentages, matching);
    let fitting = percent.map_or(matching, |(_, n)| n.max(matching));
    let total = (members.len() - fitting > WORTH_A_TOTAL)
        .then(|| {
            let checked: Vec<(usize, Decimal)> = amounts.iter().copied().enumerate().collect();
            best_total(&budgets, &checked).filter(|&(_, n)| n > matching)
        })
        .flatten();
    better(percent, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::Inputs;
    use crate::model::scenario::monitor_percentage;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find, gemeente};

    fn round_trip(inputs: &Inputs) -> Layers {
        let layers = Layers::of(data(), &inputs.scenario, inputs.selection);
        assert_eq!(layers.rebuild(data(), inputs.selection).as_ref(), Ok(&inputs.scenario), "{layers:?}");
        layers
    }

    #[test]
    fn the_national_picture_seen_from_one_gemeente_is_one_landelijk_percentage() {
        let d = data();
        let mut inputs = Inputs::new(d);
        let p = monitor_percentage(d);
        for line in Line::ALL {
            inputs.scenario.apply(d, Selection::Nederland, line, Change::Percent(p)).unwrap();
        }
        inputs.selection = find(Kind::Gemeente, "Groningen");
        let layers = round_trip(&inputs);
        assert_eq!(layers.landelijk, [Some(Change::Percent(p)), Some(Change::Percent(p))]);
        assert_eq!(layers.area, [None, None], "Groningen is cut like the rest");
        assert!(layers.own.is_empty());
        // Groningen back at 2014 within a national cut: the area layer says 0 %.
        inputs.scenario.apply(d, inputs.selection, Line::Co, Change::Percent(Decimal::ZERO)).unwrap();
        assert_eq!(round_trip(&inputs).area, [Some(Change::Percent(Decimal::ZERO)), None]);
    }

    #[test]
    fn a_total_for_nederland_seen_from_one_gemeente_is_found_back() {
        let d = data();
        let mut inputs = Inputs::new(d);
        inputs.scenario.apply(d, Selection::Nederland, Line::Co, Change::Total(dec!(150000000.07))).unwrap();
        inputs.selection = find(Kind::Gemeente, "Groningen");
        inputs.scenario.apply(d, inputs.selection, Line::Co, Change::Percent(dec!(-13))).unwrap();
        let layers = round_trip(&inputs);
        assert_eq!(layers.landelijk, [Some(Change::Total(dec!(150000000.07))), None]);
        assert_eq!(layers.area, [Some(Change::Percent(dec!(-13))), None]);
        assert!(layers.own.is_empty());
    }

    #[test]
    fn a_total_with_a_few_edits_afterwards_is_still_one_total() {
        let d = data();
        let mut inputs = Inputs::new(d);
        inputs.scenario.apply(d, Selection::Nederland, Line::Co, Change::Total(dec!(150000000))).unwrap();
        inputs.scenario.set_gemeente(d, gemeente("Amsterdam"), Line::Co, dec!(9000000)).unwrap();
        inputs.scenario.set_gemeente(d, gemeente("Haren"), Line::Co, dec!(1)).unwrap();
        let layers = round_trip(&inputs);
        assert_eq!(layers.area, [Some(Change::Total(dec!(150000000))), None]);
        assert_eq!(layers.own.len(), 2);
    }

    #[test]
    fn individual_amounts_stay_individual() {
        let d = data();
        let mut inputs = Inputs { selection: find(Kind::Organisatie, "MEE Drenthe"), ..Inputs::new(d) };
        inputs.scenario.set_gemeente(d, gemeente("Emmen"), Line::Co, dec!(1500000)).unwrap();
        inputs.selection = find(Kind::Gemeente, "Assen");
        inputs.scenario.apply(d, inputs.selection, Line::Co, Change::Total(dec!(300000))).unwrap();
        let layers = round_trip(&inputs);
        assert_eq!(layers.landelijk, [None, None]);
        assert_eq!(layers.area, [Some(Change::Total(dec!(300000))), None]);
        assert_eq!(layers.own, vec![(gemeente("Emmen"), [Some(dec!(1500000)), None])]);
    }

    #[test]
    fn an_area_mostly_at_one_percentage_keeps_it_and_lists_the_rest() {
        let d = data();
        let regio = find(Kind::Jeugdregio, "Groningen");
        let mut inputs = Inputs { selection: regio, ..Inputs::new(d) };
        inputs.scenario.apply(d, regio, Line::Co, Change::Percent(dec!(-10))).unwrap();
        inputs.scenario.set_gemeente(d, gemeente("Haren"), Line::Co, dec!(300000)).unwrap();
        let layers = round_trip(&inputs);
        assert_eq!(layers.area, [Some(Change::Percent(dec!(-10))), None]);
        assert_eq!(layers.own, vec![(gemeente("Haren"), [Some(dec!(300000)), None])]);
        assert_eq!(layers.own_amounts_in(d, regio, Line::Co), 1);
    }

    #[test]
    fn exact_percentages_only() {
        assert_eq!(exact_percentage(dec!(118285), dec!(106456.5)), Some(dec!(-10)));
        assert_eq!(exact_percentage(dec!(22364), dec!(20000)), None, "no exact ten-decimal percentage");
        assert_eq!(exact_percentage(dec!(0), dec!(0)), None);
        assert_eq!(exact_percentage(dec!(1), dec!(12)), None, "+1100 % is beyond the bounds");
    }
}
