//! One cell: an amount, a percentage, a formula, and a row as a message quotes it.

use super::{SHOWN_CHARS, Separator, Value};
use crate::text::notation::{self, Expect, InputError};
use crate::text::untrusted;

/// The row as written, for a message: one line, at most [`SHOWN_CHARS`] characters.
pub(super) fn shown(raw: &str) -> String {
    let text = untrusted::one_line(raw, SHOWN_CHARS + 1).unwrap_or_default();
    if text.chars().count() > SHOWN_CHARS { text.chars().take(SHOWN_CHARS - 1).chain(['…']).collect() } else { text }
}

/// `=SOM(A1)`, `+A1`, `-B2`, `@SUM(…)`. A sign followed by a digit is a number.
pub(super) fn is_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=') => true,
        Some('+' | '-' | '@') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    }
}

/// An amount cell: euros as a field reads them, or a change with `%`. In a comma-separated
/// file a comma cannot be the decimal comma of an unquoted cell, so `"1,234,567.50"` means
/// what an English writer means (a field asks "Bedoelt u 1.234.567,5?"). A single decimal
/// point (`1234567.50`) `notation` reads in every file; `1.500` stays fifteen hundred in
/// every file too: no inkoop of € 1,50 is meant.
pub(super) fn amount(text: &str, separator: Separator) -> Result<Value, InputError> {
    match notation::parse(text, Expect::AMOUNT) {
        Ok(a) => Ok(Value::Amount(a)),
        Err(InputError::PercentNotHere) => percentage(text),
        Err(InputError::ThousandsComma { value }) if separator == Separator::Comma => Ok(Value::Amount(value)),
        Err(e) => Err(e),
    }
}

/// A cell of the wijziging column: a percentage, with or without `%`.
pub(super) fn percentage(text: &str) -> Result<Value, InputError> {
    notation::parse(text, Expect::PERCENT).map(Value::Percent)
}
