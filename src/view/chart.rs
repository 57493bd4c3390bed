//! Charts as values: budget 2014 against inkoop 2015 per gemeente (or per organisation for
//! Nederland), what the frictiekosten consist of, one figure across scenarios, and the
//! tornado of the assumptions.
//!
//! A chart is rows: a name, bars placed along the row as shares of its length, a value and
//! notes in words. `ui::widgets::charts` writes the words as text at the page's own size and only the
//! bars as a drawing that stretches with the width, so nothing is 6 px on a phone or 22 px
//! on a desk. Positions are whole ten-thousandths, computed in integers from the exact
//! figures: tests compare numbers, not markup. Beside the chart the same figures as a table,
//! for those who cannot see it.

use std::fmt;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::Figures;
use crate::text::format;
use crate::view::html::{self, escape};

/// A position or length along a row, in ten-thousandths of it: `Share(10_000)` is the
/// whole row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Share(pub u16);

impl Share {
    pub const WHOLE: Share = Share(10_000);

    /// `value` of `max`, rounded; nothing for nothing or less.
    fn of(value: Decimal, max: Decimal) -> Share {
        if max <= Decimal::ZERO || value <= Decimal::ZERO {
            return Share(0);
        }
        // Rounded to a whole number of ten-thousandths, the scale is 0 and the mantissa is
        // that number (at most 10 000: `value` never exceeds `max` here).
        let tenthousandths = format::round(value.min(max) * dec!(10_000) / max, 0).mantissa();
        Share(tenthousandths.clamp(0, 10_000) as u16)
    }
}

/// As a CSS/SVG percentage: `37.5%`, `100%`.
impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, rest) = (self.0 / 100, self.0 % 100);
        match rest {
            0 => write!(f, "{whole}%"),
            r if r % 10 == 0 => write!(f, "{whole}.{}%", r / 10),
            r => write!(f, "{whole}.{r:02}%"),
        }
    }
}

/// What a bar shows, and so its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Budget2014,
    Inkoop2015,
    Personeel,
    Huisvesting,
    Reserves,
    Ongedekt,
}

impl Fill {
    /// The CSS classes that colour it (style/main.css).
    pub fn class(self) -> &'static str {
        match self {
            Fill::Budget2014 => "chart__bar chart__bar--2014",
            Fill::Inkoop2015 => "chart__bar chart__bar--2015",
            Fill::Personeel => "chart__bar chart__bar--personeel",
            Fill::Huisvesting => "chart__bar chart__bar--huisvesting",
            Fill::Reserves => "chart__bar chart__bar--reserves",
            Fill::Ongedekt => "chart__bar chart__bar--ongedekt",
        }
    }
}

/// A bar along a row. Bars in the same lane follow one another; a row with two lanes draws
/// them one above the other (budget 2014 over inkoop 2015).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub lane: u8,
    pub start: Share,
    pub length: Share,
    pub fill: Fill,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub lanes: u8,
    pub bars: Vec<Bar>,
    /// Written after the bars (a scenario's figure).
    pub value: Option<String>,
    /// Written under the bars, left and right (what a stacked bar is made of).
    pub notes: Option<(String, String)>,
}

/// The chart's figures as a table: the first column names the row, the rest are numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    /// What the picture shows, in words, for screen readers.
    pub description: String,
    pub legend: Vec<(Fill, &'static str)>,
    pub rows: Vec<Row>,
    /// A vertical line across the rows (the tornado's current value).
    pub rule: Option<Share>,
    pub table: Table,
}

/// One bar pair: a name, its 2014 budget and its 2015 inkoop (co + ivh).
pub struct Pair {
    pub naam: String,
    pub budget_2014: Decimal,
    pub inkoop_2015: Decimal,
}

fn bar(lane: u8, start: Share, length: Share, fill: Fill) -> Bar {
    Bar { lane, start, length, fill }
}

