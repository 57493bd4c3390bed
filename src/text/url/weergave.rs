//! The view in a link (README, "Links"): `kaart_maat=`, `kaart_schaal=`, `kaart_kies=`,
//! `bedragen=`, `sorteer=`, `filter=`, `groep=`, `sorteer_mee=`, `open=` and `dicht=`.
//!
//! Each is written only where it differs from how the page opens, as one of a few words
//! (`sorteer=-frictiekosten`: a `-` sorts descending); a word that is not one of them is
//! ignored with a notice that lists them. The filter is text from outside: at most
//! [`MAX_FILTER`] visible characters on one line (`crate::text::untrusted`).

use super::keys::Key;
use super::notice::{Notice, Quoted};
use crate::model::data::Line;
use crate::model::selection::Kind;
use crate::model::weergave::{Column, Direction, Fold, MAX_FILTER, Maat, OrgColumn, Schaal, Sort, Weergave};
use crate::text::untrusted::one_line;

const MAAT: [(Maat, &str); 4] = [
    (Maat::Omzetdaling, "omzetdaling"),
    (Maat::Frictiekosten, "frictiekosten"),
    (Maat::Ongedekt, "ongedekt"),
    (Maat::FteVerlies, "fte_verlies"),
];
const SCHAAL: [(Schaal, &str); 2] = [(Schaal::Bedrag, "bedrag"), (Schaal::Aandeel, "aandeel")];
/// The words of the area keys: `kaart_kies=regio` as `regio=` chooses a jeugdregio.
const KIES: [(Kind, &str); 3] = [(Kind::Gemeente, "gemeente"), (Kind::Jeugdregio, "regio"), (Kind::Organisatie, "mee")];
const BEDRAGEN: [(Line, &str); 2] = [(Line::Co, "co"), (Line::Ivh, "ivh")];
const KOLOM: [(Column, &str); 7] = [
    (Column::Gemeente, "gemeente"),
    (Column::Budget2014, "budget_2014"),
    (Column::Inkoop2015, "inkoop_2015"),
    (Column::Wijziging, "wijziging"),
    (Column::Frictiekosten, "frictiekosten"),
    (Column::FrictiekostenAandeel, "frictiekosten_pct"),
    (Column::FteVerlies, "fte_verlies"),
];
const KOLOM_MEE: [(OrgColumn, &str); 7] = [
    (OrgColumn::Organisatie, "organisatie"),
    (OrgColumn::Budget2014, "budget_2014"),
    (OrgColumn::Inkoop2015, "inkoop_2015"),
    (OrgColumn::Frictiekosten, "frictiekosten"),
    (OrgColumn::FrictiekostenAandeel, "frictiekosten_pct"),
    (OrgColumn::FteVerlies, "fte_verlies"),
    (OrgColumn::FrictiekostenGeheel, "frictiekosten_geheel"),
];
const GROEP: [(bool, &str); 1] = [(true, "mee")];
const FOLD: [(Fold, &str); 4] = [
    (Fold::Berekening, "berekening"),
    (Fold::Gemeenten, "gemeenten"),
    (Fold::Afbouwpad, "afbouwpad"),
    (Fold::Aannames, "aannames"),
];

/// The most entries of `open=` or `dicht=` that are read (there are four sections).
const MAX_FOLDS: usize = 8;

