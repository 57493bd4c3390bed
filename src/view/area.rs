//! The chosen area described above the fields: its name and kind, its gemeenten and
//! MEE-organisaties, its 2014 budgets and formation.

use std::fmt::Write as _;

use crate::model::calculation::Figures;
use crate::model::data::Dataset;
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::html::escape;

/// The area's heading: "Heel Nederland", or its name and kind.
pub fn heading(data: &Dataset, selection: Selection) -> String {
    match selection {
        Selection::Nederland => "Heel Nederland".to_string(),
        other => format!("{} ({})", other.naam(data), other.kind().label()),
    }
}

/// "12 gemeenten · MEE-organisaties: …": how many gemeenten (none said for one) and which
/// organisations (named up to four).
pub fn meta(data: &Dataset, selection: Selection) -> String {
    let gemeenten = match selection.gemeenten(data).len() {
        1 => String::new(),
        n => format!("{n} gemeenten · "),
    };
    let names: Vec<&str> = selection.organisaties(data).iter().map(|&o| data.organisatie(o).naam.as_str()).collect();
    let organisaties = match names.len() {
        1 => format!("MEE-organisatie: {}", names[0]),
        n if n <= 4 => format!("MEE-organisaties: {}", names.join(", ")),
        n => format!("{n} MEE-organisaties"),
    };
    gemeenten + &organisaties
}

/// The summary's heading, meta line and budgets, as markup (`summary_markup`'s `<dl>` has
/// the test ids the browser tests read).
pub fn summary_markup(data: &Dataset, selection: Selection, f: &Figures) -> String {
    let mut html = format!(
        r#"<h2 id="gebied-titel" class="nl-heading nl-heading--level-2" translate="no">{}</h2><p class="summary__meta" translate="no">{}</p><dl class="summary__budget">"#,
        escape(&heading(data, selection)),
        escape(&meta(data, selection))
    );
    for (label, value) in [
        ("Budget 2014 cliëntondersteuning", format::euro(f.budget_2014.co)),
        ("Budget 2014 Integrale Vroeghulp", format::euro(f.budget_2014.ivh)),
        ("Budget 2014 totaal", format::euro(f.budget_2014.total())),
        ("Geschatte formatie 2014", format!("{} fte", format::fte(f.formatie_2014))),
    ] {
        let _ = write!(html, r#"<div><dt>{label}</dt><dd translate="no">{}</dd></div>"#, escape(&value));
    }
    html + "</dl>"
}