/// Budget 2014 and inkoop 2015 side by side, one pair of bars per row, with a legend.
pub fn budget_vs_inkoop(title: &str, pairs: &[Pair]) -> Chart {
    let max = pairs.iter().flat_map(|p| [p.budget_2014, p.inkoop_2015]).max().unwrap_or_default();
    Chart {
        title: title.to_string(),
        description: format!(
            "{title}: per rij twee balken, de bovenste het budget 2014, de onderste de inkoop 2015. De tabel eronder geeft dezelfde cijfers."
        ),
        legend: vec![(Fill::Budget2014, "Budget 2014"), (Fill::Inkoop2015, "Inkoop 2015")],
        rows: pairs
            .iter()
            .map(|p| Row {
                label: p.naam.clone(),
                lanes: 2,
                bars: vec![
                    bar(0, Share(0), Share::of(p.budget_2014, max), Fill::Budget2014),
                    bar(1, Share(0), Share::of(p.inkoop_2015, max), Fill::Inkoop2015),
                ],
                ..Row::default()
            })
            .collect(),
        rule: None,
        table: Table {
            headers: vec!["Naam", "Budget 2014", "Inkoop 2015", "Wijziging"],
            rows: pairs
                .iter()
                .map(|p| {
                    let change = if p.budget_2014.is_zero() {
                        String::new()
                    } else {
                        format::percent_change((p.inkoop_2015 / p.budget_2014 - Decimal::ONE) * dec!(100))
                    };
                    (p.naam.clone(), vec![format::euro(p.budget_2014), format::euro(p.inkoop_2015), change])
                })
                .collect(),
        },
    }
}

/// What the frictiekosten consist of: personnel and housing, and how much is covered.
pub fn composition(title: &str, f: &Figures) -> Chart {
    let total = f.frictiekosten;
    let stacked = |label: &str, (left, lv, lf): (&str, Decimal, Fill), (right, rv, rf): (&str, Decimal, Fill)| {
        let lw = Share::of(lv, total);
        Row {
            label: label.to_string(),
            lanes: 1,
            bars: vec![bar(0, Share(0), lw, lf), bar(0, lw, Share::of(rv, total), rf)],
            value: None,
            notes: Some((format!("{left}: {}", format::euro(lv)), format!("{right}: {}", format::euro(rv)))),
        }
    };
    let row = |naam: &str, d: Decimal| (naam.to_string(), vec![format::euro(d)]);
    Chart {
        title: title.to_string(),
        description: format!(
            "{title}: de bovenste balk deelt de frictiekosten in personeel en huisvesting, de onderste in het deel uit reserves en het ongedekte deel. Totaal {}.",
            format::euro(total)
        ),
        legend: Vec::new(),
        rows: vec![
            stacked(
                "Waaruit",
                ("Personeel", f.frictiekosten_personeel, Fill::Personeel),
                ("Huisvesting", f.frictiekosten_huisvesting, Fill::Huisvesting),
            ),
            stacked(
                "Gedekt",
                ("Uit reserves", f.dekking_reserves, Fill::Reserves),
                ("Ongedekt", f.ongedekt, Fill::Ongedekt),
            ),
        ],
        rule: None,
        table: Table {
            headers: vec!["Onderdeel", "Bedrag"],
            rows: vec![
                row("Frictiekosten personeel", f.frictiekosten_personeel),
                row("Frictiekosten huisvesting", f.frictiekosten_huisvesting),
                row("Dekking uit reserves", f.dekking_reserves),
                row("Ongedekt", f.ongedekt),
                row("Frictiekosten totaal", total),
            ],
        },
    }
}

/// One bar per row, for comparing a single figure across scenarios.
pub fn bars(title: &str, rows: &[(String, Decimal)], shown: fn(Decimal) -> String) -> Chart {
    let max = rows.iter().map(|r| r.1).max().unwrap_or_default();
    Chart {
        title: title.to_string(),
        description: format!("{title}: per scenario een balk. De tabel eronder geeft dezelfde cijfers."),
        legend: Vec::new(),
        rows: rows
            .iter()
            .map(|(naam, value)| Row {
                label: naam.clone(),
                lanes: 1,
                bars: vec![bar(0, Share(0), Share::of(*value, max), Fill::Inkoop2015)],
                value: Some(shown(*value)),
                notes: None,
            })
            .collect(),
        rule: None,
        table: Table {
            headers: vec!["Scenario", "Waarde"],
            rows: rows.iter().map(|(n, v)| (n.clone(), vec![shown(*v)])).collect(),
        },
    }
}

/// One row of a tornado: a short label for the chart, the full one for the table, and the
/// figure with the assumption at its low and at its high value.
pub struct Swing {
    pub short: String,
    pub full: String,
    pub at_low: Decimal,
    pub at_high: Decimal,
}

