//! What an embedded calculator tells the page around it (`host=`, `text::url::host`):
//! the area, the inputs as in the link, and the eleven figures as numbers and as shown.
//! Posted whenever the figures settle; `public/embed.js` raises it on the host element as
//! the DOM event `mee-frictiekosten:cijfers` (README, "Embedding in another page").
//!
//! The message is a public interface, like the link: its field names are fixed for a
//! [`VERSION`], and a change that would break a page reading them raises the version.
//! Typed here with serde, converted to a JavaScript object at the one place Rust values
//! cross into JavaScript (`ui::browser::post_to_host`).
//!
//! ```json
//! { "source": "mee-frictiekosten", "type": "figures", "version": 1,
//!   "area": { "kind": "gemeente", "name": "Groningen" },
//!   "query": "gemeente=Groningen&wijziging=-13",
//!   "link": "https://rekenhulp.example.nl/?gemeente=Groningen&wijziging=-13",
//!   "figures": [ { "id": "budget-2014", "label": "Budget 2014 totaal",
//!                  "value": 1246222, "unit": "euro", "text": "€ 1.246.222" }, … ] }
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::calculation::Figures;
use crate::model::data::Dataset;
use crate::model::selection::{Kind, Selection};
use crate::text::format;
use crate::view::figures::{ROWS, Unit};

/// The version of the message's fields. 1: the fields below.
pub const VERSION: u32 = 1;
/// `source` of every message the calculator posts (the height messages too).
pub const SOURCE: &str = "mee-frictiekosten";
/// `type` of this message.
pub const TYPE: &str = "figures";

/// The message, as posted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    /// Always [`SOURCE`]: how a page tells the calculator's messages from others.
    pub source: &'static str,
    /// Always [`TYPE`] (the other message is `"resize"`).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// [`VERSION`].
    pub version: u32,
    pub area: Area,
    /// The inputs as the link writes them (the query without `?`; README, "Links").
    pub query: String,
    /// The calculator at full size with these inputs.
    pub link: String,
    /// The eleven figures, in the order the page lists them.
    pub figures: Vec<Figure>,
}

/// The chosen area.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Area {
    /// The link's key for it: `gemeente`, `regio`, `mee`, or `nederland`.
    pub kind: &'static str,
    /// Its name as in the 2014 table (`Nederland` for all of it).
    pub name: String,
}

/// One figure of the results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The test id of the figure on the page (docs/model.md §7): `frictiekosten`, ….
    pub id: &'static str,
    /// Its Dutch label on the page.
    pub label: &'static str,
    /// The figure as a number, rounded as it is shown: euros whole, fte to one decimal.
    pub value: f64,
    /// `euro` or `fte`.
    pub unit: &'static str,
    /// As the page shows it, Dutch notation (`€ 162.019`, with a no-break space after `€`).
    pub text: String,
}

/// `d` rounded to `decimals` as the page rounds it, as the nearest JavaScript number.
fn number(d: Decimal, decimals: u32) -> f64 {
    let r = format::round(d, decimals);
    // An integer over a power of ten, both exact in f64 for any figure of the table: the
    // division gives the double nearest to the decimal, as JavaScript would parse it.
    r.mantissa() as f64 / 10f64.powi(r.scale() as i32)
}

fn area_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Nederland => "nederland",
        Kind::Gemeente => "gemeente",
        Kind::Jeugdregio => "regio",
        Kind::Organisatie => "mee",
    }
}

