//! Reading a link: lenient, bounded, and never failing.
//!
//! Gemeenten paste links into documents and intranet pages, so whatever a link holds, the
//! page opens: what cannot be used is skipped with a [`Notice`]. Reading is linear in the
//! length of the query and stops early on what no link of the calculator contains (more
//! than [`MAX_PARTS`] parts, more than [`MAX_GEMEENTEN`] gemeenten), so a hostile link of
//! a megabyte costs milliseconds, not a frozen tab.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::keys::{COUNT, Key};
use super::limits::{MAX_GEMEENTEN, MAX_NOTICES, MAX_PARTS};
use super::notice::{Notice, Quoted};
use crate::model::data::{Dataset, GemeenteId, Line, compact};
use crate::model::find::{Resolution, later_named, resolve};
use crate::model::inputs::{Compared, PageMode, Session};
use crate::model::scenario::{Change, Scenario};
use crate::model::selection::Selection;
use crate::text::input::{self, FieldError};
use crate::text::notation::{Expect, InputError};
use crate::text::saved::{MAX_COMPARED, MAX_NAME, MAX_QUERY};

/// In a link a single point is a decimal point (`wijziging=-13.5`, as the encoder writes);
/// with a comma, or several points, the value is read in Dutch notation (`1.500.000,50`).
fn link_number(value: &str) -> String {
    if value.matches('.').count() == 1 && !value.contains(',') { value.replace('.', ",") } else { value.to_string() }
}

/// Reads a query string (with or without the leading `?`): the session it describes, and
/// what was ignored, at most [`MAX_NOTICES`] notices. `embed=` and `kaart=` are read as
/// [`decode_page`] reads them, and left out of the session.
pub fn decode(data: &Dataset, query: &str) -> (Session, Vec<Notice>) {
    let (session, _, notices) = decode_page(data, query);
    (session, notices)
}

/// The link that opens a page: the session, the page's layout (fixed from then on), and
/// what was ignored.
pub fn decode_page(data: &Dataset, query: &str) -> (Session, PageMode, Vec<Notice>) {
    let (session, mode, mut notices) = decode_with(data, query, true);
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - MAX_NOTICES + 1;
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice::More(more));
    }
    (session, mode, notices)
}

/// The first non-empty value of each key, and the area keys in the order the link gives them.
struct Values {
    first: [Option<String>; COUNT],
    areas: Vec<Key>,
}

impl Values {
    fn read(query: &str, notices: &mut Vec<Notice>) -> Values {
        let mut values = Values { first: std::array::from_fn(|_| None), areas: Vec::new() };
        let mut repeated = [false; COUNT];
        for (i, (name, value)) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).enumerate() {
            if i == MAX_PARTS {
                notices.push(Notice::TooManyParts);
                break;
            }
            let Some(key) = Key::from_name(&name) else {
                notices.push(Notice::UnknownKey(Quoted::new(&name)));
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                notices.push(Notice::Empty(key));
            } else if values.first[key.slot()].is_some() {
                if !std::mem::replace(&mut repeated[key.slot()], true) {
                    notices.push(Notice::Repeated(key));
                }
            } else {
                values.first[key.slot()] = Some(value.to_string());
                if key.area_kind().is_some() {
                    values.areas.push(key);
                }
            }
        }
        values
    }

    fn get(&self, key: Key) -> Option<&str> {
        self.first[key.slot()].as_deref()
    }
}

