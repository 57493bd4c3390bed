//! Writing a link: exact, short, and bounded.
//!
//! The scenario is written as its [`Layers`]: "landelijk −17,73 %, Groningen −13 %" instead
//! of 408 amounts. Amounts are written in the shorter of euros and percentage, each exact.
//! The separators of `gemeenten=` (`:` `;`) and commas in names are left unescaped, which
//! the query syntax allows (RFC 3986) and which keeps a list of edits readable and a third
//! shorter. A link longer than a web server accepts is never written: [`encode_within`]
//! leaves out the comparison, then the per-gemeente amounts, and says what it left out.

use rust_decimal::Decimal;

use super::keys::Key;
use crate::model::data::{Dataset, Line};
use crate::model::find::{Resolution, resolve};
use crate::model::inputs::Session;
use crate::model::layers::{Layers, exact_percentage};
use crate::model::params::ParamKey;
use crate::model::scenario::Change;
use crate::model::selection::{Kind, Selection};
use crate::text::format;

/// A link that may have had to leave something out to stay within its length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub query: String,
    /// Gemeenten whose own amounts are not in the link (`onvolledig=` says how many).
    pub left_out_gemeenten: usize,
    /// Compared scenarios not in the link.
    pub left_out_vergelijk: usize,
}

impl Written {
    pub fn complete(&self) -> bool {
        self.left_out_gemeenten == 0 && self.left_out_vergelijk == 0
    }
}

/// The whole session as a query string, without the leading `?` and without a length limit
/// (saved scenarios are stored this way).
pub fn encode(data: &Dataset, session: &Session) -> String {
    write(data, session, &Layers::of(data, &session.inputs.scenario, session.inputs.selection), true, true)
}

/// The session as a query string of at most `max_len` characters, if it can be: else
/// without the comparison, then without the per-gemeente amounts.
pub fn encode_within(data: &Dataset, session: &Session, max_len: usize) -> Written {
    let layers = Layers::of(data, &session.inputs.scenario, session.inputs.selection);
    let (own, compared) = (layers.own.len(), session.vergelijk.len());
    let tries = [(true, true), (true, false), (false, true), (false, false)];
    let mut written = None;
    for (with_own, with_comparison) in tries {
        let query = write(data, session, &layers, with_own, with_comparison);
        let fits = query.len() <= max_len;
        written = Some(Written {
            query,
            left_out_gemeenten: if with_own { 0 } else { own },
            left_out_vergelijk: if with_comparison { 0 } else { compared },
        });
        if fits {
            break;
        }
    }
    // The last try holds only short parts: the area, a few percentages and parameters.
    written.unwrap_or_else(|| Written { query: String::new(), left_out_gemeenten: own, left_out_vergelijk: compared })
}

/// Percent-escapes a value, leaving `:`, `;` and `,` as they are (see the module docs).
fn escape(value: &str) -> String {
    let escaped: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
    escaped.replace("%3A", ":").replace("%3B", ";").replace("%2C", ",")
}

/// A decimal for a link: a point, no separators, no trailing zeros.
fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An amount in a `gemeenten` entry, as short as is exact.
fn gemeente_value(budget: Decimal, amount: Decimal) -> String {
    let as_amount = (amount.normalize().scale() <= 2).then(|| plain(amount));
    let as_percent = exact_percentage(budget, amount).map(|p| format!("{}%", plain(p)));
    match (as_amount, as_percent) {
        (Some(a), Some(p)) if p.len() < a.len() => p,
        (Some(a), _) => a,
        (None, Some(p)) => p,
        // Not reachable for amounts the UI or a link can make; the nearest cent then.
        (None, None) => plain(format::round(amount, 2)),
    }
}

fn write(data: &Dataset, session: &Session, layers: &Layers, with_own: bool, with_comparison: bool) -> String {
    let inputs = &session.inputs;
    let mut parts: Vec<(Key, String)> = Vec::new();
    if let (Some(key), false) = (Key::for_area(inputs.selection.kind()), inputs.selection == Selection::Nederland) {
        parts.push((key, inputs.selection.naam(data).to_string()));
    }
    if let Selection::Later(id) = inputs.selection {
        // The year only where the name alone would mean another area (a 2013 gemeente, or
        // a newer composition of that name).
        let naam = &data.later(id).naam;
        if resolve(data, Kind::Gemeente, naam) != Resolution::Exact(inputs.selection) {
            parts.push((Key::Indeling, data.later(id).year().to_string()));
        }
    }
    for (i, line) in Line::ALL.into_iter().enumerate() {
        match layers.landelijk[i] {
            Some(Change::Percent(p)) => parts.push((Key::landelijk_percent(line), plain(p))),
            Some(Change::Total(t)) => parts.push((Key::landelijk_amount(line), plain(t))),
            None => {}
        }
    }
    for (i, line) in Line::ALL.into_iter().enumerate() {
        match layers.area[i] {
            Some(Change::Percent(p)) => parts.push((Key::percent(line), plain(p))),
            Some(Change::Total(t)) => parts.push((Key::amount(line), plain(t))),
            None => {}
        }
    }
    if with_own && !layers.own.is_empty() {
        let entries: Vec<String> = layers
            .own
            .iter()
            .map(|(g, amounts)| {
                let budget = data.gemeente(*g).budget_2014;
                let field = |i: usize, line: Line| amounts[i].map(|a| gemeente_value(budget.get(line), a));
                let (co, ivh) = (field(0, Line::Co), field(1, Line::Ivh));
                format!("{}:{}:{}", data.gemeente(*g).naam, co.unwrap_or_default(), ivh.unwrap_or_default())
            })
            .collect();
        parts.push((Key::Gemeenten, entries.join(";")));
    }
    for key in ParamKey::ALL {
        if !inputs.params.is_default(key) {
            parts.push((Key::Param(key), plain(inputs.params.get(key))));
        }
    }
    for (key, percent) in Key::PAD.into_iter().zip(inputs.pad) {
        if let Some(p) = percent {
            parts.push((key, plain(p)));
        }
    }
    if let Some(target) = session.doel_ongedekt {
        parts.push((Key::DoelOngedekt, plain(target)));
    }
    if with_comparison && !session.vergelijk.is_empty() {
        let inner: Vec<String> =
            session.vergelijk.iter().map(|c| format!("{}={}", escape(&c.naam), escape(&c.query))).collect();
        parts.push((Key::Vergelijk, inner.join("&")));
    }
    if !with_own && !layers.own.is_empty() {
        parts.push((Key::Onvolledig, layers.own.len().to_string()));
    }
    super::weergave::write(&session.weergave, &mut parts);
    let pairs: Vec<String> = parts.iter().map(|(key, value)| format!("{key}={}", escape(value))).collect();
    pairs.join("&")
}
