//! Which differences the map draws as differences (docs/kaart.md): the small-spread rule,
//! and the one precision the legend is written with.
//!
//! Natural breaks (`view::kaart`) find up to five classes however close the values lie.
//! With `wijziging=-10` (cliëntondersteuning −10 %, Integrale Vroeghulp not cut) every
//! gemeente loses between 6,33 % and 6,47 % of its budget: the spread comes only from each
//! gemeente's mix of the two budget lines, and five strongly different colours would show
//! it as a difference of policy. So:
//!
//! **Two neighbouring classes get different colours only when together they span at least
//! [`SMALL_SPREAD_PERCENT`] (5 %) of the mean value of the gemeenten with a daling.** Classes that
//! span less are merged, the closest pair first; where all of them do, the map has one
//! colour and its summary says that the differences are small. An outlier keeps its own
//! class: it is far from the rest, so its pair spans much more.
//!
//! Relative, not a fixed "one percentage point": the measures differ in size. Frictiekosten
//! are a few percent of the budget, where 0,5 % against 1,4 % is a real difference (nearly
//! threefold) that an absolute point would hide; omzetdaling can be tens of percent, where a
//! point is noise. The same rule also holds for amounts (euros, fte), where a point means
//! nothing. Five percent: the assumptions alone move every figure by far more (the
//! bandbreedte), so a smaller difference between gemeenten says nothing the model can
//! stand behind; and a reader still sees a difference of one twentieth between two colours
//! as real.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The span, in % of the mean, below which values count as alike on the map.
pub const SMALL_SPREAD_PERCENT: Decimal = dec!(5);

/// The span below which values of `sorted` (positive, ascending) count as alike:
/// [`SMALL_SPREAD_PERCENT`] of their mean. Zero for no values.
pub fn tolerance(sorted: &[Decimal]) -> Decimal {
    if sorted.is_empty() {
        return Decimal::ZERO;
    }
    let mean = sorted.iter().sum::<Decimal>() / Decimal::from(sorted.len());
    mean * SMALL_SPREAD_PERCENT / dec!(100)
}

/// Whether the values of `sorted` (ascending) differ, but by less than the tolerance: the
/// map then shows them in one colour and says so.
pub fn small_spread(sorted: &[Decimal]) -> bool {
    match (sorted.first(), sorted.last()) {
        (Some(&low), Some(&high)) => low < high && high - low < tolerance(sorted),
        _ => false,
    }
}

/// The classes of `sorted` (ascending) given by where each begins (`starts`, the first 0),
/// with neighbours merged while the closest pair together spans less than the tolerance.
pub fn merge_close(sorted: &[Decimal], mut starts: Vec<usize>) -> Vec<usize> {
    let tol = tolerance(sorted);
    let end = |starts: &[usize], c: usize| starts.get(c + 1).copied().unwrap_or(sorted.len());
    loop {
        // The span of classes c and c + 1 together, for each pair.
        let closest =
            (0..starts.len().saturating_sub(1)).map(|c| (sorted[end(&starts, c + 1) - 1] - sorted[starts[c]], c)).min();
        match closest {
            Some((span, c)) if span < tol => {
                starts.remove(c + 1);
            }
            _ => return starts,
        }
    }
}

