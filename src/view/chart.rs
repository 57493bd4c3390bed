//! Small, accessible charts as SVG markup: budget 2014 against inkoop 2015 per gemeente (or
//! per organisation for Nederland), and what the frictiekosten consist of.
//!
//! Each chart is an `<svg role="img">` with a title and a description, followed by the same
//! figures as a table for those who cannot see it. Colours come from CSS classes (design
//! tokens), never from style attributes, so the charts also render under a strict CSP.
//! Built as strings: a few hundred bytes of code, instead of a typed view per bar.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::Figures;
use crate::text::format;

/// A chart: its SVG (with a visible caption) and the same figures as a table. Kept apart so
/// the page can redraw both while the fold around the table stays as the reader left it.
pub struct Chart {
    pub svg: String,
    pub table: String,
}

/// One bar pair: a name, its 2014 budget and its 2015 inkoop (co + ivh).
pub struct Pair {
    pub naam: String,
    pub budget_2014: Decimal,
    pub inkoop_2015: Decimal,
}

const BAR_AREA: Decimal = dec!(400);
const LABEL_WIDTH: u32 = 210;
const ROW: u32 = 30;

/// Escapes text for SVG and HTML: names such as "MEE Utrecht Gooi & Vecht" contain `&`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A length on the bar axis, in SVG units with one decimal.
fn length(value: Decimal, max: Decimal) -> String {
    if max.is_zero() || value <= Decimal::ZERO {
        return "0".into();
    }
    (value * BAR_AREA / max).round_dp(1).normalize().to_string()
}

