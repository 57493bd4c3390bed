//! Reading the numbers people type or paste, in Dutch notation.
//!
//! Accepted: `1.234.567`, `1234567`, `€ 1.234.567`, `-13,5`, `−13,5 %`, and, for links
//! written by hand, a decimal point (`-13.5`). A dot is read as a thousands separator when
//! the digits are grouped by three (`1.500` is fifteen hundred), otherwise, if it is the
//! only one, as a decimal point. A space (also a non-breaking or narrow one) may separate
//! groups of three: `300 000`. An amount may also be written as money is in Dutch:
//! `€ 300.000,-`, `1,5 mln`, `2 mld`, `300 duizend euro` (and `300k`). Everything else is
//! an [`InputError`] whose message says, in Dutch, what to type instead; an amount with
//! commas between thousands (`300,000`) is not guessed but asked: "Bedoelt u 300.000?".

use std::fmt;

use rust_decimal::Decimal;

use crate::model::params::Unit;
use crate::text::format::{MINUS, NBSP, euro, number};

/// The most integer digits a typed number may have: sane money is far below 10^15 euros,
/// and it keeps every parsed value well inside `Decimal`'s range.
const MAX_INTEGER_DIGITS: usize = 15;

/// How a message starts that asks whether the text meant something else ("Bedoelt u
/// 300.000?"): the suggested text follows, up to the question mark. The field reads it back
/// with `text::input::suggestion` to offer it as a button.
pub const ASK: &str = "Bedoelt u ";

/// Why typed text is not a number we can use. `Display` gives the Dutch message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    SignOnly,
    NotANumber {
        example: &'static str,
    },
    /// An amount followed by a word we do not know (`1,5 M`).
    UnknownWord,
    DoubleSign,
    SeveralCommas,
    BadGrouping,
    /// Spaces that do not separate groups of three digits (`30 00`).
    BadSpacing,
    TooManyDecimals {
        max: u32,
    },
    TooLarge,
    /// A percentage where an amount in euros is expected (`-10%`).
    PercentNotHere,
    /// An amount with commas between thousands (`300,000`): in Dutch a decimal comma, so
    /// not guessed but asked, with the value it most likely means.
    ThousandsComma {
        value: Decimal,
    },
    /// A typed amount with one point that does not separate thousands (`1.2`, `12.50`):
    /// in Dutch a point separates thousands, so `1.2` is no amount; in English it is € 1,20,
    /// and an inkoop of € 1 is hardly meant. Not guessed but asked, with the English
    /// reading written the Dutch way.
    DecimalPoint {
        value: Decimal,
    },
}

impl InputError {
    /// The text to put in the field instead, when the message asks "Bedoelt u …?".
    pub fn suggestion(&self) -> Option<String> {
        match self {
            InputError::ThousandsComma { value } | InputError::DecimalPoint { value } => Some(typed(*value)),
            _ => None,
        }
    }
}

