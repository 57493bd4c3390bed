//! The afbouwpad's table and verdict (docs/model.md §8): the figures per year, their total
//! over 2015–2018, and beside it the same final cut made at once in 2015; then in one
//! sentence what spreading the cut saves or costs.

use rust_decimal::Decimal;

use crate::model::calculation::Figures;
use crate::model::pad::YEARS;
use crate::text::format;
use crate::view::html::{self, class};

/// The figures of a path: per year, the total, and the same end point reached in 2015.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathFigures {
    pub per_year: [Figures; 4],
    pub total: Figures,
    pub at_once: Figures,
}

impl PathFigures {
    /// What spreading the cut saves in frictiekosten against making it at once, in words.
    pub fn verdict(&self) -> String {
        let saving = (self.at_once.frictiekosten - self.total.frictiekosten).round();
        if saving > Decimal::ZERO {
            format!(
                "Geleidelijk afbouwen bespaart {} aan frictiekosten ten opzichte van dezelfde korting in één keer.",
                format::euro(saving)
            )
        } else if saving < Decimal::ZERO {
            format!("Dit pad kost {} meer aan frictiekosten dan dezelfde korting in één keer.", format::euro(-saving))
        } else {
            "Zonder natuurlijk verloop kost geleidelijk afbouwen evenveel als dezelfde korting in één keer; het spreidt de kosten alleen over de jaren.".to_string()
        }
    }

    /// The table and the verdict as markup (`pad-tabel`, `pad-verschil`).
    pub fn markup(&self) -> String {
        const NUMERIC: [bool; 5] = [true; 5];
        let row = |label: &str, f: &Figures, inkoop: bool| {
            let inkoop = if inkoop { format::euro(f.inkoop_2015.total()) } else { String::new() };
            let cells = vec![
                inkoop,
                format::euro(f.omzetdaling),
                format::fte(f.fte_verlies),
                format::euro(f.frictiekosten),
                format::euro(f.ongedekt),
            ];
            (label.to_string(), cells)
        };
        let years: Vec<(String, Vec<String>)> =
            YEARS.iter().zip(&self.per_year).map(|(y, f)| row(&y.to_string(), f, true)).collect();
        let foot = [
            row("Totaal 2015–2018", &self.total, false),
            row("Zelfde korting in één keer (2015)", &self.at_once, false),
        ];
        let headers = ["Jaar", "Inkoop", "Omzetdaling", "Fte-verlies", "Frictiekosten", "Ongedekt"];
        let head: Vec<(bool, String)> = headers.iter().enumerate().map(|(i, h)| (i > 0, html::escape(h))).collect();
        let inside = format!(
            r#"{}<tbody class="{}" translate="no">{}</tbody><tfoot class="{}" translate="no">{}</tfoot>"#,
            html::head(&head),
            class::BODY,
            html::body(&NUMERIC, &years),
            class::FOOT,
            html::body(&NUMERIC, &foot)
        );
        format!(
            r#"{}<p class="nl-paragraph pad__verdict" data-testid="pad-verschil" translate="no">{}</p>"#,
            html::data_table("pad-tabel", "afbouwpad-titel", class::TABLE, &inside),
            html::escape(&self.verdict())
        )
    }
}
