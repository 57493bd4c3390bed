//! Reading what a person types into a field, or what a link carries, into a value the
//! scenario or the parameters accept: Dutch notation first (`notation::parse`), then the
//! bounds. Each error carries the Dutch message shown next to the field.

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::params::{OutOfRange, ParamKey, Parameters, Unit};
use crate::model::scenario::{self, ScenarioError};
use crate::text::format;
use crate::text::notation::{self, ASK, Expect, InputError};

/// Why a field's text cannot be used. `Display` gives the Dutch message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Notation(InputError),
    Scenario(ScenarioError),
    Range(OutOfRange),
    /// A number with a sign where euros are expected (`-10` in a gemeente's cell): most
    /// likely a percentage without its `%`. Asked, with that percentage.
    PercentSignMissing(Decimal),
}

impl FieldError {
    /// The text to put in the field instead, when the message asks "Bedoelt u …?". The
    /// message starts with it too, so that a field that only has the message (`apply`
    /// returns a `String`) finds it back with [`suggestion`].
    pub fn suggestion(&self) -> Option<String> {
        match self {
            FieldError::Notation(e) => e.suggestion(),
            FieldError::PercentSignMissing(p) => {
                let sign = if *p > Decimal::ZERO { "+" } else { "" };
                Some(format!("{sign}{}%", format::for_input(*p, Unit::Procent)))
            }
            FieldError::Scenario(_) | FieldError::Range(_) => None,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Notation(e) => e.fmt(f),
            FieldError::Scenario(e) => e.fmt(f),
            FieldError::Range(e) => e.fmt(f),
            FieldError::PercentSignMissing(_) => {
                let percent = self.suggestion().unwrap_or_default();
                write!(f, "{ASK}{percent}? Zonder %-teken is dit een bedrag in euro's.")
            }
        }
    }
}

/// The text a message suggests typing instead ("Bedoelt u 300.000? …" gives `300.000`), if
/// it asks. The inverse of the `Display` of an error with a
/// [`suggestion`](FieldError::suggestion) (tested), so the field can offer it as a button
/// while its callers keep returning the message as a plain `String`.
pub fn suggestion(message: &str) -> Option<&str> {
    let (suggested, _) = message.strip_prefix(ASK)?.split_once('?')?;
    (!suggested.is_empty()).then_some(suggested)
}

impl std::error::Error for FieldError {}

/// The Dutch message for a value out of a parameter's range, with the range in its unit.
impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let spec = self.key.spec();
        let show = |d: Decimal| format::value(d, spec.unit);
        write!(f, "Kies een waarde van {} tot en met {}.", show(spec.min), show(spec.max))
    }
}

/// A percentage change of the inkoop against 2014 ("Wijziging"): Dutch notation, from
/// −100 % to +1000 %.
pub fn percentage(text: &str) -> Result<Decimal, FieldError> {
    let p = notation::parse(text, Expect::PERCENT).map_err(FieldError::Notation)?;
    scenario::check_percentage(p).map_err(FieldError::Scenario)
}

/// An inkoop amount in euros ("Inkoop"): Dutch notation, from € 0 to € 10 mld. A point
/// that separates no thousands (`1.2`) is asked about, as a comma between thousands is.
pub fn amount(text: &str) -> Result<Decimal, FieldError> {
    let a = notation::parse(text, Expect::TYPED_AMOUNT).map_err(FieldError::Notation)?;
    scenario::check_amount(a).map_err(FieldError::Scenario)
}

/// A field that may be left empty: empty means none (no goal, a year the same as the one
/// before), anything else is read by `read`.
pub fn optional(text: &str, read: impl Fn(&str) -> Result<Decimal, FieldError>) -> Result<Option<Decimal>, FieldError> {
    if text.trim().is_empty() { Ok(None) } else { read(text).map(Some) }
}

/// The decimals the page shows a percentage with (`format::percent`, `format::for_input`).
pub const PERCENT_DECIMALS: u32 = 2;

