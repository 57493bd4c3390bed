//! "Ook gewijzigd": edits outside the chosen area, said next to the figures.
//!
//! Edits stay in force when another area is chosen (nothing typed is lost), and an edit in
//! another gemeente of the same MEE-organisatie changes this area's figures: frictiekosten
//! arise per organisation, so Emmen buying more offsets Assen buying less. Such an edit
//! must never act unseen, so the page, the print and the CSV list them, grouped so that a
//! national cut seen from one gemeente is one line, not 407.

use rust_decimal::Decimal;

use crate::model::data::{Dataset, GemeenteId, Line};
use crate::model::inputs::Inputs;
use crate::model::layers::exact_percentage;
use crate::text::format;

/// One line of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideLine {
    pub text: String,
    /// The gemeenten belong to an organisation of the area: they change its figures.
    pub counts: bool,
}

/// The list, at most `max_lines` lines, and how many gemeenten it covers in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outside {
    pub lines: Vec<OutsideLine>,
    pub gemeenten: usize,
}

/// How one budget line of a gemeente was edited, for grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    Unchanged,
    Percent(Decimal),
    Amount(Decimal),
}

fn line_name(line: Line) -> &'static str {
    match line {
        Line::Co => "cliëntondersteuning",
        Line::Ivh => "Integrale Vroeghulp",
    }
}

fn edit_of(data: &Dataset, inputs: &Inputs, g: GemeenteId, line: Line) -> Edit {
    let (budget, amount) = (data.gemeente(g).budget_2014.get(line), inputs.scenario.inkoop(g).get(line));
    match exact_percentage(budget, amount) {
        _ if budget == amount => Edit::Unchanged,
        Some(p) => Edit::Percent(p),
        None => Edit::Amount(amount),
    }
}

/// "cliëntondersteuning −10% en Integrale Vroeghulp € 5.000": what changed, for one
/// gemeente (`single`: amounts with their percentage) or a group (percentages).
fn describe(data: &Dataset, g: GemeenteId, edits: [Edit; 2], single: bool) -> String {
    let parts: Vec<String> = Line::ALL
        .into_iter()
        .zip(edits)
        .filter_map(|(line, edit)| {
            let budget = data.gemeente(g).budget_2014.get(line);
            let amount = |a: Decimal| {
                let change = (!budget.is_zero()).then(|| {
                    format!(" ({})", format::percent_change((a / budget - Decimal::ONE) * Decimal::ONE_HUNDRED))
                });
                format!("{} {}{}", line_name(line), format::euro(a), change.unwrap_or_default())
            };
            match edit {
                Edit::Unchanged => None,
                Edit::Percent(p) if single => Some(amount(budget * (Decimal::ONE + p / Decimal::ONE_HUNDRED))),
                Edit::Percent(p) => Some(format!("{} {}", line_name(line), format::percent_change(p))),
                Edit::Amount(a) => Some(amount(a)),
            }
        })
        .collect();
    parts.join(" en ")
}

/// The edits outside the inputs' area, grouped: gemeenten of the area's organisations
/// first (they change its figures), then larger groups first.
pub fn outside(data: &Dataset, inputs: &Inputs, max_lines: usize) -> Outside {
    let organisaties = inputs.selection.organisaties(data);
    let edited = inputs.edited_outside(data);
    // Groups of gemeenten edited alike: (counts, edits, members).
    let mut groups: Vec<(bool, [Edit; 2], Vec<GemeenteId>)> = Vec::new();
    for &g in &edited {
        let counts = organisaties.contains(&data.gemeente(g).organisatie);
        let edits = [edit_of(data, inputs, g, Line::Co), edit_of(data, inputs, g, Line::Ivh)];
        let groupable = !edits.iter().any(|e| matches!(e, Edit::Amount(_)));
        match groups.iter_mut().find(|(c, e, _)| groupable && *c == counts && *e == edits) {
            Some(group) => group.2.push(g),
            None => groups.push((counts, edits, vec![g])),
        }
    }
    let order = crate::model::sort::sorted_positions(groups.len(), &|a, b| {
        let (a, b) = (&groups[a], &groups[b]);
        b.0.cmp(&a.0).then(b.2.len().cmp(&a.2.len())).then(a.2[0].cmp(&b.2[0]))
    });
    let mut lines = Vec::new();
    let mut covered = 0;
    for (shown, &i) in order.iter().enumerate() {
        let (counts, edits, members) = &groups[i];
        if shown + 1 == max_lines && order.len() > max_lines {
            let rest = edited.len() - covered;
            lines.push(OutsideLine { text: format!("en nog {rest} andere gemeenten"), counts: false });
            break;
        }
        let text = match members[..] {
            [g] => format!("{}: {}", data.gemeente(g).naam, describe(data, g, *edits, true)),
            _ => format!("{} gemeenten: {}", members.len(), describe(data, members[0], *edits, false)),
        };
        covered += members.len();
        lines.push(OutsideLine { text, counts: *counts });
    }
    Outside { lines, gemeenten: edited.len() }
}

