//! The comparison: the current inputs beside up to three saved ones, as columns of figures,
//! the afbouwpad totals when any column has a path, and the inputs the columns differ in.
//!
//! Saying *why* two columns differ matters as much as the figures: two scenarios that differ
//! only in their afbouwpad have the same 2015 figures, and without the 2015–2018 totals and
//! the row "Afbouwpad 2017" they would look identical.

use std::fmt::Write as _;

use crate::model::calculation::Figures;
use crate::model::data::{Dataset, Line};
use crate::model::inputs::Inputs;
use crate::model::layers::Layers;
use crate::model::pad;
use crate::model::params::ParamKey;
use crate::model::scenario::Change;
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::figures::{PATH_ROWS, ROWS};
use crate::view::html::{self, class, escape};

/// One column: a scenario's figures for its own area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub naam: String,
    /// "Groningen (gemeente)", "Heel Nederland".
    pub gebied: String,
    /// 2015.
    pub figures: Figures,
    /// The sums over 2015–2018 (with no afbouwpad, 2016–2018 add nothing); `None` if the
    /// path cannot be computed.
    pub path_total: Option<Figures>,
}

/// The area as a column heading or a row value says it.
pub fn gebied(data: &Dataset, selection: Selection) -> String {
    match selection {
        Selection::Nederland => "Heel Nederland".into(),
        s => s.described(data),
    }
}

pub fn column(data: &Dataset, naam: &str, inputs: &Inputs) -> Column {
    let selection = inputs.selection;
    let figures = inputs.outcome(data).selection(data, selection);
    let path_total = pad::total(data, &inputs.scenario, selection, &inputs.pad, &inputs.params).ok();
    Column { naam: naam.to_string(), gebied: gebied(data, selection), figures, path_total }
}

/// Whether the 2015–2018 totals belong in the comparison: when any column has a path.
pub fn any_path(inputs: &[&Inputs]) -> bool {
    inputs.iter().any(|i| i.pad.iter().any(Option::is_some))
}

/// One input, as each column has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputRow {
    pub label: String,
    pub values: Vec<String>,
}

/// The inputs in which the columns differ, each as a row; none if they are all alike.
pub fn input_differences(data: &Dataset, inputs: &[&Inputs]) -> Vec<InputRow> {
    let layers: Vec<Layers> = inputs.iter().map(|i| Layers::of(data, &i.scenario, i.selection)).collect();
    let percent = |i: &Inputs, line: Line| {
        i.scenario.percent_of(data, i.selection, line).map(format::percent_change).unwrap_or_else(|| "–".into())
    };
    let mut rows: Vec<InputRow> = Vec::new();
    let mut row = |label: &str, value: &dyn Fn(usize) -> String| {
        let values: Vec<String> = (0..inputs.len()).map(value).collect();
        if values.windows(2).any(|w| w[0] != w[1]) {
            rows.push(InputRow { label: label.to_string(), values });
        }
    };
    row("Gebied", &|c| gebied(data, inputs[c].selection));
    row("Wijziging cliëntondersteuning in het gebied", &|c| percent(inputs[c], Line::Co));
    row("Wijziging Integrale Vroeghulp in het gebied", &|c| percent(inputs[c], Line::Ivh));
    let change = |change: Option<Change>| match change {
        Some(Change::Percent(p)) => format::percent_change(p),
        Some(Change::Total(t)) => format!("{} (naar rato)", format::euro(t)),
        None => "–".into(),
    };
    for (i, naam) in
        ["Landelijke inkoop cliëntondersteuning", "Landelijke inkoop Integrale Vroeghulp"].into_iter().enumerate()
    {
        row(naam, &|c| change(layers[c].landelijk[i]));
    }
    row("Gemeenten met een eigen bedrag", &|c| layers[c].own.len().to_string());
    for key in ParamKey::ALL {
        let spec = key.spec();
        row(spec.label, &|c| format::value(inputs[c].params.get(key), spec.unit));
    }
    for (i, year) in pad::YEARS[1..].iter().enumerate() {
        let label = format!("Afbouwpad {year} (t.o.v. 2014)");
        row(&label, &|c| inputs[c].pad[i].map(format::percent_change).unwrap_or_else(|| "–".into()));
    }
    rows
}