/// A percentage typed into a field has no more decimals than the page shows, so that what
/// the field shows once left is what the figures use: `-0,001` would show as `0` and still
/// cost money. Text that is no percentage at all passes: the field's own reader says what
/// is wrong with it. (A link may carry ten decimals, to be exact; this is for typing.)
pub fn percent_as_shown(text: &str) -> Result<(), FieldError> {
    match notation::parse(text, Expect::PERCENT) {
        Ok(p) if p.scale() > PERCENT_DECIMALS => {
            Err(FieldError::Notation(InputError::TooManyDecimals { max: PERCENT_DECIMALS }))
        }
        _ => Ok(()),
    }
}

/// The 2015 inkoop of one gemeente on one line, typed in its cell of the table: an amount
/// in euros (`300.000`, `1,5 mln`), or a change against its 2014 budget with a `%` sign
/// (`-10%`, `−10 %`, `+5%`, at most two decimals, as the table shows it). The same bounds as
/// `Scenario::set_gemeente`: from € 0 to € 10 mld and to eleven times the 2014 budget
/// (+1000 %). A plain `-10` or `+5` is asked about ("Bedoelt u -10%?"): the column holds
/// euros, and neither is a sensible amount.
pub fn gemeente_amount(text: &str, budget_2014: Decimal) -> Result<Decimal, FieldError> {
    let amount = match notation::parse(text, Expect::TYPED_AMOUNT) {
        Err(InputError::PercentNotHere) => {
            percent_as_shown(text)?;
            let p = percentage(text)?;
            budget_2014 * (Decimal::ONE + p / dec!(100))
        }
        Ok(a) if signed(text, a) && scenario::check_percentage(a).is_ok() => {
            return Err(FieldError::PercentSignMissing(a));
        }
        other => other.map_err(FieldError::Notation)?,
    };
    let amount = scenario::check_amount(amount).map_err(FieldError::Scenario)?;
    let limit = budget_2014 * (Decimal::ONE + scenario::MAX_PERCENT / dec!(100));
    if !budget_2014.is_zero() && amount > limit {
        return Err(FieldError::Scenario(ScenarioError::AboveMaxRise));
    }
    Ok(amount)
}

/// A number typed with a sign, which an amount does not have: `-10`, `+5`.
fn signed(text: &str, value: Decimal) -> bool {
    !value.is_zero() && (value.is_sign_negative() || text.trim_start().starts_with('+'))
}

