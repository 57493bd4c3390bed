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
    let total = total.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if total.is_sign_negative() && !total.is_zero() || weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return None;
    }
    let zeros = || vec![Decimal::ZERO; weights.len()];
    if total.is_zero() {
        return Some(zeros());
    }
    let total_units = units(total, dp)?;
    let mut weight_units: Vec<i128> = weights.iter().map(|&w| units(w, WEIGHT_DP)).collect::<Option<_>>()?;
    // Keep total × weight inside i128: coarser weights where both are enormous (never for
    // the calculator's own amounts, which are far below these bounds).
    while weight_units.iter().any(|&w| total_units.checked_mul(w).is_none()) {
        weight_units.iter_mut().for_each(|w| *w = (*w + 5) / 10);
    }
    let sum: i128 = weight_units.iter().sum();
    if sum == 0 {
        return None;
    }

    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<i128> = Vec::with_capacity(weights.len());
    for &w in &weight_units {
        let product = total_units * w;
        parts.push(product / sum);
        remainders.push(product % sum);
    }
    let missing = total_units - parts.iter().sum::<i128>();
    if missing > 0 {
        // Fewer units are missing than there are non-zero weights: each part lost less than one.
        let candidates: Vec<usize> = (0..weights.len()).filter(|&i| weight_units[i] != 0).collect();
        let by_remainder = crate::sort::sorted_positions(candidates.len(), &|a, b| {
            remainders[candidates[b]].cmp(&remainders[candidates[a]]).then(a.cmp(&b))
        });
        for &i in by_remainder.iter().take(missing as usize) {
            parts[candidates[i]] += 1;
        }
    }
    Some(parts.into_iter().map(|p| Decimal::from_i128_with_scale(p, dp)).collect())
}

/// `d` (non-negative) as a whole number of units of `10^-dp`, rounded half away from zero.
fn units(d: Decimal, dp: u32) -> Option<i128> {
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
        #![proptest_config(ProptestConfig::with_cases(10_000))]

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