/// The list as the page shows it beside the figures (`area`: the chosen area's name), as
/// markup: the title, one item per line (those that count marked) and, when any counts,
/// what "telt mee" means.
pub fn markup(list: &Outside, area: &str) -> String {
    use crate::view::html::escape;
    let mut html = format!(
        r#"<p class="ook-gewijzigd__titel"><strong>Ook gewijzigd, buiten <span translate="no">{}</span>:</strong></p><ul class="ook-gewijzigd__lijst" translate="no">"#,
        escape(area)
    );
    for line in &list.lines {
        let (class, telt) = if line.counts { (r#" class="ook-gewijzigd--telt""#, " (telt mee)") } else { ("", "") };
        html += &format!("<li{class}>{}{telt}</li>", escape(&line.text));
    }
    html += "</ul>";
    if list.lines.iter().any(|l| l.counts) {
        html += r#"<p class="ook-gewijzigd__uitleg">Wat ‘telt mee’ hoort bij dezelfde MEE-organisatie: frictiekosten ontstaan per organisatie, dus die wijziging verandert de uitkomst hiernaast.</p>"#;
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Change;
    use crate::model::selection::{Kind, Selection};
    use crate::model::testing::{data, find};
    use crate::view::presets::Preset;
    use rust_decimal_macros::dec;

    #[test]
    fn emmen_is_named_when_assen_is_looked_at() {
        let d = data();
        let mut inputs = Inputs { selection: find(Kind::Organisatie, "MEE Drenthe"), ..Inputs::new(d) };
        let Selection::Gemeente(emmen) = find(Kind::Gemeente, "Emmen") else { unreachable!() };
        inputs.scenario.set_gemeente(d, emmen, Line::Co, dec!(1500000)).unwrap();
        inputs.selection = find(Kind::Gemeente, "Assen");
        inputs.scenario.apply(d, inputs.selection, Line::Co, Change::Total(dec!(300000))).unwrap();
        let list = outside(d, &inputs, 6);
        assert_eq!(list.gemeenten, 1);
        assert_eq!(list.lines.len(), 1);
        assert!(list.lines[0].text.starts_with("Emmen: cliëntondersteuning €\u{a0}1.500.000 (+"), "{:?}", list.lines);
        assert!(list.lines[0].counts, "Emmen is in MEE Drenthe, as Assen is");
    }

    #[test]
    fn a_national_cut_seen_from_groningen_is_two_lines() {
        let d = data();
        let mut inputs = Inputs::new(d);
        Preset::Monitor2014.apply(d, &mut inputs);
        inputs.selection = find(Kind::Gemeente, "Groningen");
        let list = outside(d, &inputs, 6);
        assert_eq!(list.gemeenten, 407);
        let texts: Vec<&str> = list.lines.iter().map(|l| l.text.as_str()).collect();
        let same_org = d
            .organisatie(
                d.gemeente(match inputs.selection {
                    Selection::Gemeente(g) => g,
                    _ => unreachable!(),
                })
                .organisatie,
            )
            .gemeenten
            .len()
            - 1;
        assert_eq!(
            texts,
            [
                format!("{same_org} gemeenten: cliëntondersteuning −17,73% en Integrale Vroeghulp −17,73%"),
                format!("{} gemeenten: cliëntondersteuning −17,73% en Integrale Vroeghulp −17,73%", 407 - same_org),
            ]
        );
        assert_eq!(list.lines.iter().map(|l| l.counts).collect::<Vec<_>>(), [true, false]);
    }

    #[test]
    fn a_long_list_ends_with_a_count() {
        let d = data();
        let mut inputs = Inputs { selection: find(Kind::Gemeente, "Groningen"), ..Inputs::new(d) };
        for (i, g) in d.gemeente_ids().filter(|&g| !inputs.selection.contains(d, g)).take(10).enumerate() {
            inputs.scenario.set_gemeente(d, g, Line::Co, Decimal::from(1000 + i)).unwrap();
        }
        let list = outside(d, &inputs, 4);
        assert_eq!(list.lines.len(), 4);
        assert_eq!(list.lines[3].text, "en nog 7 andere gemeenten");
    }
}