/// The message for the area's `figures`, the link's `query` (without `?`) and the full
/// page's address `base` (ending in `/` or a file name, without query).
pub fn message(data: &Dataset, selection: Selection, figures: &Figures, query: &str, base: &str) -> Message {
    let query = query.trim_start_matches('?');
    Message {
        source: SOURCE,
        kind: TYPE,
        version: VERSION,
        area: Area { kind: area_kind(selection.kind()), name: selection.naam(data).to_string() },
        query: query.to_string(),
        link: if query.is_empty() { base.to_string() } else { format!("{base}?{query}") },
        figures: ROWS
            .iter()
            .map(|row| Figure {
                id: row.testid,
                label: row.label,
                value: number((row.value)(figures), row.unit.decimals()),
                unit: match row.unit {
                    Unit::Euro => "euro",
                    Unit::Fte => "fte",
                },
                text: row.shown(figures),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::inputs::Inputs;
    use crate::model::testing::{data, find};
    use crate::text::url;

    fn groningen() -> Message {
        let d = data();
        let (session, _) = url::decode(d, "gemeente=Groningen&wijziging=-13");
        let Inputs { selection, scenario, params, .. } = &session.inputs;
        let figures = calculate(d, scenario, params).selection(d, *selection);
        message(d, *selection, &figures, "?gemeente=Groningen&wijziging=-13", "https://rekenhulp.example.nl/")
    }

    #[test]
    fn the_figures_are_the_numbers_shown() {
        let m = groningen();
        assert_eq!(m.area, Area { kind: "gemeente", name: "Groningen".into() });
        assert_eq!(m.query, "gemeente=Groningen&wijziging=-13");
        assert_eq!(m.link, "https://rekenhulp.example.nl/?gemeente=Groningen&wijziging=-13");
        assert_eq!(m.figures.len(), 11);
        let frictie = m.figures.iter().find(|f| f.id == "frictiekosten").expect("frictiekosten");
        assert_eq!((frictie.value, frictie.unit, frictie.text.as_str()), (162019.0, "euro", "€\u{a0}162.019"));
        for f in &m.figures {
            // The number, written the Dutch way, is the text shown.
            let dutch = if f.unit == "euro" {
                format!("€\u{a0}{}", f.value).replace('-', "−")
            } else {
                format!("{:.1}", f.value).replace('.', ",").replace('-', "−")
            };
            let shown = f.text.replace('.', "");
            assert_eq!(dutch, shown, "{}", f.id);
        }
    }

    #[test]
    fn numbers_round_as_the_page_does() {
        use rust_decimal_macros::dec;
        assert_eq!(number(dec!(16.45), 1), 16.5);
        assert_eq!(number(dec!(-16.45), 1), -16.5);
        assert_eq!(number(dec!(1234567.5), 0), 1234568.0);
        assert_eq!(number(dec!(0.1), 1), 0.1);
        assert_eq!(number(Decimal::ZERO, 0), 0.0);
    }

    #[test]
    fn the_field_names_are_the_documented_ones() {
        let json = serde_json::to_value(groningen()).expect("serialises");
        fn names(v: &serde_json::Value) -> BTreeSet<&str> {
            v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default()
        }
        assert_eq!(names(&json), BTreeSet::from(["area", "figures", "link", "query", "source", "type", "version"]));
        assert_eq!(json["source"], "mee-frictiekosten");
        assert_eq!(json["type"], "figures");
        assert_eq!(json["version"], 1);
        assert_eq!(json["area"]["kind"], "gemeente");
        assert_eq!(names(&json["figures"][0]), BTreeSet::from(["id", "label", "text", "unit", "value"]));
        assert_eq!(json["figures"][8]["value"], 162019.0);
    }

    #[test]
    fn nederland_and_an_empty_query() {
        let d = data();
        let figures = calculate(d, &Inputs::new(d).scenario, &Inputs::new(d).params).selection(d, Selection::Nederland);
        let m = message(d, Selection::Nederland, &figures, "", "https://x.example/rekenhulp/");
        assert_eq!(m.area, Area { kind: "nederland", name: "Nederland".into() });
        assert_eq!(m.link, "https://x.example/rekenhulp/");
        let regio = find(Kind::Jeugdregio, "Drenthe");
        assert_eq!(message(d, regio, &figures, "regio=Drenthe", "b").area.kind, "regio");
    }
}