fn decode_with(data: &Dataset, query: &str, with_comparison: bool) -> (Session, PageMode, Vec<Notice>) {
    let mut notices = Vec::new();
    let values = Values::read(query, &mut notices);
    let mut session = Session::new(data);
    let mut mode = PageMode::default();
    let inputs = &mut session.inputs;

    // 1. The area: the first area key, its name read as the search field reads it. When no
    //    area can be read, what the link says about the area is not applied to another one
    //    (a gemeente's −10 % shown for all of Nederland would be a misleading figure).
    //    `indeling=` says which gemeente of that name, for one formed after 2013.
    let mut chosen = false;
    let mut area_lost = false;
    let indeling = values.get(Key::Indeling);
    let year = indeling.and_then(|y| y.parse::<u64>().ok()).and_then(|y| u16::try_from(y).ok());
    if let (Some(given), true) = (indeling, year.is_none() || values.get(Key::Gemeente).is_none()) {
        notices.push(Notice::IndelingUnused(Quoted::new(given)));
    }
    for &key in &values.areas {
        let (Some(kind), Some(naam)) = (key.area_kind(), values.get(key)) else { continue };
        if chosen {
            notices.push(Notice::SecondArea(Quoted::new(&format!("{key}={naam}"))));
            continue;
        }
        // In an indeling in which no later gemeente has this name, it is the 2013 one.
        let later = year.filter(|_| key == Key::Gemeente).and_then(|y| later_named(data, naam, Some(y)));
        if let Some(id) = later {
            inputs.selection = Selection::Later(id);
            (chosen, area_lost) = (true, false);
            continue;
        }
        match resolve(data, kind, naam) {
            Resolution::Exact(selection) => inputs.selection = selection,
            Resolution::Read(selection) => {
                inputs.selection = selection;
                notices.push(Notice::AreaRead { given: Quoted::new(naam), naam: selection.naam(data).to_string() });
            }
            Resolution::Ambiguous(names) => {
                notices.push(Notice::AmbiguousArea(kind, Quoted::new(naam), names));
                area_lost = true;
                continue;
            }
            Resolution::Unknown => {
                notices.push(Notice::UnknownArea(kind, Quoted::new(naam)));
                area_lost = true;
                continue;
            }
        }
        chosen = true;
        area_lost = false;
    }

    // 2. Per line: the landelijk change, then the area's change over it. In both, an amount
    //    wins over a percentage.
    for line in Line::ALL {
        let layers = [
            (Selection::Nederland, Key::landelijk_amount(line), Key::landelijk_percent(line)),
            (inputs.selection, Key::amount(line), Key::percent(line)),
        ];
        for (on, amount_key, percent_key) in layers {
            if area_lost && on == inputs.selection && amount_key == Key::amount(line) {
                for key in [amount_key, percent_key] {
                    if values.get(key).is_some() {
                        notices.push(Notice::NotForLostArea(key));
                    }
                }
                continue;
            }
            let change = match (values.get(amount_key), values.get(percent_key)) {
                (Some(amount), percent) => {
                    if percent.is_some() {
                        notices.push(Notice::Overruled { ignored: percent_key, winner: amount_key });
                    }
                    input::amount(&link_number(amount))
                        .map(|a| (amount_key, Change::Total(a)))
                        .map_err(|e| (amount_key, e))
                }
                (None, Some(percent)) => input::percentage(&link_number(percent))
                    .map(|p| (percent_key, Change::Percent(p)))
                    .map_err(|e| (percent_key, e)),
                (None, None) => continue,
            };
            match change {
                Ok((key, change)) => {
                    if let Err(error) = inputs.scenario.apply(data, on, line, change) {
                        notices.push(Notice::NotApplied { key, error });
                    }
                }
                Err((key, error)) => notices.push(Notice::Ignored { key, error }),
            }
        }
    }

    // 3. The gemeenten with an amount of their own.
    if let Some(list) = values.get(Key::Gemeenten) {
        decode_gemeenten(data, list, &mut inputs.scenario, &mut notices);
    }

    // 4. The afbouwpad, the assumptions, and what the page shows besides.
    for (i, key) in Key::PAD.into_iter().enumerate() {
        if let Some(value) = values.get(key) {
            if area_lost {
                notices.push(Notice::NotForLostArea(key));
                continue;
            }
            match input::percentage(&link_number(value)) {
                Ok(p) => inputs.pad[i] = Some(p),
                Err(error) => notices.push(Notice::Ignored { key, error }),
            }
        }
    }
    for param in crate::model::params::ParamKey::ALL {
        let key = Key::Param(param);
        if let Some(value) = values.get(key) {
            match input::parameter(param, &link_number(value)) {
                // In range: `input::parameter` checked it.
                Ok(v) => drop(inputs.params.set(param, v)),
                Err(error) => notices.push(Notice::Ignored { key, error }),
            }
        }
    }
    if let Some(value) = values.get(Key::DoelOngedekt) {
        match input::amount(&link_number(value)) {
            Ok(target) => session.doel_ongedekt = Some(target),
            Err(error) => notices.push(Notice::Ignored { key: Key::DoelOngedekt, error }),
        }
    }
    if let Some(value) = values.get(Key::Vergelijk).filter(|_| with_comparison) {
        session.vergelijk = decode_comparison(data, value, &mut notices);
    }
    if let Some(value) = values.get(Key::Onvolledig) {
        match value.parse::<usize>() {
            Ok(n) if n > 0 => notices.push(Notice::Incomplete(n.min(data.gemeenten.len()))),
            _ => notices.push(Notice::Ignored {
                key: Key::Onvolledig,
                error: FieldError::Notation(InputError::NotANumber { example: Expect::PLAIN.example() }),
            }),
        }
    }
    for (key, switch) in [(Key::Embed, &mut mode.embed), (Key::Kaart, &mut mode.kaart)] {
        match values.get(key) {
            Some("1") => *switch = true,
            Some("0") | None => {}
            Some(other) => notices.push(Notice::BadSwitch(key, Quoted::new(other))),
        }
    }
    for key in Key::WEERGAVE {
        if let Some(value) = values.get(key) {
            super::weergave::read(key, value, &mut session.weergave, &mut notices);
        }
    }
    // Read where the messages are sent (`super::host`); here only said when unusable.
    if let Some(value) = values.get(Key::Host).filter(|v| super::origin(v).is_none()) {
        notices.push(Notice::BadHost(Quoted::new(value)));
    }
    (session, mode, notices)
}