/// `d` as a person types it: dots between thousands, every decimal it has, a plain `-`.
fn typed(d: Decimal) -> String {
    let d = d.normalize();
    number(d, d.scale()).replace(MINUS, "-")
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("Vul een getal in."),
            InputError::SignOnly => f.write_str("Vul na het minteken een getal in."),
            InputError::NotANumber { example } if *example == Expect::AMOUNT.example => {
                write!(f, "Dit is geen getal. Typ een bedrag in cijfers, bijvoorbeeld {example} of 1,5 mln.")
            }
            InputError::NotANumber { example } if *example == Expect::PERCENT.example => {
                write!(f, "Dit is geen getal. Typ een percentage in cijfers, bijvoorbeeld {example}.")
            }
            InputError::NotANumber { example } => {
                write!(f, "Dit is geen getal. Typ alleen cijfers, bijvoorbeeld {example}.")
            }
            InputError::UnknownWord => f.write_str(
                "Achter het getal kan alleen duizend, mln (miljoen) of mld (miljard) staan, bijvoorbeeld 1,5 mln.",
            ),
            InputError::DoubleSign => f.write_str("Gebruik hoogstens één plus- of minteken."),
            InputError::SeveralCommas => f.write_str("Een getal heeft hoogstens één komma."),
            InputError::BadGrouping => {
                f.write_str("Punten scheiden duizendtallen (1.234.567); gebruik een komma voor decimalen.")
            }
            InputError::BadSpacing => f.write_str("Een spatie kan alleen duizendtallen scheiden, zoals in 300 000."),
            InputError::TooManyDecimals { max: 0 } => f.write_str("Gebruik een heel getal, zonder decimalen."),
            InputError::TooManyDecimals { max } => write!(f, "Gebruik hoogstens {max} decimalen."),
            InputError::TooLarge => f.write_str("Dit getal is te groot."),
            InputError::PercentNotHere => f.write_str(
                "Typ hier een bedrag in euro's, geen percentage. Een wijziging in procenten typt u bij ‘Wijziging’.",
            ),
            InputError::ThousandsComma { value } => {
                let shown = typed(*value);
                write!(
                    f,
                    "{ASK}{shown}? In het Nederlands is de komma het decimaalteken: typ {shown} of {}.",
                    shown.replace('.', "")
                )
            }
            InputError::DecimalPoint { value } => {
                let shown = typed(*value);
                write!(
                    f,
                    "{ASK}{shown}? In het Nederlands scheidt een punt duizendtallen en is de komma het decimaalteken: \
                     {shown} is €{NBSP}{}",
                    number(*value, 2)
                )?;
                if value.abs() < Decimal::ONE_THOUSAND {
                    write!(f, ". Voor {}: typ {shown} mln", euro(*value * Decimal::from(1_000_000)))?;
                }
                f.write_str(".")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// What kind of number a field expects: which signs it may carry and how precise it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    /// An amount in euros: a `€`, and the words and notations of money (`mln`, `,-`).
    euro_sign: bool,
    percent_sign: bool,
    max_decimals: u32,
    example: &'static str,
    /// Ask about a single point that does not separate thousands, rather than read it as
    /// a decimal point.
    ask_point: bool,
}

impl Expect {
    /// An amount in euros, to the cent. A single point that does not separate thousands is
    /// a decimal point (`1234567.50`, as a file from another program writes it).
    pub const AMOUNT: Expect =
        Expect { euro_sign: true, percent_sign: false, max_decimals: 2, example: "1.250.000", ask_point: false };
    /// An amount a person types into a field: as [`Expect::AMOUNT`], but such a point is
    /// asked about ([`InputError::DecimalPoint`]): `1.2` is no Dutch amount.
    pub const TYPED_AMOUNT: Expect = Expect { ask_point: true, ..Expect::AMOUNT };
    /// A percentage. Ten decimals, so a link can carry an exact ratio such as the monitor's.
    pub const PERCENT: Expect =
        Expect { euro_sign: false, percent_sign: true, max_decimals: 10, example: "-13,5", ask_point: false };
    /// A plain count, such as months.
    pub const PLAIN: Expect =
        Expect { euro_sign: false, percent_sign: false, max_decimals: 2, example: "6", ask_point: false };

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
    // Every space counts as one: a non-breaking or narrow one between thousands too.
    let spaced: String = input.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let mut rest = spaced.trim();
    if rest.is_empty() {
        return Err(InputError::Empty);
    }
    if let Some(number) = strip_percent(rest) {
        if expect.percent_sign {
            rest = number;
        } else if expect.euro_sign && parse(number, Expect::PERCENT).is_ok() {
            return Err(InputError::PercentNotHere);
        }
    }

    // Money: `€ 300.000,-`, `1,5 mln`, `300 duizend euro`.
    let mut euro = false;
    let mut exponent = 0;
    let mut whole_euros = false;
    if expect.euro_sign {
        if let Some(before) = strip_currency(rest) {
            rest = before;
            euro = true;
        }
        if let Some((before, word)) = split_word(rest) {
            match multiplier(&word) {
                Some(e) => {
                    rest = before;
                    exponent = e;
                }
                None if before.ends_with(|c: char| c.is_ascii_digit()) => return Err(InputError::UnknownWord),
                None => {}
            }
        }
        if let Some(before) = strip_whole_euros(rest).filter(|_| exponent == 0) {
            if before.contains(',') {
                return Err(InputError::SeveralCommas);
            }
            rest = before;
            whole_euros = true;
        }
    }

    let mut negative = None;
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
    if !rest.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ')) {
        return Err(InputError::NotANumber { example: expect.example });
    }
    let spaced = rest.contains(' ');
    let body = if spaced { without_spaces(rest)? } else { rest.to_string() };
    let sign = |d: Decimal| if negative == Some(true) && !d.is_zero() { -d } else { d };

    // `300,000` in an amount: a Dutch reader sees € 300, an English one € 300.000. Asked.
    if expect.euro_sign
        && exponent == 0
        && !whole_euros
        && !spaced
        && let Some((int, frac)) = english_notation(&body)
    {
        let value = to_decimal(&int, frac, 0, expect.max_decimals)?;
        return Err(InputError::ThousandsComma { value: sign(value) });
    }

    let (int, frac) = split_decimal(&body)?;
    if int.is_empty() && frac.is_empty() {
        return Err(InputError::NotANumber { example: expect.example });
    }
    let value = sign(to_decimal(&int, frac, exponent, expect.max_decimals)?);
    // `1.2`: split_decimal read the point as a decimal point. A typed amount asks.
    if expect.ask_point
        && exponent == 0
        && !whole_euros
        && body.contains('.')
        && !body.contains(',')
        && !frac.is_empty()
    {
        return Err(InputError::DecimalPoint { value });
    }
    Ok(value)
}

