//! Dividing an amount into parts proportional to weights, so that the parts add up to the
//! amount *exactly*.
//!
//! Plain `total × w / Σw` leaves a residue in the last decimal place, and then a table of
//! gemeenten does not add up to its organisation. This is the largest-remainder (Hamilton)
//! method at a fixed number of decimals: every part is the exact share truncated to that
//! precision, and the units still missing go one each to the parts that lost most.
//!
//! Two properties the model relies on:
//! - the parts are non-negative and sum to `total`;
//! - a part exceeds its exact share by less than one unit, so if `total ≤ Σw` and every
//!   weight is a whole number of units, no part exceeds its own weight. That is what lets
//!   the model share out, say, `reserves` in proportion to each gemeente's frictiekosten
//!   without any gemeente's reserves exceeding its frictiekosten.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimals the weights are counted in. Weights only matter in proportion to each other, so
/// this only has to be fine enough: a ten-billionth of a euro or an fte.
const WEIGHT_DP: u32 = 10;

/// Splits `total` over `weights.len()` parts in proportion to `weights`, in whole units of
/// `10^-dp`.
///
/// `total` is first rounded to `dp` decimals (half away from zero). Returns `None` when
/// `total` or a weight is negative, or when all weights are zero while `total` is not
/// (there is nothing to divide in proportion to). A part with weight zero is always zero.
///
/// The division is done in integers: the total in units of `10^-dp`, the weights in units
/// of `10^-10`; each part is `⌊total × w / Σw⌋` exactly, and the units left over go to the
/// largest remainders (ties to the first). Exact integer arithmetic is what guarantees that
/// a part never exceeds its weight when the total does not exceed the weights.
pub fn apportion(total: Decimal, weights: &[Decimal], dp: u32) -> Option<Vec<Decimal>> {
    Weights::new(weights)?.apportion(total, dp)
}

/// Weights converted to integer units once, to share out several totals in the same
/// proportion: the model shares four of an organisation's figures by the same `daling`.
pub struct Weights {
    units: Vec<i128>,
    sum: i128,
    max: i128,
}

impl Weights {
    /// `None` when a weight is negative or too large to count in units of `10^-10`.
    pub fn new(weights: &[Decimal]) -> Option<Weights> {
        if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
            return None;
        }
        let units: Vec<i128> = weights.iter().map(|&w| units(w, WEIGHT_DP)).collect::<Option<_>>()?;
        let sum = units.iter().try_fold(0i128, |s, &w| s.checked_add(w))?;
        let max = units.iter().copied().max().unwrap_or(0);
        Some(Weights { units, sum, max })
    }

    /// [`apportion`] with these weights.
    pub fn apportion(&self, total: Decimal, dp: u32) -> Option<Vec<Decimal>> {
        let total = total.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        if total.is_sign_negative() && !total.is_zero() {
            return None;
        }
        if total.is_zero() {
            return Some(vec![Decimal::ZERO; self.units.len()]);
        }
        let total_units = units(total, dp)?;
        if total_units.checked_mul(self.max).is_some() {
            split(total_units, &self.units, self.sum, dp)
        } else {
            // Keep total × weight inside i128: coarser weights where both are enormous (never
            // for the calculator's own amounts, which are far below these bounds).
            let mut coarse = self.units.clone();
            while coarse.iter().any(|&w| total_units.checked_mul(w).is_none()) {
                coarse.iter_mut().for_each(|w| *w = (*w + 5) / 10);
            }
            let sum = coarse.iter().sum();
            split(total_units, &coarse, sum, dp)
        }
    }
}

/// The largest-remainder step, all in units: `total × w` fits an i128 for every weight.
fn split(total_units: i128, weights: &[i128], sum: i128, dp: u32) -> Option<Vec<Decimal>> {
    if sum == 0 {
        return None;
    }
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<i128> = Vec::with_capacity(weights.len());
    for &w in weights {
        let product = total_units * w;
        let part = product / sum;
        parts.push(part);
        remainders.push(product - part * sum);
    }
    let missing = total_units - parts.iter().sum::<i128>();
    if missing > 0 {
        // Fewer units are missing than there are non-zero weights: each part lost less than one.
        let candidates: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] != 0).collect();
        let by_remainder = crate::model::sort::sorted_positions(candidates.len(), &|a, b| {
            remainders[candidates[b]].cmp(&remainders[candidates[a]]).then(a.cmp(&b))
        });
        for &i in by_remainder.iter().take(missing as usize) {
            parts[candidates[i]] += 1;
        }
    }
    Some(parts.into_iter().map(|p| Decimal::from_i128_with_scale(p, dp)).collect())
}

/// The largest mantissa a `Decimal` holds (96 bits).
const MAX_MANTISSA: i128 = (1 << 96) - 1;

