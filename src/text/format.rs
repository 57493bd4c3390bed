//! Dutch number notation: showing figures (docs/model.md §5) and reading what people type.
//!
//! Display rounds half away from zero, and only here: the model keeps full precision.
//! Money is whole euros `€ 1.234.567`, fte one decimal `16,4`, percentages at most two
//! decimals `−13,5%`. A negative sign is the typographic minus `−` (U+2212).
//!
//! Reading accepts what a Dutch user types or pastes: `1.234.567`, `1234567`, `€ 1.234.567`,
//! `-13,5`, `−13,5 %`, and, for links written by hand, a decimal point (`-13.5`). Everything
//! else is an [`InputError`] whose message says, in Dutch, what to type instead. A dot is
//! read as a thousands separator when the digits are grouped by three (`1.500` is fifteen
//! hundred), otherwise, if it is the only one, as a decimal point.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::params::Unit;

const MINUS: char = '−';

/// The most integer digits a typed number may have: sane money is far below 10^15 euros,
/// and it keeps every parsed value well inside `Decimal`'s range.
const MAX_INTEGER_DIGITS: usize = 15;

fn round(d: Decimal, decimals: u32) -> Decimal {
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

/// Money in whole euros: `€ 1.234.567`, `€ −1.234`.
pub fn euro(d: Decimal) -> String {
    format!("€ {}", number(d, 0))
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

/// Why typed text is not a number we can use. `Display` gives the Dutch message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    SignOnly,
    NotANumber { example: &'static str },
    DoubleSign,
    SeveralCommas,
    BadGrouping,
    TooManyDecimals { max: u32 },
    TooLarge,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("Vul een getal in."),
            InputError::SignOnly => f.write_str("Vul na het minteken een getal in."),
            InputError::NotANumber { example } => {
                write!(f, "Dit is geen getal. Typ alleen cijfers, bijvoorbeeld {example}.")
            }
            InputError::DoubleSign => f.write_str("Gebruik hoogstens één plus- of minteken."),
            InputError::SeveralCommas => f.write_str("Een getal heeft hoogstens één komma."),
            InputError::BadGrouping => {
                f.write_str("Punten scheiden duizendtallen (1.234.567); gebruik een komma voor decimalen.")
            }
            InputError::TooManyDecimals { max: 0 } => f.write_str("Gebruik een heel getal, zonder decimalen."),
            InputError::TooManyDecimals { max } => write!(f, "Gebruik hoogstens {max} decimalen."),
            InputError::TooLarge => f.write_str("Dit getal is te groot."),
        }
    }
}

impl std::error::Error for InputError {}

/// What kind of number a field expects: which signs it may carry and how precise it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    euro_sign: bool,
    percent_sign: bool,
    max_decimals: u32,
    example: &'static str,
}

impl Expect {
    /// An amount in euros, to the cent.
    pub const AMOUNT: Expect = Expect { euro_sign: true, percent_sign: false, max_decimals: 2, example: "1.250.000" };
    /// A percentage. Ten decimals, so a link can carry an exact ratio such as the monitor's.
    pub const PERCENT: Expect = Expect { euro_sign: false, percent_sign: true, max_decimals: 10, example: "-13,5" };
    /// A plain count, such as months.
    pub const PLAIN: Expect = Expect { euro_sign: false, percent_sign: false, max_decimals: 2, example: "6" };

    /// A value to show in a message as an example of what to type.
    pub fn example(&self) -> &'static str {
        self.example
    }

    pub fn for_unit(unit: Unit) -> Expect {
        match unit {
            Unit::Euro => Expect::AMOUNT,
            Unit::Maanden => Expect::PLAIN,
            Unit::Procent => Expect::PERCENT,
        }
    }
}