/// The decimals a legend writes every share with: the most any of `values` has (they are
/// rounded already), so that `6,40%` stands beside `6,38%` and never `6,4%`; and as the
/// values are classed as shown, two classes never differ by less than the last decimal
/// printed.
pub fn shown_decimals(values: &[Decimal]) -> u32 {
    values.iter().map(|v| v.normalize().scale()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::{Outcome, calculate};
    use crate::model::data::Line;
    use crate::model::params::Parameters;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::Selection;
    use crate::model::testing::{data, gemeente};
    use crate::view::kaart::colouring;
    use crate::view::measure::{Maat, Schaal};

    fn d(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| v.parse().unwrap()).collect()
    }

    /// `wijziging=-10`: cliëntondersteuning −10 % everywhere, Integrale Vroeghulp kept.
    fn co_minus_10(extra: &[(&str, Decimal)]) -> Outcome {
        let data = data();
        let mut scenario = Scenario::status_quo(data);
        scenario.apply(data, Selection::Nederland, Line::Co, Change::Percent(dec!(-10))).unwrap();
        for &(naam, p) in extra {
            for line in Line::ALL {
                scenario.apply(data, Selection::Gemeente(gemeente(naam)), line, Change::Percent(p)).unwrap();
            }
        }
        calculate(data, &scenario, &Parameters::default())
    }

    #[test]
    fn the_rule_is_five_percent_of_the_mean() {
        assert!(small_spread(&d(&["6.33", "6.40", "6.47"])));
        assert!(!small_spread(&d(&["6.33", "6.40", "6.90"])), "0,57 is more than 5% of 6,54");
        assert!(!small_spread(&d(&["0.5", "1.4"])), "a small measure: a factor three is no small spread");
        assert!(!small_spread(&d(&["20", "20"])), "equal values are not a spread");
        assert!(!small_spread(&[]));
        assert_eq!(tolerance(&d(&["10", "30"])), dec!(1));
    }

    #[test]
    fn close_classes_merge_and_an_outlier_keeps_its_own() {
        let many = d(&["6.33", "6.35", "6.38", "6.40", "6.44", "6.47", "30"]);
        assert_eq!(merge_close(&many, vec![0, 2, 4, 5, 6]), vec![0, 6]);
        let all_close = d(&["6.33", "6.38", "6.40", "6.47"]);
        assert_eq!(merge_close(&all_close, vec![0, 1, 2, 3]), vec![0]);
        let apart = d(&["1", "2", "4", "8"]);
        assert_eq!(merge_close(&apart, vec![0, 1, 2, 3]), vec![0, 1, 2, 3]);
    }

    #[test]
    fn legend_values_share_one_precision() {
        assert_eq!(shown_decimals(&d(&["6.40", "6.38"])), 2);
        assert_eq!(shown_decimals(&d(&["20.00", "10"])), 0);
        assert_eq!(shown_decimals(&d(&["6.5", "7"])), 1);
    }

    /// The map of `wijziging=-10`.
    #[test]
    fn a_small_spread_is_one_colour_and_the_summary_says_so() {
        let data = data();
        // The map's first measure, as the issue saw it.
        let k = colouring(data, &co_minus_10(&[]), Maat::Frictiekosten, Schaal::Aandeel);
        assert_eq!(k.legend.len(), 2, "{:?}", k.legend);
        assert_eq!(k.legend[1].label, "6,33%\u{a0}– 6,47%");
        assert!(k.klasse.iter().all(|&c| c <= 1));
        assert_eq!(
            k.summary,
            "Frictiekosten in % van het budget 2014: elke gemeente tussen 6,33% en 6,47%. Dat verschil is klein \
             (minder dan 5% van het gemiddelde), dus de kaart geeft ze één kleur."
        );
        assert!(!k.summary.contains("Het hoogst"));
        // Every value with the legend's two decimals.
        assert!(k.values.iter().all(|w| w.ends_with('%') && w.split(',').nth(1).is_some_and(|f| f.len() == 3)));
        // The omzetdaling alike.
        let o = colouring(data, &co_minus_10(&[]), Maat::Omzetdaling, Schaal::Aandeel);
        assert_eq!(o.legend.len(), 2, "{:?}", o.legend);
        assert!(o.summary.contains("Dat verschil is klein"), "{}", o.summary);
        // Amounts differ by size: still classes.
        let b = colouring(data, &co_minus_10(&[]), Maat::Omzetdaling, Schaal::Bedrag);
        assert!(b.legend.len() > 2, "{:?}", b.legend);
    }

    #[test]
    fn one_gemeente_cutting_deeper_stands_out_from_the_many_alike() {
        let data = data();
        let k = colouring(data, &co_minus_10(&[("Assen", dec!(-40))]), Maat::Omzetdaling, Schaal::Aandeel);
        assert_eq!(k.legend.len(), 3, "{:?}", k.legend);
        assert_eq!(k.legend[2].count, 1);
        assert_eq!(k.klasse[gemeente("Assen").index()], 2);
        assert!(k.summary.contains("Het hoogst: Assen (40,00%)"), "{}", k.summary);
    }

    /// Whatever the scenario: neighbouring classes differ by the tolerance, and their
    /// labels by at least the last decimal they print.
    #[test]
    fn classes_never_differ_by_less_than_they_are_printed_with() {
        let data = data();
        for extra in [vec![], vec![("Assen", dec!(-40))], vec![("Assen", dec!(-12)), ("Emmen", dec!(-9))]] {
            let outcome = co_minus_10(&extra);
            for maat in Maat::ALL {
                for schaal in [Schaal::Aandeel, Schaal::Bedrag] {
                    let k = colouring(data, &outcome, maat, schaal);
                    let labels: Vec<&str> = k.legend[1..].iter().map(|c| c.label.as_str()).collect();
                    let decimals: Vec<usize> = labels
                        .iter()
                        .flat_map(|l| l.split('–'))
                        .map(|v| v.split(',').nth(1).map_or(0, |f| f.chars().take_while(char::is_ascii_digit).count()))
                        .collect();
                    assert!(decimals.windows(2).all(|w| w[0] == w[1]), "{maat:?} {schaal:?}: {labels:?}");
                    for pair in labels.windows(2) {
                        let high = pair[0].split('–').next_back().unwrap_or_default().trim();
                        let low = pair[1].split('–').next().unwrap_or_default().trim();
                        assert_ne!(high, low, "{maat:?} {schaal:?}: {labels:?}");
                    }
                }
            }
        }
    }
}
