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

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Splits `total` over `weights.len()` parts in proportion to `weights`, in whole units of
/// `10^-dp`.
///
/// `total` is first rounded to `dp` decimals (half away from zero). Returns `None` when
/// `total` or a weight is negative, or when all weights are zero while `total` is not
/// (there is nothing to divide in proportion to). A part with weight zero is always zero.
pub fn apportion(total: Decimal, weights: &[Decimal], dp: u32) -> Option<Vec<Decimal>> {
    let total = total.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if total.is_sign_negative() && !total.is_zero() || weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return None;
    }
    let sum: Decimal = weights.iter().sum();
    if sum.is_zero() {
        return total.is_zero().then(|| vec![Decimal::ZERO; weights.len()]);
    }

    // One division, then a multiplication per part. The ratio is exactly 1 when the total
    // equals the weights (shares are then the weights themselves), and at most 1 whenever
    // the total is at most the weights, which is what keeps parts within their weights.
    let ratio = total / sum;
    let exact: Vec<Decimal> = weights.iter().map(|w| w * ratio).collect();
    let mut parts: Vec<Decimal> =
        exact.iter().map(|e| e.round_dp_with_strategy(dp, RoundingStrategy::ToZero)).collect();
    let lost: Vec<Decimal> = exact.iter().zip(&parts).map(|(e, p)| e - p).collect();

    let unit = Decimal::new(1, dp);
    let missing: Decimal = (total - parts.iter().sum::<Decimal>()) / unit;
    let missing = missing.round().to_i64()?;

    // Candidates in order of what they lost to truncation, largest first; ties by position.
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| !weights[i].is_zero()).collect();
    order.sort_by(|&a, &b| lost[b].cmp(&lost[a]).then(a.cmp(&b)));
    if missing >= 0 {
        // At most one unit per part: `missing` < number of non-zero weights, because each
        // truncation loses less than a unit.
        for &i in order.iter().cycle().take(missing as usize) {
            parts[i] += unit;
        }
    } else {
        // Only reachable if rounding in the division overshot; take back from the parts
        // that lost least, never below zero.
        let mut surplus = missing.unsigned_abs();
        for &i in order.iter().rev().cycle() {
            if surplus == 0 {
                break;
            }
            if parts[i] >= unit {
                parts[i] -= unit;
                surplus -= 1;
            }
        }
    }
    Some(parts)
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
            for (p, w) in parts.iter().zip(&weights) {
                prop_assert!(*p >= Decimal::ZERO);
                prop_assert_eq!(p.scale() <= dp, true);
                let share = rounded * w / sum;
                prop_assert!((*p - share).abs() < unit + Decimal::new(1, 20), "{} vs share {}", p, share);
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