/// `d` (non-negative) as a whole number of units of `10^-dp`, rounded half away from zero;
/// `None` beyond what a `Decimal` holds.
fn units(d: Decimal, dp: u32) -> Option<i128> {
    if d.scale() <= dp {
        // Already a whole number of units (the model's amounts always are): only scale up.
        let scaled = d.mantissa().checked_mul(10i128.checked_pow(dp - d.scale())?)?;
        return (scaled <= MAX_MANTISSA).then_some(scaled);
    }
    let mut rounded = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(dp);
    (rounded.scale() == dp).then(|| rounded.mantissa())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn divides_in_proportion_and_adds_up() {
        let parts = apportion(dec!(100), &[dec!(1), dec!(1), dec!(1)], 2).unwrap();
        assert_eq!(parts, vec![dec!(33.34), dec!(33.33), dec!(33.33)]);
        let parts = apportion(dec!(10), &[dec!(3), dec!(1)], 0).unwrap();
        assert_eq!(parts, vec![dec!(8), dec!(2)]); // 7,5 and 2,5: tie goes to the first
    }

    #[test]
    fn zero_weight_gets_nothing() {
        let parts = apportion(dec!(7), &[dec!(0), dec!(2), dec!(0), dec!(5)], 0).unwrap();
        assert_eq!(parts, vec![dec!(0), dec!(2), dec!(0), dec!(5)]);
    }

    #[test]
    fn refuses_what_cannot_be_divided() {
        assert_eq!(apportion(dec!(1), &[dec!(0), dec!(0)], 2), None);
        assert_eq!(apportion(dec!(0), &[dec!(0), dec!(0)], 2), Some(vec![dec!(0), dec!(0)]));
        assert_eq!(apportion(dec!(-1), &[dec!(1)], 2), None);
        assert_eq!(apportion(dec!(1), &[dec!(1), dec!(-1)], 2), None);
        assert_eq!(apportion(dec!(1), &[], 2), None);
    }

    #[test]
    fn rounds_the_total_to_the_unit_first() {
        assert_eq!(apportion(dec!(1.005), &[dec!(1)], 2), Some(vec![dec!(1.01)]));
    }

    fn amount() -> impl Strategy<Value = Decimal> {
        (0i64..=10_000_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::model::testing::cases(10_000)))]

        #[test]
        fn parts_sum_exactly_and_stay_near_their_share(
            total in amount(),
            weights in prop::collection::vec(amount(), 1..40),
            dp in 0u32..=10,
        ) {
            let sum: Decimal = weights.iter().sum();
            let parts = apportion(total, &weights, dp);
            if sum.is_zero() {
                return Ok(());
            }
            let parts = parts.expect("divisible");
            let rounded = total.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(parts.iter().sum::<Decimal>(), rounded);
            let unit = Decimal::new(1, dp);
            // Exact when total × weight fits an i128 in units (always, for the calculator's
            // amounts); beyond that the weights are coarsened and only the sum is exact.
            let exact = weights.iter().all(|&w| {
                units(rounded, dp).zip(units(w, WEIGHT_DP)).is_some_and(|(t, w)| t.checked_mul(w).is_some())
            });
            for (p, w) in parts.iter().zip(&weights) {
                prop_assert!(*p >= Decimal::ZERO);
                prop_assert_eq!(p.scale() <= dp, true);
                let share = rounded * w / sum;
                prop_assert!(!exact || (*p - share).abs() < unit + Decimal::new(1, 20), "{} vs share {}", p, share);
                if w.is_zero() {
                    prop_assert!(p.is_zero());
                }
            }
        }

        #[test]
        fn weights_reused_give_what_fresh_weights_give(
            totals in prop::collection::vec(amount(), 1..5),
            weights in prop::collection::vec(amount(), 1..40),
            dp in 0u32..=10,
        ) {
            let once = Weights::new(&weights).expect("non-negative weights");
            for total in totals {
                prop_assert_eq!(once.apportion(total, dp), apportion(total, &weights, dp));
            }
        }

        #[test]
        fn units_equals_rounding_then_rescaling(d in amount(), extra in 0u32..=6, dp in 0u32..=12) {
            // Also values with more decimals than `dp`, which take the rounding path.
            let d = Decimal::from_i128_with_scale(d.mantissa(), d.scale() + extra);
            let mut reference = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            reference.rescale(dp);
            let expected = (reference.scale() == dp).then(|| reference.mantissa());
            prop_assert_eq!(units(d, dp), expected);
        }

        #[test]
        fn a_part_never_exceeds_its_weight_when_total_does_not(
            weights in prop::collection::vec((0i64..=1_000_000_000_000).prop_map(|m| Decimal::new(m, 10)), 1..40),
            ratio in 0u32..=100,
        ) {
            let sum: Decimal = weights.iter().sum();
            let total = (sum * Decimal::from(ratio) / Decimal::from(100))
                .round_dp_with_strategy(10, RoundingStrategy::ToZero);
            if let Some(parts) = apportion(total, &weights, 10) {
                for (p, w) in parts.iter().zip(&weights) {
                    prop_assert!(p <= w, "part {} above weight {}", p, w);
                }
            }
        }
    }
}