fn word<T: Copy + PartialEq>(table: &[(T, &'static str)], value: T) -> &'static str {
    table.iter().find(|(v, _)| *v == value).map_or("", |(_, w)| w)
}

fn value<T: Copy>(table: &[(T, &'static str)], word: &str) -> Option<T> {
    table.iter().find(|(_, w)| w.eq_ignore_ascii_case(word)).map(|(v, _)| *v)
}

fn sort_word<C: Copy + PartialEq>(table: &[(C, &'static str)], sort: Sort<C>) -> String {
    let column = word(table, sort.column);
    match sort.direction {
        Direction::Oplopend => column.to_string(),
        Direction::Aflopend => format!("-{column}"),
    }
}

fn sort_value<C: Copy>(table: &[(C, &'static str)], text: &str) -> Option<Sort<C>> {
    let (direction, column) = match text.strip_prefix('-') {
        Some(column) => (Direction::Aflopend, column),
        None => (Direction::Oplopend, text),
    };
    value(table, column).map(|column| Sort { column, direction })
}

/// The view's parts of a link, in [`Key::WEERGAVE`] order, each only where it differs from
/// how the page opens.
pub(super) fn write(w: &Weergave, parts: &mut Vec<(Key, String)>) {
    let usual = Weergave::default();
    if w.kaart_maat != usual.kaart_maat {
        parts.push((Key::KaartMaat, word(&MAAT, w.kaart_maat).into()));
    }
    if w.kaart_schaal != usual.kaart_schaal {
        parts.push((Key::KaartSchaal, word(&SCHAAL, w.kaart_schaal).into()));
    }
    if w.kaart_kies != usual.kaart_kies {
        parts.push((Key::KaartKies, word(&KIES, w.kaart_kies).into()));
    }
    if w.bedragen != usual.bedragen {
        parts.push((Key::Bedragen, word(&BEDRAGEN, w.bedragen).into()));
    }
    if w.sorteer != usual.sorteer {
        parts.push((Key::Sorteer, sort_word(&KOLOM, w.sorteer)));
    }
    if let Some(filter) = one_line(&w.filter, MAX_FILTER) {
        parts.push((Key::Filter, filter));
    }
    if w.groep {
        parts.push((Key::Groep, word(&GROEP, true).into()));
    }
    if w.sorteer_mee != usual.sorteer_mee {
        parts.push((Key::SorteerMee, sort_word(&KOLOM_MEE, w.sorteer_mee)));
    }
    for (key, open) in [(Key::Open, true), (Key::Dicht, false)] {
        let folds: Vec<&str> =
            FOLD.iter().filter(|(f, _)| w.open[*f as usize] == Some(open)).map(|(_, n)| *n).collect();
        if !folds.is_empty() {
            parts.push((key, folds.join(",")));
        }
    }
}

/// Reads the value of one of [`Key::WEERGAVE`] into `w`, or says why not.
pub(super) fn read(key: Key, text: &str, w: &mut Weergave, notices: &mut Vec<Notice>) {
    let read = match key {
        Key::KaartMaat => value(&MAAT, text).map(|v| w.kaart_maat = v),
        Key::KaartSchaal => value(&SCHAAL, text).map(|v| w.kaart_schaal = v),
        Key::KaartKies => value(&KIES, text).map(|v| w.kaart_kies = v),
        Key::Bedragen => value(&BEDRAGEN, text).map(|v| w.bedragen = v),
        Key::Sorteer => sort_value(&KOLOM, text).map(|v| w.sorteer = v),
        Key::Groep => value(&GROEP, text).map(|v| w.groep = v),
        Key::SorteerMee => sort_value(&KOLOM_MEE, text).map(|v| w.sorteer_mee = v),
        Key::Filter => {
            // One more than may be kept, to tell a filter too long from one just long enough.
            match one_line(text, MAX_FILTER + 1) {
                Some(f) if f.chars().count() > MAX_FILTER => notices.push(Notice::TooLong(key, MAX_FILTER)),
                Some(f) => w.filter = f,
                None => notices.push(Notice::Empty(key)),
            }
            Some(())
        }
        Key::Open | Key::Dicht => {
            let open = key == Key::Open;
            for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()).take(MAX_FOLDS) {
                match value(&FOLD, entry) {
                    // Named twice in one list: once is enough. In both lists: `open=` first.
                    Some(fold) if w.open[fold as usize] == Some(open) => {}
                    Some(fold) if w.open[fold as usize].is_some() => {
                        notices.push(Notice::Overruled { ignored: key, winner: Key::Open })
                    }
                    Some(fold) => w.open[fold as usize] = Some(open),
                    None => notices.push(Notice::BadChoice(key, Quoted::new(entry))),
                }
            }
            Some(())
        }
        _ => Some(()),
    };
    if read.is_none() {
        notices.push(Notice::BadChoice(key, Quoted::new(text)));
    }
}

/// "a, b of c zijn": the words `key` can have, for its notice.
pub(super) fn choices(key: Key) -> String {
    fn list<T>(table: &[(T, &'static str)]) -> String {
        let words: Vec<&str> = table.iter().map(|(_, w)| *w).collect();
        match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} of {last}", rest.join(", ")),
            _ => words.concat(),
        }
    }
    let words = match key {
        Key::KaartMaat => list(&MAAT),
        Key::KaartSchaal => list(&SCHAAL),
        Key::KaartKies => list(&KIES),
        Key::Bedragen => list(&BEDRAGEN),
        Key::Groep => list(&GROEP),
        Key::Sorteer => return format!("een kolom zijn ({}; met - ervoor aflopend)", list(&KOLOM)),
        Key::SorteerMee => return format!("een kolom zijn ({}; met - ervoor aflopend)", list(&KOLOM_MEE)),
        Key::Open | Key::Dicht => return format!("{} zijn, met komma's ertussen", list(&FOLD)),
        _ => String::new(),
    };
    format!("{words} zijn")
}