/// Reads a number written in Dutch notation. Never panics, whatever the text.
pub fn parse(input: &str, expect: Expect) -> Result<Decimal, InputError> {
    let spaced: String = input.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let mut rest = spaced.trim();
    if rest.is_empty() {
        return Err(InputError::Empty);
    }
    if expect.percent_sign {
        rest = rest.strip_suffix('%').map_or(rest, str::trim_end);
    }

    let mut negative = None;
    let mut euro = false;
    loop {
        let mut chars = rest.chars();
        match chars.next() {
            Some(c @ ('-' | '−' | '–' | '+')) => {
                if negative.is_some() {
                    return Err(InputError::DoubleSign);
                }
                negative = Some(c != '+');
            }
            Some('€') if expect.euro_sign && !euro => euro = true,
            _ => break,
        }
        rest = chars.as_str().trim_start();
    }
    if rest.is_empty() {
        return Err(if negative.is_some() { InputError::SignOnly } else { InputError::Empty });
    }
    if rest.starts_with(['-', '−', '–', '+']) {
        return Err(InputError::DoubleSign);
    }
    if !rest.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(InputError::NotANumber { example: expect.example });
    }

    let (int, frac) = split_decimal(rest)?;
    if int.is_empty() && frac.is_empty() {
        return Err(InputError::NotANumber { example: expect.example });
    }
    if int.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
        return Err(InputError::TooLarge);
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > expect.max_decimals as usize {
        return Err(InputError::TooManyDecimals { max: expect.max_decimals });
    }
    // At most 15 + 10 digits: the mantissa fits an i128 and a Decimal with room to spare.
    let mantissa = int.bytes().chain(frac.bytes()).fold(0i128, |m, d| m * 10 + i128::from(d - b'0'));
    let value = Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| InputError::TooLarge)?;
    Ok(if negative == Some(true) && !value.is_zero() { -value } else { value })
}

/// Splits the digits into integer and fraction digits, removing thousands dots.
fn split_decimal(body: &str) -> Result<(String, &str), InputError> {
    let mut parts = body.split(',');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    if parts.next().is_some() {
        return Err(InputError::SeveralCommas);
    }
    match frac {
        Some(frac) => {
            if frac.contains('.') {
                return Err(InputError::BadGrouping);
            }
            if int.contains('.') && !grouped_by_thousands(int) {
                return Err(InputError::BadGrouping);
            }
            Ok((int.replace('.', ""), frac))
        }
        None if !int.contains('.') => Ok((int.to_string(), "")),
        None if grouped_by_thousands(int) => Ok((int.replace('.', ""), "")),
        None => match int.split_once('.') {
            Some((whole, frac)) if !frac.contains('.') => Ok((whole.to_string(), frac)),
            _ => Err(InputError::BadGrouping),
        },
    }
}