/// `int,frac` × 10^`exponent` as a decimal with at most `max_decimals` decimals, below
/// 10^15 ([`MAX_INTEGER_DIGITS`]). `int` and `frac` are ASCII digits.
fn to_decimal(int: &str, frac: &str, exponent: u32, max_decimals: u32) -> Result<Decimal, InputError> {
    let int = int.trim_start_matches('0');
    if int.len() + exponent as usize > MAX_INTEGER_DIGITS {
        return Err(InputError::TooLarge);
    }
    let frac = frac.trim_end_matches('0');
    // `1,25 mln` has two decimals typed and none in the amount: the bound is on the amount.
    let max = max_decimals + exponent;
    if frac.len() > max as usize {
        return Err(InputError::TooManyDecimals { max });
    }
    // At most 15 + 19 digits: the mantissa fits an i128, and the value (below 10^15, at most
    // 10 decimals) a Decimal with room to spare.
    let mantissa = int.bytes().chain(frac.bytes()).fold(0i128, |m, d| m * 10 + i128::from(d - b'0'));
    let scale = frac.len() as u32;
    let (mantissa, scale) =
        if scale >= exponent { (mantissa, scale - exponent) } else { (mantissa * 10i128.pow(exponent - scale), 0) };
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| InputError::TooLarge)
}

/// The last word of `text` (letters, perhaps abbreviated with a point), lower case, and
/// what comes before it.
fn split_word(text: &str) -> Option<(&str, String)> {
    let body = text.strip_suffix('.').unwrap_or(text);
    // ASCII only: every word we know is, and Unicode letter and case tables would cost
    // 15 KB of wasm for no word we could read anyway.
    let (start, _) = body.char_indices().rev().take_while(|(_, c)| c.is_ascii_alphabetic()).last()?;
    Some((body[..start].trim_end(), body[start..].to_ascii_lowercase()))
}

/// `-13%`, `-13 %`, `-13 procent`: the number without its percent sign.
fn strip_percent(text: &str) -> Option<&str> {
    match text.strip_suffix('%') {
        Some(before) => Some(before.trim_end()),
        None => split_word(text).filter(|(_, word)| word == "procent").map(|(before, _)| before),
    }
}

/// `300.000 €`, `1,5 mln euro`: the amount without the currency after it.
fn strip_currency(text: &str) -> Option<&str> {
    match text.strip_suffix('€') {
        Some(before) => Some(before.trim_end()),
        None => split_word(text).filter(|(_, word)| word == "euro" || word == "eur").map(|(before, _)| before),
    }
}

