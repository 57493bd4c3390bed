//! Dutch number notation for showing figures (docs/model.md §5).
//!
//! Display rounds half away from zero, and only here: the model keeps full precision.
//! Money is whole euros `€ 1.234.567`, fte one decimal `16,4`, percentages at most two
//! decimals `−13,5%`. A negative sign is the typographic minus `−` (U+2212). Reading what
//! people type is `text::notation`; every figure shown here reads back there.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::params::Unit;

pub(crate) const MINUS: char = '−';

/// The no-break space (U+00A0) that keeps `€` with its number and a range's dash with its
/// first end: a line never ends in `€` or starts with `–`.
pub const NBSP: char = '\u{a0}';

/// `d` to `decimals`, half away from zero: the rounding of everything shown (a figure, a
/// slider's position, a ranked share), never rust_decimal's default of half to even.
pub fn round(d: Decimal, decimals: u32) -> Decimal {
    d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// `d` rounded to `decimals`, with dots between thousands and a decimal comma.
pub fn number(d: Decimal, decimals: u32) -> String {
    let r = round(d, decimals);
    let negative = r.is_sign_negative() && !r.is_zero();
    let plain = format!("{:.*}", decimals as usize, r.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::with_capacity(plain.len() + 8);
    if negative {
        out.push(MINUS);
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Money in whole euros: `€ 1.234.567`, `€ −1.234`, with a no-break space after the `€`.
pub fn euro(d: Decimal) -> String {
    format!("€{NBSP}{}", number(d, 0))
}

/// Two shown values as a range, `€ 16.000.000 – € 25.000.000`, that may wrap after the
/// dash only.
pub fn range(low: &str, high: &str) -> String {
    format!("{low}{NBSP}– {high}")
}

/// Two shown values as the ends of a span in a sentence: `tussen € 64.513 en € 225.794`.
/// A dash between them reads as "tot", not as "en": "tussen … – …" is no Dutch.
pub fn between(low: &str, high: &str) -> String {
    format!("tussen {low} en {high}")
}

/// Formation in fte, one decimal: `2.800,0`.
pub fn fte(d: Decimal) -> String {
    number(d, 1)
}

/// A percentage with at most two decimals and no trailing zeros: `13%`, `−13,5%`, `−17,73%`.
pub fn percent(d: Decimal) -> String {
    format!("{}%", trimmed(d, 2))
}

/// A percentage change with an explicit sign for a rise: `+5%`, `−13%`, `0%`.
pub fn percent_change(d: Decimal) -> String {
    let shown = percent(d);
    if round(d, 2) > Decimal::ZERO { format!("+{shown}") } else { shown }
}

/// A percentage with exactly `decimals` decimals, trailing zeros kept: `6,40%` beside
/// `6,38%`, so that values shown together have one precision.
pub fn percent_fixed(d: Decimal, decimals: u32) -> String {
    format!("{}%", number(d, decimals))
}

/// `d` with at most `decimals` decimals, trailing zeros dropped.
fn trimmed(d: Decimal, decimals: u32) -> String {
    let r = round(d, decimals).normalize();
    number(r, r.scale())
}

/// A parameter value in its unit: `€ 64.454`, `6` (months), `15%`.
pub fn value(d: Decimal, unit: Unit) -> String {
    match unit {
        Unit::Euro => euro(d),
        Unit::Maanden => trimmed(d, 2),
        Unit::Procent => percent(d),
    }
}

/// What an input field shows for a value: no unit sign, a plain `-` for negative, so that
/// editing it feels like editing a number. Parses back with the matching reader.
pub fn for_input(d: Decimal, unit: Unit) -> String {
    let shown = match unit {
        Unit::Euro => number(d, 0),
        Unit::Maanden | Unit::Procent => trimmed(d, 2),
    };
    shown.replace(MINUS, "-")
}

/// What a field for a change against 2014 shows: as [`for_input`], with a `+` before a
/// rise, so that `18,22` is never read as a cut (`+18,22`, `-13`, `0`). Reads back with
/// `text::input::percentage`.
pub fn for_input_change(d: Decimal) -> String {
    let shown = for_input(d, Unit::Procent);
    if round(d, 2) > Decimal::ZERO { format!("+{shown}") } else { shown }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn shows_money_in_whole_euros_half_away_from_zero() {
        assert_eq!(euro(dec!(1234567)), "€\u{a0}1.234.567");
        assert_eq!(euro(dec!(162018.5)), "€\u{a0}162.019");
        assert_eq!(euro(dec!(162018.49)), "€\u{a0}162.018");
        assert_eq!(euro(dec!(-2.5)), "€\u{a0}−3");
        assert_eq!(euro(dec!(999)), "€\u{a0}999");
        assert_eq!(euro(dec!(1000)), "€\u{a0}1.000");
        assert_eq!(euro(dec!(0)), "€\u{a0}0");
        assert_eq!(euro(dec!(-0.4)), "€\u{a0}0", "no negative zero");
    }

    #[test]
    fn shows_fte_with_one_decimal() {
        assert_eq!(fte(dec!(16.44)), "16,4");
        assert_eq!(fte(dec!(3.867)), "3,9");
        assert_eq!(fte(dec!(2800.009)), "2.800,0");
        assert_eq!(fte(dec!(0.05)), "0,1");
        assert_eq!(fte(dec!(-0.04)), "0,0");
    }

    #[test]
    fn shows_percentages_without_trailing_zeros() {
        assert_eq!(percent(dec!(13)), "13%");
        assert_eq!(percent(dec!(-13.5)), "−13,5%");
        assert_eq!(percent(dec!(-17.7313166)), "−17,73%");
        assert_eq!(percent(dec!(0.001)), "0%");
        assert_eq!(percent_change(dec!(5)), "+5%");
        assert_eq!(percent_change(dec!(-13)), "−13%");
        assert_eq!(percent_change(dec!(0)), "0%");
        assert_eq!(percent_fixed(dec!(6.4), 2), "6,40%");
        assert_eq!(percent_fixed(dec!(20), 0), "20%");
        assert_eq!(between("€\u{a0}1", "€\u{a0}2"), "tussen €\u{a0}1 en €\u{a0}2");
    }

    #[test]
    fn input_text_uses_a_plain_minus() {
        assert_eq!(for_input(dec!(-13.5), Unit::Procent), "-13,5");
        assert_eq!(for_input(dec!(1690486.34), Unit::Euro), "1.690.486");
        assert_eq!(for_input(dec!(6), Unit::Maanden), "6");
        assert_eq!(for_input_change(dec!(18.2213)), "+18,22");
        assert_eq!(for_input_change(dec!(-13.5)), "-13,5");
        assert_eq!(for_input_change(dec!(0.001)), "0");
    }
}
