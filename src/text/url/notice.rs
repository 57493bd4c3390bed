//! What a link asked for that the calculator could not use, as values: the decoder's
//! results are tested by variant, and `Display` gives the Dutch sentence the page shows.

use std::fmt;

use super::keys::Key;
use super::limits::{MAX_GEMEENTEN, MAX_PARTS};
use crate::model::scenario::ScenarioError;
use crate::model::selection::Kind;
use crate::text::input::FieldError;
use crate::text::saved::MAX_COMPARED;

/// Text from the link, quoted for a notice: visible characters only (no bidi controls
/// that would turn the sentence around it), at most 40 of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted(String);

impl Quoted {
    const MAX: usize = 40;

    pub fn new(text: &str) -> Quoted {
        let visible = crate::text::untrusted::visible(text);
        let short: String = visible.chars().take(Quoted::MAX).collect();
        let more = if short.len() < visible.len() { "…" } else { "" };
        Quoted(format!("‘{short}{more}’"))
    }
}

impl fmt::Display for Quoted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// More parts than any link the calculator writes; the rest was not read.
    TooManyParts,
    UnknownKey(Quoted),
    Empty(Key),
    Repeated(Key),
    /// An area after the first one the link chose.
    SecondArea(Quoted),
    UnknownArea(Kind, Quoted),
    /// A name read as the one area it can mean ("Drenthe" for MEE Drenthe).
    AreaRead {
        given: Quoted,
        naam: String,
    },
    /// A name that fits several areas of its kind equally well: these.
    AmbiguousArea(Kind, Quoted, Vec<String>),
    /// `indeling=` that is no year, or comes without `gemeente=`.
    IndelingUnused(Quoted),
    /// Said of the area the link could not find, so not applied to another one.
    NotForLostArea(Key),
    /// `ignored` was not used because `winner` sets the same.
    Overruled {
        ignored: Key,
        winner: Key,
    },
    Ignored {
        key: Key,
        error: FieldError,
    },
    NotApplied {
        key: Key,
        error: ScenarioError,
    },
    GemeenteWithoutName,
    UnknownGemeente(Quoted),
    GemeenteForm(Quoted),
    GemeenteRepeated(String),
    GemeenteValue {
        value: Quoted,
        naam: String,
        error: FieldError,
    },
    TooManyGemeenten,
    /// A switch (`embed`, `kaart`) that is neither 1 nor 0.
    BadSwitch(Key, Quoted),
    /// `host=` that is no origin such as `https://intranet.example`.
    BadHost(Quoted),
    CompareUnusable,
    CompareEntry(Quoted),
    CompareTooMany(usize),
    CompareNotices {
        naam: Quoted,
        count: usize,
    },
    /// The link was written without the amounts of this many gemeenten (too many for a link).
    Incomplete(usize),
    /// A view key (`super::weergave`) whose value is none of its words.
    BadChoice(Key, Quoted),
    /// Text longer than the page keeps (the filter): ignored.
    TooLong(Key, usize),
    /// This many more notices were left out.
    More(usize),
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::TooManyParts => {
                write!(f, "De link heeft te veel onderdelen; na de eerste {} is de rest genegeerd.", MAX_PARTS)
            }
            Notice::UnknownKey(q) => write!(f, "De link bevat {q}, dat deze rekenhulp niet kent; genegeerd."),
            Notice::Empty(key) => write!(f, "‘{key}’ in de link heeft geen waarde; genegeerd."),
            Notice::Repeated(key) => {
                write!(f, "‘{key}’ staat meer dan eens in de link; de eerste waarde is gebruikt.")
            }
            Notice::SecondArea(q) => write!(f, "De link kiest meer dan één gebied; {q} is genegeerd."),
            Notice::UnknownArea(kind, q) => write!(
                f,
                "{} {q} staat niet in de tabel. Zoek het gebied hierboven; tot dan staat heel Nederland hier, zonder de wijziging uit de link.",
                kind.heading()
            ),
            Notice::AreaRead { given, naam } => write!(f, "{given} in de link is gelezen als {naam}."),
            Notice::AmbiguousArea(kind, q, names) => write!(
                f,
                "{} {q} kan {} zijn. Kies het gebied hierboven; tot dan staat heel Nederland hier, zonder de wijziging uit de link.",
                kind.heading(),
                candidates(names)
            ),
            Notice::IndelingUnused(q) => {
                write!(f, "‘indeling’ {q} in de link is niet gebruikt: het is een jaartal bij ‘gemeente’.")
            }
            Notice::NotForLostArea(key) => {
                write!(f, "‘{key}’ gold voor het gebied dat niet gevonden is en is niet toegepast.")
            }
            Notice::Overruled { ignored, winner } => {
                write!(f, "‘{ignored}’ is niet gebruikt: ‘{winner}’ in dezelfde link gaat voor.")
            }
            Notice::Ignored { key, error } => write!(f, "‘{key}’ in de link is genegeerd: {error}"),
            Notice::NotApplied { key, error } => write!(f, "‘{key}’ in de link kon niet worden toegepast: {error}"),
            Notice::GemeenteWithoutName => {
                f.write_str("‘gemeenten’ bevat een onderdeel zonder gemeentenaam; genegeerd.")
            }
            Notice::UnknownGemeente(q) => write!(f, "Gemeente {q} uit ‘gemeenten’ staat niet in de tabel; genegeerd."),
            Notice::GemeenteForm(q) => {
                write!(f, "‘gemeenten’: {q} heeft de vorm naam:bedrag:bedrag nodig; genegeerd.")
            }
            Notice::GemeenteRepeated(naam) => {
                write!(f, "‘gemeenten’ noemt {naam} meer dan eens; de eerste bedragen zijn gebruikt.")
            }
            Notice::GemeenteValue { value, naam, error } => {
                write!(f, "‘gemeenten’: {value} voor {naam} is genegeerd: {error}")
            }
            Notice::TooManyGemeenten => {
                write!(f, "‘gemeenten’ heeft meer dan {} onderdelen; de rest is genegeerd.", MAX_GEMEENTEN)
            }
            Notice::BadSwitch(key, q) => write!(f, "‘{}’ kan 1 of 0 zijn, niet {q}; genegeerd.", key.name()),
            Notice::BadHost(q) => write!(
                f,
                "‘host’ moet een herkomst zijn zoals https://intranet.voorbeeld.nl, niet {q}; de pagina eromheen krijgt geen cijfers."
            ),
            Notice::CompareUnusable => f.write_str("‘vergelijk’ in de link bevat geen bruikbaar scenario; genegeerd."),
            Notice::CompareEntry(q) => write!(f, "‘vergelijk’: {q} bevat geen scenario; weggelaten."),
            Notice::CompareTooMany(1) => {
                write!(f, "‘vergelijk’ bevat meer dan {MAX_COMPARED} scenario's; het laatste is weggelaten.")
            }
            Notice::CompareTooMany(n) => {
                write!(f, "‘vergelijk’ bevat meer dan {MAX_COMPARED} scenario's; de laatste {n} zijn weggelaten.")
            }
            Notice::CompareNotices { naam, count: 1 } => {
                write!(f, "Scenario {naam} uit ‘vergelijk’: één onderdeel kon niet worden gebruikt.")
            }
            Notice::CompareNotices { naam, count } => {
                write!(f, "Scenario {naam} uit ‘vergelijk’: {count} onderdelen konden niet worden gebruikt.")
            }
            Notice::Incomplete(n) => write!(
                f,
                "Deze link is onvolledig: de bedragen van {n} apart gewijzigde gemeenten pasten er niet in. \
                 Vraag de afzender om de CSV of om een bewaard scenario."
            ),
            Notice::BadChoice(key, q) => {
                write!(f, "‘{key}’ in de link kan {}, niet {q}; genegeerd.", choices(*key))
            }
            Notice::TooLong(key, max) => write!(f, "‘{key}’ in de link is langer dan {max} tekens; genegeerd."),
            Notice::More(n) => write!(f, "En nog {n} andere onderdelen van de link zijn genegeerd."),
        }
    }
}