/// The power of ten a word after an amount stands for. Dutch words and their usual
/// abbreviations, and `k`: common in spreadsheets and mail, and with no other meaning
/// after an amount of euros.
fn multiplier(word: &str) -> Option<u32> {
    match word {
        "k" | "duizend" => Some(3),
        "mln" | "miljoen" => Some(6),
        "mld" | "mrd" | "miljard" => Some(9),
        _ => None,
    }
}

/// `300.000,-`: whole euros, written the Dutch way with a dash after the comma.
fn strip_whole_euros(text: &str) -> Option<&str> {
    [",-", ",--", ",–", ",—"].into_iter().find_map(|dash| text.strip_suffix(dash)).map(str::trim_end)
}

/// `300 000`, `1 234 567,50`: spaces between groups of three in the integer part only.
fn without_spaces(body: &str) -> Result<String, InputError> {
    let (int, frac) = body.split_once(',').unwrap_or((body, ""));
    if !grouped_by_thousands(int, ' ') || frac.contains(' ') {
        return Err(InputError::BadSpacing);
    }
    Ok(body.replace(' ', ""))
}

/// `300,000`, `1,234,567.50`: commas between groups of three, perhaps a decimal point with
/// cents. The integer digits and the cents.
fn english_notation(body: &str) -> Option<(String, &str)> {
    let (int, cents) = body.split_once('.').unwrap_or((body, ""));
    let english = int.contains(',')
        && grouped_by_thousands(int, ',')
        && cents.len() <= 2
        && cents.bytes().all(|b| b.is_ascii_digit());
    english.then(|| (int.replace(',', ""), cents))
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
            if int.contains('.') && !grouped_by_thousands(int, '.') {
                return Err(InputError::BadGrouping);
            }
            Ok((int.replace('.', ""), frac))
        }
        None if !int.contains('.') => Ok((int.to_string(), "")),
        None if grouped_by_thousands(int, '.') => Ok((int.replace('.', ""), "")),
        None => match int.split_once('.') {
            Some((whole, frac)) if !frac.contains('.') => Ok((whole.to_string(), frac)),
            _ => Err(InputError::BadGrouping),
        },
    }
}