fn decode_gemeenten(data: &Dataset, list: &str, scenario: &mut Scenario, notices: &mut Vec<Notice>) {
    let mut seen = vec![false; data.gemeenten.len()];
    for (i, entry) in list.split(';').map(str::trim).filter(|e| !e.is_empty()).enumerate() {
        if i == MAX_GEMEENTEN {
            notices.push(Notice::TooManyGemeenten);
            return;
        }
        let mut fields = entry.split(':');
        let naam = fields.next().unwrap_or("");
        if naam.trim().is_empty() {
            notices.push(Notice::GemeenteWithoutName);
            continue;
        }
        let Some(g) = data.find_gemeente(&compact(naam)) else {
            notices.push(Notice::UnknownGemeente(Quoted::new(naam)));
            continue;
        };
        if std::mem::replace(&mut seen[g.index()], true) {
            notices.push(Notice::GemeenteRepeated(data.gemeente(g).naam.clone()));
            continue;
        }
        let amounts: Vec<&str> = fields.by_ref().take(2).collect();
        if amounts.is_empty() || fields.next().is_some() {
            notices.push(Notice::GemeenteForm(Quoted::new(entry)));
            continue;
        }
        for (line, text) in Line::ALL.into_iter().zip(amounts).filter(|(_, t)| !t.trim().is_empty()) {
            let applied = gemeente_amount(data, g, line, text)
                .and_then(|amount| scenario.set_gemeente(data, g, line, amount).map_err(FieldError::Scenario));
            if let Err(error) = applied {
                notices.push(Notice::GemeenteValue {
                    value: Quoted::new(text),
                    naam: data.gemeente(g).naam.clone(),
                    error,
                });
            }
        }
    }
}

/// An amount in a `gemeenten` entry: euros, or a percentage of 2014 with a `%` sign.
fn gemeente_amount(data: &Dataset, g: GemeenteId, line: Line, text: &str) -> Result<Decimal, FieldError> {
    let text = link_number(text);
    if text.trim_end().ends_with('%') {
        let p = input::percentage(&text)?;
        Ok(data.gemeente(g).budget_2014.get(line) * (Decimal::ONE + p / dec!(100)))
    } else {
        input::amount(&text)
    }
}

/// Reads `vergelijk=`: `naam=query` pairs, themselves form-encoded. Each scenario is read
/// as a link of its own and kept as the calculator writes it; one that needed notices is
/// kept, and said so.
fn decode_comparison(data: &Dataset, value: &str, notices: &mut Vec<Notice>) -> Vec<Compared> {
    let mut compared = Vec::new();
    let (mut dropped, before) = (0, notices.len());
    for piece in value.split('&').filter(|p| !p.is_empty()) {
        if compared.len() == MAX_COMPARED {
            dropped += 1;
            continue;
        }
        let Some((naam, query)) = form_urlencoded::parse(piece.as_bytes()).next() else { continue };
        let naam_shown = crate::text::untrusted::one_line(&naam, MAX_NAME);
        let (Some(naam), true, true) = (naam_shown, piece.contains('='), query.len() <= MAX_QUERY) else {
            notices.push(Notice::CompareEntry(Quoted::new(&naam)));
            continue;
        };
        let (session, _, inner) = decode_with(data, &query, false);
        if !inner.is_empty() {
            notices.push(Notice::CompareNotices { naam: Quoted::new(&naam), count: inner.len() });
        }
        // Kept as the calculator writes it: what it could use, and nothing else.
        let query = super::encode(data, &Session::of(session.inputs));
        compared.push(Compared { naam, query });
    }
    if dropped > 0 {
        notices.push(Notice::CompareTooMany(dropped));
    }
    if compared.is_empty() && notices.len() == before {
        notices.push(Notice::CompareUnusable);
    }
    compared
}
