//! The view in a link (README, "Links"): `kaart_maat=`, `kaart_schaal=`, `kaart_kies=`,
//! `bedragen=`, `sorteer=`, `filter=`, `groep=`, `sorteer_mee=`, `open=` and `dicht=`.
//!
//! Each is written only where it differs from how the page opens, as one of a few words
//! (`sorteer=-frictiekosten`: a `-` sorts descending); a word that is not one of them is
//! ignored with a notice that lists them. The filter is text from outside: at most
//! [`MAX_FILTER`] visible characters on one line (`crate::text::untrusted`).
//!
//! The codec is part of the first load, so it is kept small: one list of words per key ([`Key::words`]), in
//! the order of the values they name, and no code per type.

use super::keys::Key;
use super::notice::{Notice, Quoted};
use crate::model::data::Line;
use crate::model::selection::Kind;
use crate::model::weergave::{Column, Direction, Fold, MAX_FILTER, Maat, OrgColumn, Schaal, Sort, Weergave};
use crate::text::untrusted::one_line;

/// What a click on the map can choose, in the order of `kaart_kies`'s words.
const KIES: [Kind; 3] = [Kind::Gemeente, Kind::Jeugdregio, Kind::Organisatie];
const SCHAAL: [Schaal; 2] = [Schaal::Bedrag, Schaal::Aandeel];

/// The most entries of `open=` or `dicht=` that are read (there are four sections).
const MAX_FOLDS: usize = 8;

/// The position of `word` among `key`'s words, in any case.
fn index(key: Key, word: &str) -> Option<usize> {
    key.words().iter().position(|w| w.eq_ignore_ascii_case(word))
}

fn word(key: Key, i: usize) -> String {
    key.words().get(i).copied().unwrap_or_default().to_string()
}

/// A sort: its column's word, with a `-` before it when descending.
fn sort_word(key: Key, column: usize, direction: Direction) -> String {
    let minus = if direction == Direction::Descending { "-" } else { "" };
    [minus, key.words().get(column).copied().unwrap_or_default()].concat()
}

/// The view's parts of a link, in [`Key::WEERGAVE`] order, each only where it differs from
/// how the page opens.
pub(super) fn write(w: &Weergave, parts: &mut Vec<(Key, String)>) {
    let usual = Weergave::default();
    for key in Key::WEERGAVE {
        let text = match key {
            Key::KaartMaat if w.kaart_maat != usual.kaart_maat => word(key, w.kaart_maat as usize),
            Key::KaartSchaal if w.kaart_schaal != usual.kaart_schaal => word(key, w.kaart_schaal as usize),
            Key::KaartKies if w.kaart_kies != usual.kaart_kies => {
                word(key, KIES.iter().position(|&k| k == w.kaart_kies).unwrap_or(0))
            }
            Key::Bedragen if w.bedragen != usual.bedragen => word(key, w.bedragen as usize),
            Key::Sorteer if w.sorteer != usual.sorteer => {
                sort_word(key, w.sorteer.column as usize, w.sorteer.direction)
            }
            Key::SorteerMee if w.sorteer_mee != usual.sorteer_mee => {
                sort_word(key, w.sorteer_mee.column as usize, w.sorteer_mee.direction)
            }
            Key::Filter => one_line(&w.filter, MAX_FILTER).unwrap_or_default(),
            Key::Groep if w.groep => word(key, 0),
            Key::Open | Key::Dicht => {
                let wanted = Some(key == Key::Open);
                let folds: Vec<&str> =
                    (0..Fold::ALL.len()).filter(|&i| w.open[i] == wanted).map(|i| key.words()[i]).collect();
                folds.join(",")
            }
            _ => String::new(),
        };
        if !text.is_empty() {
            parts.push((key, text));
        }
    }
}

/// Reads the value of one of [`Key::WEERGAVE`] into `w`, or says why not.
pub(super) fn read(key: Key, text: &str, w: &mut Weergave, notices: &mut Vec<Notice>) {
    let read = match key {
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
                match index(key, entry) {
                    // Named twice in one list: once is enough. In both lists: `open=` first.
                    Some(i) if w.open[i] == Some(open) => {}
                    Some(i) if w.open[i].is_some() => {
                        notices.push(Notice::Overruled { ignored: key, winner: Key::Open })
                    }
                    Some(i) => w.open[i] = Some(open),
                    None => notices.push(Notice::BadChoice(key, Quoted::new(entry))),
                }
            }
            Some(())
        }
        Key::Sorteer | Key::SorteerMee => {
            let (direction, column) = match text.strip_prefix('-') {
                Some(column) => (Direction::Descending, column),
                None => (Direction::Ascending, text),
            };
            index(key, column).and_then(|i| match key {
                Key::Sorteer => Column::ALL.get(i).map(|&column| w.sorteer = Sort { column, direction }),
                _ => OrgColumn::ALL.get(i).map(|&column| w.sorteer_mee = Sort { column, direction }),
            })
        }
        _ => index(key, text).and_then(|i| match key {
            Key::KaartMaat => Maat::ALL.get(i).map(|&v| w.kaart_maat = v),
            Key::KaartSchaal => SCHAAL.get(i).map(|&v| w.kaart_schaal = v),
            Key::KaartKies => KIES.get(i).map(|&v| w.kaart_kies = v),
            Key::Bedragen => Line::ALL.get(i).map(|&v| w.bedragen = v),
            Key::Groep => {
                w.groep = true;
                Some(())
            }
            _ => Some(()),
        }),
    };
    if read.is_none() {
        notices.push(Notice::BadChoice(key, Quoted::new(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word names the value at its position.
    #[test]
    fn a_word_for_every_value() {
        let counts = [
            (Key::KaartMaat, Maat::ALL.len()),
            (Key::KaartSchaal, SCHAAL.len()),
            (Key::KaartKies, KIES.len()),
            (Key::Bedragen, Line::ALL.len()),
            (Key::Sorteer, Column::ALL.len()),
            (Key::SorteerMee, OrgColumn::ALL.len()),
            (Key::Open, Fold::ALL.len()),
        ];
        for (key, count) in counts {
            assert_eq!(key.words().len(), count, "{key}");
        }
        assert!(Maat::ALL.iter().enumerate().all(|(i, &m)| m as usize == i));
        assert!(SCHAAL.iter().enumerate().all(|(i, &s)| s as usize == i));
        assert!(Line::ALL.iter().enumerate().all(|(i, &l)| l as usize == i));
        assert!(Column::ALL.iter().enumerate().all(|(i, &c)| c as usize == i));
        assert!(OrgColumn::ALL.iter().enumerate().all(|(i, &c)| c as usize == i));
        assert!(Fold::ALL.iter().enumerate().all(|(i, &f)| f as usize == i));
    }
}