/// A parameter value in the parameter's unit, within its range.
pub fn parameter(key: ParamKey, text: &str) -> Result<Decimal, FieldError> {
    let value = notation::parse(text, Expect::for_unit(key.spec().unit)).map_err(FieldError::Notation)?;
    // Checked against a scratch copy, so the range check lives in one place.
    Parameters::default().set(key, value).map_err(FieldError::Range)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_optional_field_is_none_and_text_is_read() {
        assert_eq!(optional("  ", percentage), Ok(None));
        assert_eq!(optional("-5", percentage), Ok(Some(rust_decimal_macros::dec!(-5))));
        assert!(optional("vijf", amount).is_err());
    }
    use proptest::prelude::*;

    #[test]
    fn reads_valid_values() {
        assert_eq!(percentage("-13"), Ok(dec!(-13)));
        assert_eq!(percentage("−13,5 %"), Ok(dec!(-13.5)));
        assert_eq!(amount("€\u{a0}1.690.486"), Ok(dec!(1690486)));
        assert_eq!(parameter(ParamKey::Huisvesting, "20%"), Ok(dec!(20)));
        assert_eq!(parameter(ParamKey::FteKosten, "€\u{a0}70.000"), Ok(dec!(70000)));
    }

    #[test]
    fn every_bad_input_of_the_issue_has_a_dutch_message() {
        for text in
            ["abc", "12,3,4", "--5", "1e999", "123456789012345678901234567890", "", "-", "<script>alert(1)</script>"]
        {
            let message = percentage(text).unwrap_err().to_string();
            assert!(!message.is_empty() && !message.contains("script"), "{text}: {message}");
            let message = amount(text).unwrap_err().to_string();
            assert!(!message.is_empty(), "{text}: {message}");
        }
        assert_eq!(
            percentage("-100,5").unwrap_err().to_string(),
            "Een daling van meer dan 100% kan niet: de inkoop kan niet onder €\u{a0}0 komen."
        );
        assert_eq!(amount("20.000.000.000").unwrap_err(), FieldError::Scenario(ScenarioError::AboveMaxAmount));
        assert_eq!(amount("-5").unwrap_err(), FieldError::Scenario(ScenarioError::NegativeAmount));
        assert!(matches!(parameter(ParamKey::Reserves, "150"), Err(FieldError::Range(_))));
        assert_eq!(
            parameter(ParamKey::Reserves, "101").unwrap_err().to_string(),
            "Kies een waarde van 0% tot en met 100%."
        );
        assert_eq!(
            parameter(ParamKey::FteKosten, "0").unwrap_err().to_string(),
            "Kies een waarde van €\u{a0}1.000 tot en met €\u{a0}1.000.000."
        );
    }

    #[test]
    fn reads_the_amounts_of_issue_16() {
        for text in ["300.000", "€ 300.000,-", "300.000,—", "300 000", "300\u{a0}000", "300\u{202f}000", "300 duizend"]
        {
            assert_eq!(amount(text), Ok(dec!(300000)), "{text:?}");
        }
        assert_eq!(amount("1,5 mln"), Ok(dec!(1500000)));
        assert_eq!(amount("1,5 miljoen"), Ok(dec!(1500000)));
        assert_eq!(amount("2 mld"), Ok(dec!(2000000000)));
        assert_eq!(amount("11 mld"), Err(FieldError::Scenario(ScenarioError::AboveMaxAmount)));
        assert_eq!(amount("-1,5 mln"), Err(FieldError::Scenario(ScenarioError::NegativeAmount)));
        let asked = amount("300,000").unwrap_err();
        assert_eq!(asked, FieldError::Notation(InputError::ThousandsComma { value: dec!(300000) }));
        assert_eq!(
            asked.to_string(),
            "Bedoelt u 300.000? In het Nederlands is de komma het decimaalteken: typ 300.000 of 300000."
        );
        assert_eq!(asked.suggestion().as_deref(), Some("300.000"));
        assert_eq!(amount("-10%"), Err(FieldError::Notation(InputError::PercentNotHere)));
        assert!(amount("-10%").unwrap_err().to_string().contains("geen percentage"));
        // In a percentage field a comma is a decimal comma, three decimals or not.
        assert_eq!(percentage("1,250"), Ok(dec!(1.25)));
    }

    /// `1.2` in the inkoop field became € 1 (−100 %) without a word.
    #[test]
    fn asks_about_a_point_that_separates_no_thousands() {
        let asked = amount("1.2").unwrap_err();
        assert_eq!(asked, FieldError::Notation(InputError::DecimalPoint { value: dec!(1.2) }));
        assert_eq!(
            asked.to_string(),
            "Bedoelt u 1,2? In het Nederlands scheidt een punt duizendtallen en is de komma het decimaalteken: \
             1,2 is €\u{a0}1,20. Voor €\u{a0}1.200.000: typ 1,2 mln."
        );
        assert_eq!(asked.suggestion().as_deref(), Some("1,2"));
        assert_eq!(suggestion(&asked.to_string()), Some("1,2"));
        assert_eq!(amount("1,2 mln"), Ok(dec!(1200000)), "the way the message names works");
        assert_eq!(
            amount("1500.50").unwrap_err().to_string(),
            "Bedoelt u 1.500,5? In het Nederlands scheidt een punt duizendtallen en is de komma het decimaalteken: \
             1.500,5 is €\u{a0}1.500,50."
        );
        for text in ["€ 12.50", "0.5", "-1.2"] {
            assert!(matches!(amount(text), Err(FieldError::Notation(InputError::DecimalPoint { .. }))), "{text}");
        }
        // In a gemeente's cell alike.
        assert!(matches!(
            gemeente_amount("1.2", dec!(1000000)),
            Err(FieldError::Notation(InputError::DecimalPoint { .. }))
        ));
        // Not asked: thousands, a point with a word after it, a comma, and a percentage.
        assert_eq!(amount("1.200"), Ok(dec!(1200)));
        assert_eq!(amount("1.234.567"), Ok(dec!(1234567)));
        assert_eq!(amount("1.5 mln"), Ok(dec!(1500000)));
        assert_eq!(amount("1,2"), Ok(dec!(1.2)));
        assert_eq!(percentage("-13.5"), Ok(dec!(-13.5)));
        // A file's cell (text::import) still reads `1234567.50` as written.
        assert_eq!(notation::parse("1234567.50", Expect::AMOUNT), Ok(dec!(1234567.5)));
    }

    #[test]
    fn a_typed_percentage_has_the_decimals_the_page_shows() {
        assert_eq!(percent_as_shown("-13,25"), Ok(()));
        assert_eq!(percent_as_shown("1,250"), Ok(()), "a trailing zero is no decimal");
        assert_eq!(percent_as_shown("abc"), Ok(()), "left to the field's own reader");
        assert_eq!(percent_as_shown(""), Ok(()), "an empty year of the afbouwpad is allowed");
        for text in ["-0,001", "−17,7313 %", "0.125"] {
            assert_eq!(
                percent_as_shown(text),
                Err(FieldError::Notation(InputError::TooManyDecimals { max: 2 })),
                "{text:?}"
            );
        }
        assert_eq!(percent_as_shown("-0,001").unwrap_err().to_string(), "Gebruik hoogstens 2 decimalen.");
        // A link still carries ten decimals (the monitor's percentage).
        assert_eq!(percentage("-17,7313166093"), Ok(dec!(-17.7313166093)));
    }

    #[test]
    fn a_gemeente_amount_is_euros_or_a_percentage_of_2014() {
        let budget = dec!(1_000_000);
        assert_eq!(gemeente_amount("300.000", budget), Ok(dec!(300000)));
        assert_eq!(gemeente_amount("1,5 mln", budget), Ok(dec!(1500000)));
        assert_eq!(gemeente_amount("€\u{a0}0", budget), Ok(dec!(0)));
        assert_eq!(gemeente_amount("-0", budget), Ok(dec!(0)));
        for (text, expected) in [
            ("-10%", dec!(900000)),
            ("−10 %", dec!(900000)),
            ("-10 procent", dec!(900000)),
            ("+5%", dec!(1050000)),
            ("5%", dec!(1050000)),
            ("-12,5%", dec!(875000)),
            ("-100%", dec!(0)),
            ("+1000%", dec!(11000000)),
            ("0%", dec!(1000000)),
        ] {
            assert_eq!(gemeente_amount(text, budget), Ok(expected), "{text:?}");
        }
        // A percentage of a budget of zero is zero; an amount is bounded by € 10 mld only.
        assert_eq!(gemeente_amount("+50%", Decimal::ZERO), Ok(dec!(0)));
        assert_eq!(gemeente_amount("5 mln", Decimal::ZERO), Ok(dec!(5000000)));

        let refused = |text: &str| gemeente_amount(text, budget).unwrap_err();
        assert_eq!(refused("-100,5%"), FieldError::Scenario(ScenarioError::BelowMinus100));
        assert_eq!(refused("+1000,01%"), FieldError::Scenario(ScenarioError::AboveMaxPercent));
        assert_eq!(refused("11.000.001"), FieldError::Scenario(ScenarioError::AboveMaxRise));
        assert_eq!(refused("-0,001%"), FieldError::Notation(InputError::TooManyDecimals { max: 2 }));
        assert_eq!(refused("-500"), FieldError::Scenario(ScenarioError::NegativeAmount));
        assert_eq!(gemeente_amount("20 mld", Decimal::ZERO), Err(FieldError::Scenario(ScenarioError::AboveMaxAmount)));
        assert_eq!(refused("300,000"), FieldError::Notation(InputError::ThousandsComma { value: dec!(300000) }));
        assert_eq!(refused("abc"), FieldError::Notation(InputError::NotANumber { example: "1.250.000" }));

        // `-10` or `+5` without `%`: asked, and the suggestion is the percentage.
        let asked = refused("-10");
        assert_eq!(asked, FieldError::PercentSignMissing(dec!(-10)));
        assert_eq!(asked.to_string(), "Bedoelt u -10%? Zonder %-teken is dit een bedrag in euro's.");
        assert_eq!(asked.suggestion().as_deref(), Some("-10%"));
        assert_eq!(refused("+5").suggestion().as_deref(), Some("+5%"));
        assert_eq!(refused("−12,5").suggestion().as_deref(), Some("-12,5%"));
        for suggested in ["-10%", "+5%", "-12,5%"] {
            assert!(gemeente_amount(suggested, budget).is_ok(), "{suggested}");
        }
    }

    #[test]
    fn the_field_finds_the_suggestion_in_the_message() {
        let asked = [
            FieldError::Notation(InputError::ThousandsComma { value: dec!(300000) }),
            FieldError::Notation(InputError::ThousandsComma { value: dec!(-1234567.5) }),
            FieldError::PercentSignMissing(dec!(-10)),
            FieldError::PercentSignMissing(dec!(7.25)),
            FieldError::Notation(InputError::DecimalPoint { value: dec!(1.2) }),
            FieldError::Notation(InputError::DecimalPoint { value: dec!(1234.56) }),
        ];
        for error in asked {
            assert_eq!(suggestion(&error.to_string()).map(str::to_string), error.suggestion(), "{error:?}");
            assert!(error.suggestion().is_some());
        }
        let not_asked = [
            amount("abc").unwrap_err(),
            amount("-10%").unwrap_err(),
            amount("-5").unwrap_err(),
            percentage("-150").unwrap_err(),
            parameter(ParamKey::Reserves, "150").unwrap_err(),
            gemeente_amount("11.000.001", dec!(1000000)).unwrap_err(),
        ];
        for error in not_asked {
            assert_eq!(suggestion(&error.to_string()), None, "{error}");
            assert_eq!(error.suggestion(), None);
        }
        assert_eq!(suggestion("Bedoelt u ?"), None);
        assert_eq!(suggestion("Bedoelt u 5"), None);
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (-(10i64.pow(13))..10i64.pow(13), 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::model::testing::cases(10_000)))]

        /// Every amount the page shows, typed into an amount field or a gemeente's cell,
        /// is the amount it shows.
        #[test]
        fn every_amount_shown_reads_back(d in any_decimal()) {
            let shown = d.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            let budget = dec!(1_000_000_000);
            for text in [format::euro(d), format::for_input(d, Unit::Euro), format::value(d, Unit::Euro), format::number(d, 0)] {
                let expected = scenario::check_amount(shown).map_err(FieldError::Scenario);
                prop_assert_eq!(amount(&text), expected.clone(), "{}", text);
                if shown >= Decimal::ZERO {
                    prop_assert_eq!(gemeente_amount(&text, budget), expected, "{}", text);
                }
            }
        }

        /// Every percentage the page shows, typed into a percentage field, passes the
        /// field's check on decimals and is the percentage it shows; and whatever a
        /// percentage field accepts, it shows exactly once left (`for_input`).
        #[test]
        fn every_percentage_shown_reads_back(d in any_decimal().prop_map(|d| d % dec!(1100) - dec!(100))) {
            let shown = d.round_dp_with_strategy(PERCENT_DECIMALS, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            for text in [
                format::percent(d),
                format::percent_change(d),
                format::for_input(d, Unit::Procent),
                format::for_input_change(d),
                format::value(d, Unit::Procent),
                format::number(d, 2),
            ] {
                prop_assert_eq!(percent_as_shown(&text), Ok(()), "{}", text);
                prop_assert_eq!(percentage(&text), scenario::check_percentage(shown).map_err(FieldError::Scenario));
            }
            let typed = d.to_string().replace('.', ",");
            if percent_as_shown(&typed).is_ok()
                && let Ok(used) = percentage(&typed)
            {
                prop_assert_eq!(percentage(&format::for_input(used, Unit::Procent)), Ok(used), "{}", typed);
                prop_assert_eq!(notation::parse(&format::percent(used), Expect::PERCENT), Ok(used));
            }
        }

        /// A percentage typed in a gemeente's cell is that change of its 2014 budget.
        #[test]
        fn a_percentage_in_a_cell_is_a_change_of_2014(
            budget in (0i64..10_000_000_000).prop_map(|c| Decimal::new(c, 2)),
            p in (-10_000i64..=100_000).prop_map(|p| Decimal::new(p, 2)),
        ) {
            let text = format!("{}%", format::for_input(p, Unit::Procent));
            prop_assert_eq!(gemeente_amount(&text, budget), Ok(budget * (Decimal::ONE + p / dec!(100))), "{}", text);
        }
    }
}