/// Budget 2014 and inkoop 2015 side by side, one pair of bars per row.
pub fn budget_vs_inkoop(id: &str, title: &str, pairs: &[Pair]) -> Chart {
    let max = pairs.iter().flat_map(|p| [p.budget_2014, p.inkoop_2015]).max().unwrap_or_default();
    let height = 40 + ROW * pairs.len() as u32;
    let width = LABEL_WIDTH + 400 + 10;
    let mut svg = caption(title);
    let _ = write!(
        svg,
        r#"<svg class="chart__svg" role="img" viewBox="0 0 {width} {height}" aria-labelledby="{id}-titel {id}-uitleg"><title id="{id}-titel">{t}</title><desc id="{id}-uitleg">Per rij twee balken: lichte balk budget 2014, donkere balk inkoop 2015. De tabel hieronder geeft dezelfde cijfers.</desc>"#,
        t = escape(title)
    );
    svg.push_str(r#"<g class="chart__legend"><rect class="chart__bar chart__bar--2014" x="0" y="4" width="14" height="10"/><text x="20" y="13">Budget 2014</text><rect class="chart__bar chart__bar--2015" x="130" y="4" width="14" height="10"/><text x="150" y="13">Inkoop 2015</text></g>"#);
    for (i, p) in pairs.iter().enumerate() {
        let y = 30 + ROW * i as u32;
        let _ = write!(
            svg,
            r#"<text class="chart__label" x="{lx}" y="{ty}" text-anchor="end">{naam}</text><rect class="chart__bar chart__bar--2014" x="{LABEL_WIDTH}" y="{y}" width="{w1}" height="11"/><rect class="chart__bar chart__bar--2015" x="{LABEL_WIDTH}" y="{y2}" width="{w2}" height="11"/>"#,
            lx = LABEL_WIDTH - 8,
            ty = y + 15,
            naam = escape(&shorten(&p.naam, 28)),
            y2 = y + 12,
            w1 = length(p.budget_2014, max),
            w2 = length(p.inkoop_2015, max),
        );
    }
    svg.push_str("</svg>");
    let rows: Vec<[String; 4]> = pairs
        .iter()
        .map(|p| {
            let change = if p.budget_2014.is_zero() {
                String::new()
            } else {
                format::percent_change((p.inkoop_2015 / p.budget_2014 - Decimal::ONE) * dec!(100))
            };
            [escape(&p.naam), format::euro(p.budget_2014), format::euro(p.inkoop_2015), change]
        })
        .collect();
    Chart { svg, table: table(title, &["Naam", "Budget 2014", "Inkoop 2015", "Wijziging"], &rows) }
}

/// What the frictiekosten consist of: personnel and housing, and how much is covered.
pub fn composition(id: &str, title: &str, f: &Figures) -> Chart {
    let total = f.frictiekosten;
    let bars = [
        (
            "Personeel",
            f.frictiekosten_personeel,
            "personeel",
            "Huisvesting",
            f.frictiekosten_huisvesting,
            "huisvesting",
        ),
        ("Uit reserves", f.dekking_reserves, "reserves", "Ongedekt", f.ongedekt, "ongedekt"),
    ];
    let mut svg = caption(title);
    let _ = write!(
        svg,
        r#"<svg class="chart__svg" role="img" viewBox="0 0 410 120" aria-labelledby="{id}-titel {id}-uitleg"><title id="{id}-titel">{t}</title><desc id="{id}-uitleg">Bovenste balk: frictiekosten personeel en huisvesting. Onderste balk: deel uit reserves en deel ongedekt. Totaal {total}.</desc>"#,
        t = escape(title),
        total = format::euro(total)
    );
    for (i, (left, lv, lc, right, rv, rc)) in bars.iter().enumerate() {
        let y = 10 + 55 * i as u32;
        let (lw, rw) = (length(*lv, total), length(*rv, total));
        let _ = write!(
            svg,
            r#"<rect class="chart__bar chart__bar--{lc}" x="0" y="{y}" width="{lw}" height="22"/><rect class="chart__bar chart__bar--{rc}" x="{lw}" y="{y}" width="{rw}" height="22"/><text x="0" y="{ty}">{left}: {lvs}</text><text x="400" y="{ty}" text-anchor="end">{right}: {rvs}</text>"#,
            ty = y + 40,
            lvs = format::euro(*lv),
            rvs = format::euro(*rv),
        );
    }
    svg.push_str("</svg>");
    let rows = [
        ["Frictiekosten personeel".to_string(), format::euro(f.frictiekosten_personeel)],
        ["Frictiekosten huisvesting".to_string(), format::euro(f.frictiekosten_huisvesting)],
        ["Dekking uit reserves".to_string(), format::euro(f.dekking_reserves)],
        ["Ongedekt".to_string(), format::euro(f.ongedekt)],
        ["Frictiekosten totaal".to_string(), format::euro(total)],
    ];
    Chart { svg, table: table(title, &["Onderdeel", "Bedrag"], &rows) }
}

/// One bar per row, for comparing a single figure across scenarios.
pub fn bars(id: &str, title: &str, rows: &[(String, Decimal)], shown: fn(Decimal) -> String) -> Chart {
    let max = rows.iter().map(|r| r.1).max().unwrap_or_default();
    let height = 10 + ROW * rows.len() as u32;
    let mut svg = caption(title);
    let _ = write!(
        svg,
        r#"<svg class="chart__svg" role="img" viewBox="0 0 {w} {height}" aria-labelledby="{id}-titel"><title id="{id}-titel">{t}</title>"#,
        w = LABEL_WIDTH + 400 + 110,
        t = escape(title)
    );
    for (i, (naam, value)) in rows.iter().enumerate() {
        let y = 6 + ROW * i as u32;
        let width = length(*value, max);
        let _ = write!(
            svg,
            r#"<text class="chart__label" x="{lx}" y="{ty}" text-anchor="end">{naam}</text><rect class="chart__bar chart__bar--2015" x="{LABEL_WIDTH}" y="{y}" width="{width}" height="18"/><text x="{vx}" y="{ty}">{v}</text>"#,
            lx = LABEL_WIDTH - 8,
            ty = y + 14,
            naam = escape(&shorten(naam, 26)),
            vx = LABEL_WIDTH + 406,
            v = escape(&shown(*value)),
        );
    }
    svg.push_str("</svg>");
    let table_rows: Vec<[String; 2]> = rows.iter().map(|(n, v)| [escape(n), shown(*v)]).collect();
    Chart { svg, table: table(title, &["Scenario", "Waarde"], &table_rows) }
}

/// A tornado: per parameter, a bar from the figure at its low value to the figure at its
/// high value, around the current figure; widest first. Rows: (short label for the chart,
/// full label for the table, at low, at high).
pub fn tornado(id: &str, title: &str, point: Decimal, rows: &[(String, String, Decimal, Decimal)]) -> Chart {
    let lowest = rows.iter().flat_map(|r| [r.2, r.3]).chain([point]).min().unwrap_or_default();
    let highest = rows.iter().flat_map(|r| [r.2, r.3]).chain([point]).max().unwrap_or_default();
    let span = highest - lowest;
    let x = |v: Decimal| -> Decimal { if span.is_zero() { Decimal::ZERO } else { (v - lowest) * BAR_AREA / span } };
    let height = 20 + ROW * rows.len() as u32;
    let mut svg = caption(title);
    let _ = write!(
        svg,
        r#"<svg class="chart__svg" role="img" viewBox="0 0 {w} {height}" aria-labelledby="{id}-titel {id}-uitleg"><title id="{id}-titel">{t}</title><desc id="{id}-uitleg">Per aanname een balk van de uitkomst bij de lage tot die bij de hoge waarde; de lijn is de huidige uitkomst, {p}. De tabel eronder geeft dezelfde cijfers.</desc>"#,
        w = LABEL_WIDTH + 400 + 10,
        t = escape(title),
        p = format::euro(point)
    );
    for (i, (label, _, at_low, at_high)) in rows.iter().enumerate() {
        let y = 6 + ROW * i as u32;
        let (a, b) = (x(*at_low.min(at_high)), x(*at_low.max(at_high)));
        let _ = write!(
            svg,
            r#"<text class="chart__label" x="{lx}" y="{ty}" text-anchor="end">{label}</text><rect class="chart__bar chart__bar--2015" x="{bx}" y="{y}" width="{bw}" height="18"/>"#,
            lx = LABEL_WIDTH - 8,
            ty = y + 14,
            label = escape(&shorten(label, 26)),
            bx = (Decimal::from(LABEL_WIDTH) + a).round_dp(1).normalize(),
            bw = (b - a).round_dp(1).normalize(),
        );
    }
    let px = (Decimal::from(LABEL_WIDTH) + x(point)).round_dp(1).normalize();
    let _ = write!(svg, r#"<line class="chart__point" x1="{px}" x2="{px}" y1="0" y2="{height}"/></svg>"#);
    let table_rows: Vec<[String; 3]> =
        rows.iter().map(|(_, full, lo, hi)| [escape(full), format::euro(*lo), format::euro(*hi)]).collect();
    Chart { svg, table: table(title, &["Aanname", "Bij lage waarde", "Bij hoge waarde"], &table_rows) }
}

/// The chart's title, visible above it.
fn caption(title: &str) -> String {
    format!(r#"<p class="chart__caption">{}</p>"#, escape(title))
}

fn shorten(naam: &str, max: usize) -> String {
    if naam.chars().count() <= max { naam.to_string() } else { naam.chars().take(max - 1).collect::<String>() + "…" }
}

/// The chart's figures as a table.
fn table<const N: usize>(title: &str, headers: &[&str; N], rows: &[[String; N]]) -> String {
    let mut html = format!(
        r#"<table class="utrecht-table utrecht-table--html-table table"><caption class="visually-hidden">{}</caption><thead class="utrecht-table__header"><tr class="utrecht-table__row">"#,
        escape(title)
    );
    for (i, h) in headers.iter().enumerate() {
        let numeric = if i > 0 { " utrecht-table__header-cell--numeric-column num" } else { "" };
        let _ = write!(html, r#"<th scope="col" class="utrecht-table__header-cell{numeric}">{h}</th>"#);
    }
    html.push_str(r#"</tr></thead><tbody class="utrecht-table__body">"#);
    for row in rows {
        html.push_str(r#"<tr class="utrecht-table__row">"#);
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(html, r#"<th scope="row" class="utrecht-table__header-cell">{cell}</th>"#);
            } else {
                let _ = write!(
                    html,
                    r#"<td class="utrecht-table__cell utrecht-table__cell--numeric-data num">{cell}</td>"#
                );
            }
        }
        html.push_str("</tr>");
    }
    html + "</tbody></table>"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(chart: Chart) -> String {
        chart.svg + &chart.table
    }

    fn pair(naam: &str, b: i64, i: i64) -> Pair {
        Pair { naam: naam.into(), budget_2014: Decimal::from(b), inkoop_2015: Decimal::from(i) }
    }

    #[test]
    fn bars_are_proportional_to_the_largest_value() {
        let svg = all(budget_vs_inkoop("t", "Test", &[pair("A", 200, 100), pair("B", 50, 0)]));
        assert!(svg.contains(r#"width="400""#), "largest bar fills the area");
        assert!(svg.contains(r#"width="200""#));
        assert!(svg.contains(r#"width="100""#));
        assert!(svg.contains(r#"width="0""#), "no negative or missing bar");
        assert!(svg.contains(r#"role="img""#) && svg.contains("<title") && svg.contains("<desc"));
    }

    #[test]
    fn names_are_escaped_everywhere() {
        let svg =
            all(budget_vs_inkoop("t", "A & B", &[pair("MEE Utrecht Gooi & Vecht", 1, 1), pair("<script>", 1, 1)]));
        assert!(!svg.contains("<script>") && !svg.contains("Gooi & Vecht"));
        assert!(svg.contains("Gooi &amp; Vecht") && svg.contains("&lt;script&gt;"));
        assert!(svg.contains("A &amp; B"));
    }

    #[test]
    fn the_table_holds_the_same_figures() {
        let svg = all(budget_vs_inkoop("t", "T", &[pair("Groningen", 1939746, 1690486)]));
        assert!(svg.contains("€ 1.939.746") && svg.contains("€ 1.690.486") && svg.contains("−12,85%"));
        let f = Figures {
            frictiekosten_personeel: dec!(124630),
            frictiekosten_huisvesting: dec!(37389),
            frictiekosten: dec!(162019),
            dekking_reserves: dec!(40505),
            ongedekt: dec!(121514),
            ..Figures::default()
        };
        let svg = all(composition("c", "Samenstelling", &f));
        for text in ["€ 124.630", "€ 37.389", "€ 40.505", "€ 121.514", "€ 162.019"] {
            assert!(svg.contains(text), "{text}");
        }
    }

    #[test]
    fn bars_compare_one_figure() {
        let chart = bars("b", "Frictiekosten", &[("A".into(), dec!(100)), ("B & C".into(), dec!(50))], format::euro);
        assert!(chart.svg.contains(r#"width="400""#) && chart.svg.contains(r#"width="200""#));
        assert!(chart.svg.contains("B &amp; C") && chart.table.contains("€ 50"));
    }

    #[test]
    fn a_tornado_spans_from_lowest_to_highest() {
        let rows = [
            ("Maanden".into(), "Maanden personeel".into(), dec!(100), dec!(200)),
            ("Reserves".into(), "Dekking uit reserves".into(), dec!(160), dec!(140)),
        ];
        let chart = tornado("t", "Ongedekt", dec!(150), &rows);
        assert!(chart.table.contains("Dekking uit reserves") && !chart.svg.contains("Dekking"));
        assert!(chart.svg.contains(r#"x="210" y="6" width="400""#), "{}", chart.svg);
        assert!(chart.svg.contains(r#"x="370" y="36" width="80""#));
        assert!(chart.svg.contains(r#"<line class="chart__point" x1="410""#));
        assert!(chart.table.contains("€ 160") && chart.table.contains("€ 140"));
    }

    #[test]
    fn nothing_to_draw_is_not_an_error() {
        assert!(budget_vs_inkoop("t", "Leeg", &[]).svg.contains("</svg>"));
        assert!(composition("c", "Nul", &Figures::default()).svg.contains(r#"width="0""#));
    }
}