/// How many names an ambiguous area lists: more than a few is a list nobody reads, and a
/// short link name such as ‘S’ can fit half the organisations.
const LISTED: usize = 3;

/// "A of B", or "onder meer A, B of C (11 gebieden)" when there are more than [`LISTED`].
fn candidates(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        _ if names.len() <= LISTED => names.join(" of "),
        _ => {
            format!("onder meer {} of {} ({} gebieden)", names[..LISTED - 1].join(", "), names[LISTED - 1], names.len())
        }
    }
}

/// "a, b of c zijn": the words `key` can have, for its notice.
fn choices(key: Key) -> String {
    let list = match key.words().split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} of {last}", rest.join(", ")),
        _ => key.words().concat(),
    };
    match key {
        Key::Sorteer | Key::SorteerMee => format!("een kolom zijn ({list}; met - ervoor aflopend)"),
        Key::Open | Key::Dicht => format!("{list} zijn, met komma's ertussen"),
        _ => format!("{list} zijn"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambiguous_name_lists_a_few_candidates_and_counts_the_rest() {
        let names = |n: usize| (1..=n).map(|i| format!("MEE {i}")).collect::<Vec<_>>();
        let q = || Quoted::new("S");
        let two = Notice::AmbiguousArea(Kind::Organisatie, q(), names(2)).to_string();
        assert!(two.contains("kan MEE 1 of MEE 2 zijn"), "{two}");
        let many = Notice::AmbiguousArea(Kind::Organisatie, q(), names(11)).to_string();
        assert!(many.contains("kan onder meer MEE 1, MEE 2 of MEE 3 (11 gebieden) zijn"), "{many}");
        assert!(!many.contains("MEE 4"), "{many}");
    }

    #[test]
    fn quotes_are_short_and_cannot_turn_the_sentence_around() {
        assert_eq!(Quoted::new("foo").to_string(), "‘foo’");
        assert_eq!(Quoted::new(&"x".repeat(50)).to_string(), format!("‘{}…’", "x".repeat(40)));
        let notice = Notice::UnknownKey(Quoted::new("\u{202E}tnanimod\u{2066}")).to_string();
        assert!(!notice.contains(['\u{202E}', '\u{2066}']), "{notice}");
        assert!(notice.starts_with("De link bevat ‘tnanimod’,"));
    }
}