/// The comparison's results table as markup: a column per scenario, headed by its name and
/// area, the figures of 2015 and, when any column has a path, the 2015–2018 totals. A figure
/// that differs from the current one's (the first column) is marked: bold, and said to
/// screen readers. Every text is escaped: a scenario's name comes from storage or a link.
pub fn results_markup(columns: &[Column], with_path: bool) -> String {
    let mut rows: Vec<(&str, Vec<String>)> =
        ROWS.iter().map(|row| (row.label, columns.iter().map(|c| row.shown(&c.figures)).collect())).collect();
    if with_path {
        for (label, shown) in PATH_ROWS {
            rows.push((label, columns.iter().map(|c| c.path_total.as_ref().map(shown).unwrap_or_default()).collect()));
        }
    }
    let headers: Vec<(bool, String)> = std::iter::once((false, "Uitkomst".to_string()))
        .chain(columns.iter().map(|c| {
            let heading = format!(
                r#"<bdi>{}</bdi><br><span class="scenarios__date">{}</span>"#,
                escape(&c.naam),
                escape(&c.gebied)
            );
            (true, heading)
        }))
        .collect();
    let mut inside = html::head(&headers);
    let _ = write!(inside, r#"<tbody class="{}" translate="no">"#, class::BODY);
    for (label, shown) in &rows {
        let _ = write!(
            inside,
            r#"<tr class="{}"><th scope="row" class="{}">{}</th>"#,
            class::ROW,
            class::ROW_HEADER,
            escape(label)
        );
        let first = shown.first().cloned().unwrap_or_default();
        for s in shown {
            if *s == first {
                let _ = write!(inside, r#"<td class="{}">{}</td>"#, class::NUMERIC_CELL, escape(s));
            } else {
                let _ = write!(
                    inside,
                    r#"<td class="{} verschil">{}<span class="visually-hidden"> (anders dan de huidige berekening)</span></td>"#,
                    class::NUMERIC_CELL,
                    escape(s)
                );
            }
        }
        inside.push_str("</tr>");
    }
    inside.push_str("</tbody>");
    html::data_table("vergelijk-uitkomsten", "vergelijk-titel", class::TABLE, &inside)
}

/// "Invoer die verschilt" as markup: a heading and a table of the inputs in which the
/// columns differ; nothing when they are all alike.
pub fn differences_markup(rows: &[InputRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let rows: Vec<(String, Vec<String>)> = rows.iter().map(|r| (r.label.clone(), r.values.clone())).collect();
    let numeric = vec![true; rows.first().map_or(0, |r| r.1.len())];
    let inside = format!(r#"<tbody class="{}" translate="no">{}</tbody>"#, class::BODY, html::body(&numeric, &rows));
    format!(
        r#"<h3 id="invoer-titel" class="nl-heading nl-heading--level-3">Invoer die verschilt</h3>{}"#,
        html::data_table("vergelijk-invoer", "invoer-titel", class::TABLE, &inside)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::selection::Kind;
    use crate::model::testing::data;
    use crate::view::presets::Preset;
    use rust_decimal_macros::dec;

    fn groningen(p: i64) -> Inputs {
        let d = data();
        let selection = Selection::find(d, Kind::Organisatie, "MEE Groningen").unwrap();
        let mut inputs = Inputs { selection, ..Inputs::new(d) };
        inputs.scenario.apply(d, selection, Line::Co, Change::Percent(p.into())).unwrap();
        inputs
    }

    #[test]
    fn two_scenarios_that_differ_only_in_their_path_differ_in_the_totals_and_say_why() {
        let d = data();
        let (mut a, mut b) = (groningen(-5), groningen(-5));
        Preset::Gespreid.apply(d, &mut a);
        Preset::Gespreid.apply(d, &mut b);
        b.pad[1] = Some(dec!(-30));
        let (ca, cb) = (column(d, "A", &a), column(d, "B", &b));
        assert_eq!(ca.figures, cb.figures, "2015 is the same");
        assert!(any_path(&[&a, &b]));
        let (ta, tb) = (ca.path_total.unwrap(), cb.path_total.unwrap());
        assert!(tb.omzetdaling > ta.omzetdaling, "a deeper 2017 loses more over the years");
        let rows = input_differences(d, &[&a, &b]);
        assert_eq!(
            rows,
            [InputRow { label: "Afbouwpad 2017 (t.o.v. 2014)".into(), values: vec!["−15%".into(), "−30%".into()] }]
        );
    }

    #[test]
    fn alike_inputs_have_no_rows_and_no_path_totals_are_needed() {
        let d = data();
        let (a, b) = (groningen(-13), groningen(-13));
        assert!(input_differences(d, &[&a, &b]).is_empty());
        assert!(!any_path(&[&a, &b]));
        let c = groningen(-20);
        let rows = input_differences(d, &[&a, &b, &c]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].values, ["−13%", "−13%", "−20%"]);
        // No path: 2016–2018 add nothing to the flows (budget and formatie do not sum).
        let without_path = column(d, "C", &c);
        let (total, year) = (without_path.path_total.unwrap(), without_path.figures);
        assert_eq!(
            (total.omzetdaling, total.fte_verlies, total.frictiekosten, total.ongedekt),
            (year.omzetdaling, year.fte_verlies, year.frictiekosten, year.ongedekt)
        );
    }
}