/// A tornado: per assumption, a bar from the figure at its low value to the figure at its
/// high value, around the current figure (the rule); in the order given (widest first).
pub fn tornado(title: &str, point: Decimal, rows: &[Swing]) -> Chart {
    let lowest = rows.iter().flat_map(|r| [r.at_low, r.at_high]).chain([point]).min().unwrap_or_default();
    let highest = rows.iter().flat_map(|r| [r.at_low, r.at_high]).chain([point]).max().unwrap_or_default();
    let x = |v: Decimal| Share::of(v - lowest, highest - lowest);
    Chart {
        title: title.to_string(),
        description: format!(
            "{title}: per aanname een balk van de uitkomst bij de lage tot die bij de hoge waarde; de lijn is de huidige uitkomst, {}. De tabel eronder geeft dezelfde cijfers.",
            format::euro(point)
        ),
        legend: Vec::new(),
        rows: rows
            .iter()
            .map(|r| {
                let (a, b) = (x(r.at_low.min(r.at_high)), x(r.at_low.max(r.at_high)));
                Row {
                    label: r.short.clone(),
                    lanes: 1,
                    bars: vec![bar(0, a, Share(b.0 - a.0), Fill::Inkoop2015)],
                    // Without a bar, the row would look like a figure left out.
                    value: (r.at_low == r.at_high).then(|| "geen invloed".to_string()),
                    notes: None,
                }
            })
            .collect(),
        rule: Some(x(point)),
        table: Table {
            headers: vec!["Aanname", "Bij lage waarde", "Bij hoge waarde"],
            rows: rows
                .iter()
                .map(|r| (r.full.clone(), vec![format::euro(r.at_low), format::euro(r.at_high)]))
                .collect(),
        },
    }
}