/// `1.234.567`: a first group of 1–3 digits not starting with 0, then groups of exactly 3.
fn grouped_by_thousands(int: &str) -> bool {
    let mut groups = int.split('.');
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn shows_money_in_whole_euros_half_away_from_zero() {
        assert_eq!(euro(dec!(1234567)), "€ 1.234.567");
        assert_eq!(euro(dec!(162018.5)), "€ 162.019");
        assert_eq!(euro(dec!(162018.49)), "€ 162.018");
        assert_eq!(euro(dec!(-2.5)), "€ −3");
        assert_eq!(euro(dec!(999)), "€ 999");
        assert_eq!(euro(dec!(1000)), "€ 1.000");
        assert_eq!(euro(dec!(0)), "€ 0");
        assert_eq!(euro(dec!(-0.4)), "€ 0", "no negative zero");
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
    }

    #[test]
    fn input_text_uses_a_plain_minus() {
        assert_eq!(for_input(dec!(-13.5), Unit::Procent), "-13,5");
        assert_eq!(for_input(dec!(1690486.34), Unit::Euro), "1.690.486");
        assert_eq!(for_input(dec!(6), Unit::Maanden), "6");
    }

    #[test]
    fn reads_dutch_notation() {
        let ok = |s: &str, e: Expect| parse(s, e).unwrap_or_else(|err| panic!("{s:?}: {err}"));
        assert_eq!(ok("1.234.567", Expect::AMOUNT), dec!(1234567));
        assert_eq!(ok("1234567", Expect::AMOUNT), dec!(1234567));
        assert_eq!(ok("€ 1.234.567", Expect::AMOUNT), dec!(1234567));
        assert_eq!(ok("€1.234.567,50", Expect::AMOUNT), dec!(1234567.5));
        assert_eq!(ok("−€ 1.234", Expect::AMOUNT), dec!(-1234));
        assert_eq!(ok("€ −1.234", Expect::AMOUNT), dec!(-1234));
        assert_eq!(ok("-13,5", Expect::PERCENT), dec!(-13.5));
        assert_eq!(ok("−13,5 %", Expect::PERCENT), dec!(-13.5));
        assert_eq!(ok("  -13,5%  ", Expect::PERCENT), dec!(-13.5));
        assert_eq!(ok("+5", Expect::PERCENT), dec!(5));
        assert_eq!(ok("-13.5", Expect::PERCENT), dec!(-13.5));
        assert_eq!(ok("0.125", Expect::PERCENT), dec!(0.125));
        assert_eq!(ok("1.500", Expect::PLAIN), dec!(1500));
        assert_eq!(ok(",5", Expect::PLAIN), dec!(0.5));
        assert_eq!(ok("12,", Expect::PLAIN), dec!(12));
        assert_eq!(ok("-0", Expect::PERCENT), dec!(0));
        assert_eq!(ok("1.234,50", Expect::AMOUNT), dec!(1234.5));
        assert_eq!(ok("007", Expect::PLAIN), dec!(7));
    }

    #[test]
    fn refuses_what_is_not_a_number_with_a_dutch_reason() {
        use InputError::*;
        let cases: [(&str, Expect, InputError); 16] = [
            ("", Expect::AMOUNT, Empty),
            ("   ", Expect::AMOUNT, Empty),
            ("-", Expect::PERCENT, SignOnly),
            ("€", Expect::AMOUNT, Empty),
            ("abc", Expect::AMOUNT, NotANumber { example: "1.250.000" }),
            ("12,3,4", Expect::PERCENT, SeveralCommas),
            ("--5", Expect::PERCENT, DoubleSign),
            ("-+5", Expect::PERCENT, DoubleSign),
            ("1e999", Expect::PERCENT, NotANumber { example: "-13,5" }),
            ("123456789012345678901234567890", Expect::AMOUNT, TooLarge),
            ("<b>5</b>", Expect::PLAIN, NotANumber { example: "6" }),
            ("1.23.4", Expect::AMOUNT, BadGrouping),
            ("1.234,5.6", Expect::AMOUNT, BadGrouping),
            ("1,234", Expect::AMOUNT, TooManyDecimals { max: 2 }),
            ("5%", Expect::AMOUNT, NotANumber { example: "1.250.000" }),
            ("€ 5", Expect::PERCENT, NotANumber { example: "-13,5" }),
        ];
        for (text, expect, error) in cases {
            assert_eq!(parse(text, expect), Err(error), "{text:?}");
        }
        assert_eq!(SignOnly.to_string(), "Vul na het minteken een getal in.");
        assert!(NotANumber { example: "6" }.to_string().starts_with("Dit is geen getal."));
    }

    #[test]
    fn a_long_row_of_zeros_is_not_too_large() {
        assert_eq!(parse("0000000000000000000000005", Expect::PLAIN), Ok(dec!(5)));
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (-(10i64.pow(15))..10i64.pow(15), 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,40}") {
            for expect in [Expect::AMOUNT, Expect::PERCENT, Expect::PLAIN] {
                let _ = parse(&s, expect);
            }
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[-−+€% 0-9.,e]{0,40}") {
            for expect in [Expect::AMOUNT, Expect::PERCENT, Expect::PLAIN] {
                if let Ok(v) = parse(&s, expect) {
                    prop_assert!(v.abs() < Decimal::from(10i64.pow(15)));
                }
            }
        }

        #[test]
        fn reads_back_what_it_shows(d in any_decimal()) {
            prop_assert_eq!(parse(&euro(d), Expect::AMOUNT), Ok(round(d, 0)));
            prop_assert_eq!(parse(&fte(d), Expect::PLAIN), Ok(round(d, 1)));
            prop_assert_eq!(parse(&percent(d), Expect::PERCENT), Ok(round(d, 2)));
            prop_assert_eq!(parse(&percent_change(d), Expect::PERCENT), Ok(round(d, 2)));
            prop_assert_eq!(parse(&number(d, 2), Expect::AMOUNT), Ok(round(d, 2)));
            for unit in [Unit::Euro, Unit::Maanden, Unit::Procent] {
                let expected = if unit == Unit::Euro { round(d, 0) } else { round(d, 2) };
                prop_assert_eq!(parse(&for_input(d, unit), Expect::for_unit(unit)), Ok(expected));
                prop_assert_eq!(parse(&value(d, unit), Expect::for_unit(unit)), Ok(expected));
            }
        }
    }
}