/// `1.234.567`: a first group of 1–3 digits not starting with 0, then groups of exactly 3,
/// separated by `separator`.
fn grouped_by_thousands(int: &str, separator: char) -> bool {
    let mut groups = int.split(separator);
    let first = groups.next().unwrap_or("");
    let first_ok =
        (1..=3).contains(&first.len()) && !first.starts_with('0') && first.bytes().all(|b| b.is_ascii_digit());
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::format::{euro, for_input, fte, percent, percent_change, round, value};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

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
            // These two were `TooManyDecimals { max: 2 }` and `NotANumber`; now the
            // message says what was wrong (an English thousands comma, a percentage).
            ("1,234", Expect::AMOUNT, ThousandsComma { value: dec!(1234) }),
            ("5%", Expect::AMOUNT, PercentNotHere),
            ("€ 5", Expect::PERCENT, NotANumber { example: "-13,5" }),
        ];
        for (text, expect, error) in cases {
            assert_eq!(parse(text, expect), Err(error), "{text:?}");
        }
        assert_eq!(SignOnly.to_string(), "Vul na het minteken een getal in.");
        assert!(NotANumber { example: "6" }.to_string().starts_with("Dit is geen getal."));
    }

    #[test]
    fn reads_money_as_it_is_written_in_dutch() {
        let ok = |s: &str| parse(s, Expect::AMOUNT).unwrap_or_else(|err| panic!("{s:?}: {err}"));
        for text in [
            "€ 300.000,-",
            "300.000,—",
            "300.000,–",
            "300.000,--",
            "€300.000,-",
            "300 000",
            "300\u{a0}000",
            "300\u{202f}000",
            "€\u{a0}300\u{a0}000,-",
            "300k",
            "300 k",
            "300 K",
            "300 duizend",
            "0,3 mln",
            "300.000 euro",
            "300.000 EUR",
            "300.000 €",
            "300 duizend euro",
        ] {
            assert_eq!(ok(text), dec!(300000), "{text:?}");
        }
        for text in
            ["1,5 mln", "1,5 miljoen", "1,5mln", "1,5 Mln.", "1.5 mln", "€ 1,5 mln", "1,5 miljoen euro", "1.500 k"]
        {
            assert_eq!(ok(text), dec!(1500000), "{text:?}");
        }
        assert_eq!(ok("2 mld"), dec!(2000000000));
        assert_eq!(ok("2 miljard"), dec!(2000000000));
        assert_eq!(ok("2,5 mrd"), dec!(2500000000));
        assert_eq!(ok("0,000001 mld"), dec!(1000));
        assert_eq!(ok("1,23456789 mln"), dec!(1234567.89));
        assert_eq!(ok("1 234 567,50"), dec!(1234567.5));
        assert_eq!(ok("-1,5 mln"), dec!(-1500000), "the sign is read; the bounds refuse it later");
        // A comma with two decimals, or a leading 0, is a Dutch decimal comma as always.
        assert_eq!(ok("300,50"), dec!(300.5));
        assert_eq!(ok("0,500"), dec!(0.5));
        // With a word after it, the writer writes Dutch: `1,500 mln` is 1,5 mln.
        assert_eq!(ok("1,500 mln"), dec!(1500000));
        // A percentage or a count is not money: no words, no `,-`, and `1,250` is 1,25.
        assert_eq!(parse("1,250", Expect::PERCENT), Ok(dec!(1.25)));
        assert_eq!(parse("300,000", Expect::PERCENT), Ok(dec!(300)));
        assert_eq!(parse("-13 procent", Expect::PERCENT), Ok(dec!(-13)));
        assert_eq!(parse("1 000", Expect::PLAIN), Ok(dec!(1000)));
        assert_eq!(parse("1,5 mln", Expect::PERCENT), Err(InputError::NotANumber { example: "-13,5" }));
        assert_eq!(parse("300,-", Expect::PLAIN), Err(InputError::NotANumber { example: "6" }));
    }

    #[test]
    fn asks_about_commas_between_thousands() {
        use InputError::*;
        let asks = |s: &str| match parse(s, Expect::AMOUNT) {
            Err(ThousandsComma { value }) => value,
            other => panic!("{s:?}: {other:?}"),
        };
        assert_eq!(asks("300,000"), dec!(300000));
        assert_eq!(asks("€ 300,000"), dec!(300000));
        assert_eq!(asks("300,000 euro"), dec!(300000));
        assert_eq!(asks("1,250"), dec!(1250));
        assert_eq!(asks("1,234,567"), dec!(1234567));
        assert_eq!(asks("1,234,567.50"), dec!(1234567.5));
        assert_eq!(asks("-300,000"), dec!(-300000));
        let error = ThousandsComma { value: dec!(300000) };
        assert_eq!(
            error.to_string(),
            "Bedoelt u 300.000? In het Nederlands is de komma het decimaalteken: typ 300.000 of 300000."
        );
        assert_eq!(error.suggestion().as_deref(), Some("300.000"));
        assert_eq!(ThousandsComma { value: dec!(1234.5) }.suggestion().as_deref(), Some("1.234,5"));
        assert_eq!(ThousandsComma { value: dec!(-300000) }.suggestion().as_deref(), Some("-300.000"));
        assert_eq!(Empty.suggestion(), None);
        // Not a question: what cannot be English either.
        assert_eq!(parse("1,234.567", Expect::AMOUNT), Err(BadGrouping));
        assert_eq!(parse("1,2345", Expect::AMOUNT), Err(TooManyDecimals { max: 2 }));
        assert_eq!(parse("12,345,67", Expect::AMOUNT), Err(SeveralCommas));
        assert_eq!(parse("1 234,567", Expect::AMOUNT), Err(TooManyDecimals { max: 2 }));
    }

    #[test]
    fn says_what_was_wrong() {
        use InputError::*;
        let cases: [(&str, Expect, InputError); 14] = [
            ("-10%", Expect::AMOUNT, PercentNotHere),
            ("−10 %", Expect::AMOUNT, PercentNotHere),
            ("10 procent", Expect::AMOUNT, PercentNotHere),
            ("1,5 M", Expect::AMOUNT, UnknownWord),
            ("300 euros", Expect::AMOUNT, UnknownWord),
            ("12 34", Expect::AMOUNT, BadSpacing),
            ("1 2345", Expect::PERCENT, BadSpacing),
            ("1.000 000", Expect::AMOUNT, BadSpacing),
            ("1 000,5 0", Expect::AMOUNT, BadSpacing),
            ("12,5,-", Expect::AMOUNT, SeveralCommas),
            ("9.999.999 mld", Expect::AMOUNT, TooLarge),
            ("1,123456789 mln", Expect::AMOUNT, TooManyDecimals { max: 8 }),
            ("mln", Expect::AMOUNT, Empty),
            ("%", Expect::AMOUNT, NotANumber { example: "1.250.000" }),
        ];
        for (text, expect, error) in cases {
            assert_eq!(parse(text, expect), Err(error), "{text:?}");
        }
        assert_eq!(
            PercentNotHere.to_string(),
            "Typ hier een bedrag in euro's, geen percentage. Een wijziging in procenten typt u bij ‘Wijziging’."
        );
        let amount = NotANumber { example: Expect::AMOUNT.example() }.to_string();
        assert_eq!(amount, "Dit is geen getal. Typ een bedrag in cijfers, bijvoorbeeld 1.250.000 of 1,5 mln.");
        let percent = NotANumber { example: Expect::PERCENT.example() }.to_string();
        assert_eq!(percent, "Dit is geen getal. Typ een percentage in cijfers, bijvoorbeeld -13,5.");
        assert!(UnknownWord.to_string().contains("mln"));
    }

    #[test]
    fn a_long_row_of_zeros_is_not_too_large() {
        assert_eq!(parse("0000000000000000000000005", Expect::PLAIN), Ok(dec!(5)));
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (-(10i64.pow(15))..10i64.pow(15), 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::model::testing::cases(10_000)))]

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
        fn reads_back_amounts_with_spaces_and_dashes(d in any_decimal()) {
            let whole = round(d, 0);
            for space in [" ", "\u{a0}", "\u{202f}"] {
                prop_assert_eq!(parse(&euro(d).replace('.', space), Expect::AMOUNT), Ok(whole));
                let typed = for_input(d, Unit::Euro).replace('.', space);
                prop_assert_eq!(parse(&typed, Expect::AMOUNT), Ok(whole));
            }
            for dash in [",-", ",—", ",–"] {
                prop_assert_eq!(parse(&format!("{}{dash}", euro(d)), Expect::AMOUNT), Ok(whole));
            }
        }

        #[test]
        fn reads_words_for_thousands_millions_and_billions(
            mantissa in 0i64..1_000_000_000_000,
            (word, exponent) in prop_oneof![
                Just(("duizend", 3)), Just(("k", 3)), Just(("mln", 6)), Just(("miljoen", 6)),
                Just(("Mln.", 6)), Just(("mld", 9)), Just(("miljard", 9)), Just(("mrd", 9)),
            ],
            decimals in 0u32..=5,
            space in prop_oneof![Just(""), Just(" "), Just("\u{a0}")],
        ) {
            // `x,y word` with x below 10^(15 − exponent), so the amount stays below 10^15.
            let x = Decimal::new(mantissa % 10i64.pow(15 - exponent), decimals);
            let text = format!("{}{space}{word}", number(x, decimals));
            let meant = x * Decimal::from(10i64.pow(exponent));
            prop_assert_eq!(parse(&text, Expect::AMOUNT), Ok(meant), "{}", text);
        }

        #[test]
        fn asks_about_any_english_amount(whole in 1_000i64..1_000_000_000_000_000, cents in prop::option::of(0i64..100)) {
            let english = number(Decimal::from(whole), 0).replace('.', ",");
            let (text, meant) = match cents {
                Some(c) => (format!("{english}.{c:02}"), Decimal::new(whole * 100 + c, 2)),
                None => (english, Decimal::from(whole)),
            };
            let error = parse(&text, Expect::AMOUNT).unwrap_err();
            prop_assert_eq!(error, InputError::ThousandsComma { value: meant.normalize() });
            // The suggestion, typed, is what was meant.
            let suggested = error.suggestion().unwrap_or_default();
            prop_assert_eq!(parse(&suggested, Expect::AMOUNT), Ok(meant));
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