impl Chart {
    /// The chart as markup: its title and legend as text, then per row the name, the bars as
    /// a drawing that stretches with the width (percentages, so no script measures anything),
    /// and the value or notes as text. The rows together are one image with a description; a
    /// screen reader reads that and the table, not every bar. Every text is escaped (a
    /// scenario's name labels a row of the comparison's charts).
    pub fn drawing_markup(&self) -> String {
        let mut html = format!(r#"<p class="chart__caption">{}</p>"#, escape(&self.title));
        if !self.legend.is_empty() {
            html.push_str(r#"<ul class="chart__legend" aria-hidden="true">"#);
            for (fill, name) in &self.legend {
                let _ = write!(
                    html,
                    r#"<li><svg class="chart__key"><rect class="{}" width="100%" height="100%"/></svg>{}</li>"#,
                    fill.class(),
                    escape(name)
                );
            }
            html.push_str("</ul>");
        }
        let _ = write!(html, r#"<div class="chart__plot" role="img" aria-label="{}">"#, escape(&self.description));
        for row in &self.rows {
            let lanes = row.lanes.max(1);
            // Written out whole, so the stylesheet pruning finds the class.
            let track = if lanes > 1 { "chart__track chart__track--2" } else { "chart__track" };
            let _ = write!(
                html,
                r#"<div class="chart__row"><span class="chart__label">{}</span><svg class="{track}" aria-hidden="true">"#,
                escape(&row.label)
            );
            // Each lane takes its part of the track's height, less a gap between lanes.
            let lane_height = Share(Share::WHOLE.0 / u16::from(lanes));
            for b in &row.bars {
                let y = Share(lane_height.0 * u16::from(b.lane));
                let height = if lanes > 1 { Share(lane_height.0 * 9 / 10) } else { lane_height };
                let _ = write!(
                    html,
                    r#"<rect class="{}" x="{}" y="{y}" width="{}" height="{height}"/>"#,
                    b.fill.class(),
                    b.start,
                    b.length
                );
            }
            if let Some(x) = self.rule {
                let _ = write!(html, r#"<line class="chart__point" x1="{x}" x2="{x}" y1="0" y2="100%"/>"#);
            }
            html.push_str("</svg>");
            if let Some(v) = &row.value {
                let _ = write!(html, r#"<span class="chart__value">{}</span>"#, escape(v));
            }
            if let Some((left, right)) = &row.notes {
                let _ = write!(
                    html,
                    r#"<span class="chart__notes"><span>{}</span><span>{}</span></span>"#,
                    escape(left),
                    escape(right)
                );
            }
            html.push_str("</div>");
        }
        html + "</div>"
    }

    /// The chart's figures as a table: names, then numbers.
    pub fn table_markup(&self) -> String {
        let numeric = vec![true; self.table.headers.len().saturating_sub(1)];
        html::table(&self.title, &self.table.headers, &numeric, &self.table.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(naam: &str, b: i64, i: i64) -> Pair {
        Pair { naam: naam.into(), budget_2014: Decimal::from(b), inkoop_2015: Decimal::from(i) }
    }

    fn lengths(chart: &Chart) -> Vec<Vec<u16>> {
        chart.rows.iter().map(|r| r.bars.iter().map(|b| b.length.0).collect()).collect()
    }

    #[test]
    fn shares_are_written_as_percentages() {
        assert_eq!(Share::WHOLE.to_string(), "100%");
        assert_eq!(Share(3750).to_string(), "37.5%");
        assert_eq!(Share(1234).to_string(), "12.34%");
        assert_eq!(Share(5).to_string(), "0.05%");
        assert_eq!(Share::of(dec!(1), dec!(3)), Share(3333));
        assert_eq!(Share::of(dec!(-5), dec!(3)), Share(0));
    }

    #[test]
    fn bars_are_proportional_to_the_largest_value() {
        let chart = budget_vs_inkoop("Test", &[pair("A", 200, 100), pair("B", 50, 0)]);
        assert_eq!(lengths(&chart), [vec![10_000, 5_000], vec![2_500, 0]]);
        assert_eq!(chart.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["A", "B"]);
        assert!(chart.rows.iter().all(|r| r.lanes == 2 && r.bars[1].lane == 1), "budget above inkoop");
        assert_eq!(chart.legend.len(), 2);
        assert!(chart.description.starts_with("Test: "), "an image needs a description");
    }

    #[test]
    fn the_table_holds_the_same_figures() {
        let chart = budget_vs_inkoop("T", &[pair("Groningen", 1939746, 1690486)]);
        assert_eq!(
            chart.table.rows,
            [("Groningen".to_string(), vec!["€\u{a0}1.939.746".into(), "€\u{a0}1.690.486".into(), "−12,85%".into()])]
        );
        let f = Figures {
            frictiekosten_personeel: dec!(124630),
            frictiekosten_huisvesting: dec!(37389),
            frictiekosten: dec!(162019),
            dekking_reserves: dec!(40505),
            ongedekt: dec!(121514),
            ..Figures::default()
        };
        let chart = composition("Samenstelling", &f);
        let amounts: Vec<&str> = chart.table.rows.iter().map(|(_, v)| v[0].as_str()).collect();
        assert_eq!(amounts, ["€\u{a0}124.630", "€\u{a0}37.389", "€\u{a0}40.505", "€\u{a0}121.514", "€\u{a0}162.019"]);
        // Personnel and housing fill the upper bar, the second starting where the first ends.
        let upper = &chart.rows[0].bars;
        assert_eq!((upper[0].length.0, upper[1].start, upper[1].length.0), (7692, upper[0].length, 2308));
        assert_eq!(chart.rows[0].notes.as_ref().map(|n| n.0.as_str()), Some("Personeel: €\u{a0}124.630"));
    }

    #[test]
    fn bars_compare_one_figure() {
        let chart = bars("Frictiekosten", &[("A".into(), dec!(100)), ("B & C".into(), dec!(50))], format::euro);
        assert_eq!(lengths(&chart), [vec![10_000], vec![5_000]]);
        assert_eq!(chart.rows[1].value.as_deref(), Some("€\u{a0}50"));
        assert_eq!(chart.table.rows[1], ("B & C".to_string(), vec!["€\u{a0}50".to_string()]));
    }

    #[test]
    fn a_tornado_spans_from_lowest_to_highest() {
        let swing = |short: &str, full: &str, lo: i64, hi: i64| Swing {
            short: short.into(),
            full: full.into(),
            at_low: lo.into(),
            at_high: hi.into(),
        };
        let chart = tornado(
            "Ongedekt",
            dec!(150),
            &[swing("Maanden", "Maanden personeel", 100, 200), swing("Reserves", "Dekking uit reserves", 160, 140)],
        );
        let b = |i: usize| (chart.rows[i].bars[0].start.0, chart.rows[i].bars[0].length.0);
        assert_eq!(b(0), (0, 10_000));
        assert_eq!(b(1), (4_000, 2_000));
        assert_eq!(chart.rows[0].value, None);
        let flat = tornado("Ongedekt", dec!(150), &[swing("Kosten/fte", "Kosten per fte", 150, 150)]);
        assert_eq!(flat.rows[0].value.as_deref(), Some("geen invloed"));
        assert_eq!(chart.rule, Some(Share(5_000)));
        assert_eq!(chart.table.rows[1].0, "Dekking uit reserves");
        assert!(chart.rows.iter().all(|r| !r.label.contains("Dekking")), "the chart has the short names");
    }

    #[test]
    fn nothing_to_draw_is_not_an_error() {
        assert!(budget_vs_inkoop("Leeg", &[]).rows.is_empty());
        assert!(
            composition("Nul", &Figures::default()).rows.iter().flat_map(|r| &r.bars).all(|b| b.length == Share(0))
        );
        assert_eq!(tornado("Nul", Decimal::ZERO, &[]).rule, Some(Share(0)));
    }
}
