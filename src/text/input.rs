//! Reading what a person types into a field, or what a link carries, into a value the
//! scenario or the parameters accept: Dutch notation first (`format::parse`), then the
//! bounds. Each error carries the Dutch message shown next to the field.

use std::fmt;

use rust_decimal::Decimal;

use crate::model::params::{OutOfRange, ParamKey, Parameters};
use crate::model::scenario::{self, ScenarioError};
use crate::text::format::{self, Expect, InputError};

/// Why a field's text cannot be used. `Display` gives the Dutch message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Notation(InputError),
    Scenario(ScenarioError),
    Range(OutOfRange),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Notation(e) => e.fmt(f),
            FieldError::Scenario(e) => e.fmt(f),
            FieldError::Range(e) => e.fmt(f),
        }
    }
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
    let p = format::parse(text, Expect::PERCENT).map_err(FieldError::Notation)?;
    scenario::check_percentage(p).map_err(FieldError::Scenario)
}

/// An inkoop amount in euros ("Inkoop"): Dutch notation, from € 0 to € 10 mld.
pub fn amount(text: &str) -> Result<Decimal, FieldError> {
    let a = format::parse(text, Expect::AMOUNT).map_err(FieldError::Notation)?;
    scenario::check_amount(a).map_err(FieldError::Scenario)
}

/// A parameter value in the parameter's unit, within its range.
pub fn parameter(key: ParamKey, text: &str) -> Result<Decimal, FieldError> {
    let value = format::parse(text, Expect::for_unit(key.spec().unit)).map_err(FieldError::Notation)?;
    // Checked against a scratch copy, so the range check lives in one place.
    Parameters::default().set(key, value).map_err(FieldError::Range)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn reads_valid_values() {
        assert_eq!(percentage("-13"), Ok(dec!(-13)));
        assert_eq!(percentage("−13,5 %"), Ok(dec!(-13.5)));
        assert_eq!(amount("€ 1.690.486"), Ok(dec!(1690486)));
        assert_eq!(parameter(ParamKey::Huisvesting, "20%"), Ok(dec!(20)));
        assert_eq!(parameter(ParamKey::FteKosten, "€ 70.000"), Ok(dec!(70000)));
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
            "Een daling van meer dan 100% kan niet: de inkoop kan niet onder € 0 komen."
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
            "Kies een waarde van € 1.000 tot en met € 1.000.000."
        );
    }
}
