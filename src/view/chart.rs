//! Charts as values: budget 2014 against inkoop 2015 per gemeente (or per organisation for
//! Nederland), what the frictiekosten consist of, one figure across scenarios, and the
//! tornado of the assumptions.
//!
//! A chart is its marks (bars, labels, a rule) in the drawing's own units, its title and
//! description (an SVG with `role="img"` needs both), and the same figures as a table for
//! those who cannot see it. Positions are whole tenths of a unit, written with integer
//! arithmetic: no floating point, and tests compare numbers, not SVG text. `ui::charts`
//! draws them; colours come from CSS classes (design tokens), so the charts also render
//! under a strict CSP.

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::Figures;
use crate::text::format;

/// A position or length in tenths of a drawing unit: `Tenths(125)` is 12,5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tenths(pub i32);

impl Tenths {
    pub const fn units(n: i32) -> Tenths {
        Tenths(n * 10)
    }

    /// `d` rounded to a tenth. Rounded to a whole number of tenths, the decimal's scale is
    /// 0 and its mantissa is that number (the positions of a chart are far inside `i32`).
    fn of(d: Decimal) -> Tenths {
        Tenths((d * dec!(10)).round().mantissa() as i32)
    }
}

impl std::ops::Add for Tenths {
    type Output = Tenths;
    fn add(self, other: Tenths) -> Tenths {
        Tenths(self.0 + other.0)
    }
}

/// As SVG wants it: `12.5`, `400`. (A chart's positions are never negative: lengths are
/// clamped at zero and every mark starts at or right of the origin.)
impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, tenth) = (self.0 / 10, self.0 % 10);
        if tenth == 0 { write!(f, "{whole}") } else { write!(f, "{whole}.{}", tenth.abs()) }
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub x: Tenths,
    pub y: Tenths,
    pub width: Tenths,
    pub height: Tenths,
    pub fill: Fill,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub x: Tenths,
    /// The baseline.
    pub y: Tenths,
    pub text: String,
    /// Anchored at its end (right-aligned), else at its start.
    pub end: bool,
    /// A row's name (styled as such), else a value or a legend.
    pub name: bool,
}

/// A vertical line: the current value in a tornado.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub x: Tenths,
    pub top: Tenths,
    pub bottom: Tenths,
}

/// The chart's figures as a table: the first column names the row, the rest are numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chart {
    /// Unique on the page: the ids of the SVG's title and description derive from it.
    pub id: &'static str,
    pub title: String,
    pub description: Option<String>,
    pub width: Tenths,
    pub height: Tenths,
    pub bars: Vec<Bar>,
    pub labels: Vec<Label>,
    pub rules: Vec<Rule>,
    pub table: Table,
}

/// One bar pair: a name, its 2014 budget and its 2015 inkoop (co + ivh).
pub struct Pair {
    pub naam: String,
    pub budget_2014: Decimal,
    pub inkoop_2015: Decimal,
}

/// The bars' area, the labels' column and a row, in units.
const BAR_AREA: i32 = 400;
const LABEL_WIDTH: i32 = 210;
const ROW: i32 = 30;

/// A length on the bar axis: `value` of `max` over the bar area.
fn length(value: Decimal, max: Decimal) -> Tenths {
    if max.is_zero() || value <= Decimal::ZERO {
        return Tenths(0);
    }
    Tenths::of(value * Decimal::from(BAR_AREA) / max)
}

fn shorten(naam: &str, max: usize) -> String {
    if naam.chars().count() <= max { naam.to_string() } else { naam.chars().take(max - 1).collect::<String>() + "…" }
}

fn label(x: i32, y: i32, text: String, end: bool, name: bool) -> Label {
    Label { x: Tenths::units(x), y: Tenths::units(y), text, end, name }
}

fn bar(x: Tenths, y: i32, width: Tenths, height: i32, fill: Fill) -> Bar {
    Bar { x, y: Tenths::units(y), width, height: Tenths::units(height), fill }
}

/// Budget 2014 and inkoop 2015 side by side, one pair of bars per row, with a legend.
pub fn budget_vs_inkoop(id: &'static str, title: &str, pairs: &[Pair]) -> Chart {
    let max = pairs.iter().flat_map(|p| [p.budget_2014, p.inkoop_2015]).max().unwrap_or_default();
    let mut chart = Chart {
        id,
        title: title.to_string(),
        description: Some(
            "Per rij twee balken: lichte balk budget 2014, donkere balk inkoop 2015. De tabel hieronder geeft dezelfde cijfers."
                .into(),
        ),
        width: Tenths::units(LABEL_WIDTH + BAR_AREA + 10),
        height: Tenths::units(40 + ROW * pairs.len() as i32),
        ..Chart::default()
    };
    chart.bars.push(bar(Tenths(0), 4, Tenths::units(14), 10, Fill::Budget2014));
    chart.labels.push(label(20, 13, "Budget 2014".into(), false, false));
    chart.bars.push(bar(Tenths::units(130), 4, Tenths::units(14), 10, Fill::Inkoop2015));
    chart.labels.push(label(150, 13, "Inkoop 2015".into(), false, false));
    for (i, p) in pairs.iter().enumerate() {
        let y = 30 + ROW * i as i32;
        chart.labels.push(label(LABEL_WIDTH - 8, y + 15, shorten(&p.naam, 28), true, true));
        let x = Tenths::units(LABEL_WIDTH);
        chart.bars.push(bar(x, y, length(p.budget_2014, max), 11, Fill::Budget2014));
        chart.bars.push(bar(x, y + 12, length(p.inkoop_2015, max), 11, Fill::Inkoop2015));
    }
    chart.table = Table {
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
    };
    chart
}

/// What the frictiekosten consist of: personnel and housing, and how much is covered.
pub fn composition(id: &'static str, title: &str, f: &Figures) -> Chart {
    let total = f.frictiekosten;
    let mut chart = Chart {
        id,
        title: title.to_string(),
        description: Some(format!(
            "Bovenste balk: frictiekosten personeel en huisvesting. Onderste balk: deel uit reserves en deel ongedekt. Totaal {}.",
            format::euro(total)
        )),
        width: Tenths::units(410),
        height: Tenths::units(120),
        ..Chart::default()
    };
    let rows = [
        (
            ("Personeel", f.frictiekosten_personeel, Fill::Personeel),
            ("Huisvesting", f.frictiekosten_huisvesting, Fill::Huisvesting),
        ),
        (("Uit reserves", f.dekking_reserves, Fill::Reserves), ("Ongedekt", f.ongedekt, Fill::Ongedekt)),
    ];
    for (i, ((left, lv, lf), (right, rv, rf))) in rows.into_iter().enumerate() {
        let y = 10 + 55 * i as i32;
        let (lw, rw) = (length(lv, total), length(rv, total));
        chart.bars.push(bar(Tenths(0), y, lw, 22, lf));
        chart.bars.push(bar(lw, y, rw, 22, rf));
        chart.labels.push(label(0, y + 40, format!("{left}: {}", format::euro(lv)), false, false));
        chart.labels.push(label(400, y + 40, format!("{right}: {}", format::euro(rv)), true, false));
    }
    let row = |naam: &str, d: Decimal| (naam.to_string(), vec![format::euro(d)]);
    chart.table = Table {
        headers: vec!["Onderdeel", "Bedrag"],
        rows: vec![
            row("Frictiekosten personeel", f.frictiekosten_personeel),
            row("Frictiekosten huisvesting", f.frictiekosten_huisvesting),
            row("Dekking uit reserves", f.dekking_reserves),
            row("Ongedekt", f.ongedekt),
            row("Frictiekosten totaal", total),
        ],
    };
    chart
}

/// One bar per row, for comparing a single figure across scenarios.
pub fn bars(id: &'static str, title: &str, rows: &[(String, Decimal)], shown: fn(Decimal) -> String) -> Chart {
    let max = rows.iter().map(|r| r.1).max().unwrap_or_default();
    let mut chart = Chart {
        id,
        title: title.to_string(),
        width: Tenths::units(LABEL_WIDTH + BAR_AREA + 110),
        height: Tenths::units(10 + ROW * rows.len() as i32),
        ..Chart::default()
    };
    for (i, (naam, value)) in rows.iter().enumerate() {
        let y = 6 + ROW * i as i32;
        chart.labels.push(label(LABEL_WIDTH - 8, y + 14, shorten(naam, 26), true, true));
        chart.bars.push(bar(Tenths::units(LABEL_WIDTH), y, length(*value, max), 18, Fill::Inkoop2015));
        chart.labels.push(label(LABEL_WIDTH + 406, y + 14, shown(*value), false, false));
    }
    chart.table = Table {
        headers: vec!["Scenario", "Waarde"],
        rows: rows.iter().map(|(n, v)| (n.clone(), vec![shown(*v)])).collect(),
    };
    chart
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
/// high value, around the current figure (a rule); in the order given (widest first).
pub fn tornado(id: &'static str, title: &str, point: Decimal, rows: &[Swing]) -> Chart {
    let lowest = rows.iter().flat_map(|r| [r.at_low, r.at_high]).chain([point]).min().unwrap_or_default();
    let highest = rows.iter().flat_map(|r| [r.at_low, r.at_high]).chain([point]).max().unwrap_or_default();
    let span = highest - lowest;
    let x =
        |v: Decimal| if span.is_zero() { Tenths(0) } else { Tenths::of((v - lowest) * Decimal::from(BAR_AREA) / span) };
    let height = 20 + ROW * rows.len() as i32;
    let mut chart = Chart {
        id,
        title: title.to_string(),
        description: Some(format!(
            "Per aanname een balk van de uitkomst bij de lage tot die bij de hoge waarde; de lijn is de huidige uitkomst, {}. De tabel eronder geeft dezelfde cijfers.",
            format::euro(point)
        )),
        width: Tenths::units(LABEL_WIDTH + BAR_AREA + 10),
        height: Tenths::units(height),
        ..Chart::default()
    };
    let left = Tenths::units(LABEL_WIDTH);
    for (i, row) in rows.iter().enumerate() {
        let y = 6 + ROW * i as i32;
        let (a, b) = (x(row.at_low.min(row.at_high)), x(row.at_low.max(row.at_high)));
        chart.labels.push(label(LABEL_WIDTH - 8, y + 14, shorten(&row.short, 26), true, true));
        chart.bars.push(bar(left + a, y, Tenths(b.0 - a.0), 18, Fill::Inkoop2015));
    }
    chart.rules.push(Rule { x: left + x(point), top: Tenths(0), bottom: Tenths::units(height) });
    chart.table = Table {
        headers: vec!["Aanname", "Bij lage waarde", "Bij hoge waarde"],
        rows: rows.iter().map(|r| (r.full.clone(), vec![format::euro(r.at_low), format::euro(r.at_high)])).collect(),
    };
    chart
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(naam: &str, b: i64, i: i64) -> Pair {
        Pair { naam: naam.into(), budget_2014: Decimal::from(b), inkoop_2015: Decimal::from(i) }
    }

    fn widths(chart: &Chart, fill: Fill) -> Vec<i32> {
        chart.bars.iter().filter(|b| b.fill == fill).map(|b| b.width.0).collect()
    }

    #[test]
    fn tenths_are_written_as_svg_numbers() {
        assert_eq!(Tenths(4000).to_string(), "400");
        assert_eq!(Tenths(125).to_string(), "12.5");
        assert_eq!(Tenths::of(dec!(123.456)), Tenths(1235));
    }

    #[test]
    fn bars_are_proportional_to_the_largest_value() {
        let chart = budget_vs_inkoop("t", "Test", &[pair("A", 200, 100), pair("B", 50, 0)]);
        // The legend's swatches first, then each row's pair.
        assert_eq!(widths(&chart, Fill::Budget2014), [140, 4000, 1000]);
        assert_eq!(widths(&chart, Fill::Inkoop2015), [140, 2000, 0]);
        assert_eq!(chart.height, Tenths::units(100));
        assert_eq!(chart.labels.iter().filter(|l| l.name).map(|l| l.text.as_str()).collect::<Vec<_>>(), ["A", "B"]);
        assert!(chart.description.is_some(), "an image needs a description");
    }

    #[test]
    fn the_table_holds_the_same_figures() {
        let chart = budget_vs_inkoop("t", "T", &[pair("Groningen", 1939746, 1690486)]);
        assert_eq!(
            chart.table.rows,
            [("Groningen".to_string(), vec!["€ 1.939.746".into(), "€ 1.690.486".into(), "−12,85%".into()])]
        );
        let f = Figures {
            frictiekosten_personeel: dec!(124630),
            frictiekosten_huisvesting: dec!(37389),
            frictiekosten: dec!(162019),
            dekking_reserves: dec!(40505),
            ongedekt: dec!(121514),
            ..Figures::default()
        };
        let chart = composition("c", "Samenstelling", &f);
        let amounts: Vec<&str> = chart.table.rows.iter().map(|(_, v)| v[0].as_str()).collect();
        assert_eq!(amounts, ["€ 124.630", "€ 37.389", "€ 40.505", "€ 121.514", "€ 162.019"]);
        // Personnel and housing fill the upper bar, reserves and ongedekt the lower one.
        assert_eq!(widths(&chart, Fill::Personeel)[0] + widths(&chart, Fill::Huisvesting)[0], 4000);
        assert_eq!(chart.bars[1].x, chart.bars[0].width, "housing starts where personnel ends");
    }

    #[test]
    fn bars_compare_one_figure() {
        let chart = bars("b", "Frictiekosten", &[("A".into(), dec!(100)), ("B & C".into(), dec!(50))], format::euro);
        assert_eq!(widths(&chart, Fill::Inkoop2015), [4000, 2000]);
        assert_eq!(chart.table.rows[1], ("B & C".to_string(), vec!["€ 50".to_string()]));
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
            "t",
            "Ongedekt",
            dec!(150),
            &[swing("Maanden", "Maanden personeel", 100, 200), swing("Reserves", "Dekking uit reserves", 160, 140)],
        );
        assert_eq!((chart.bars[0].x, chart.bars[0].width), (Tenths::units(210), Tenths::units(400)));
        assert_eq!((chart.bars[1].x, chart.bars[1].width), (Tenths::units(370), Tenths::units(80)));
        assert_eq!(chart.rules[0].x, Tenths::units(410));
        assert_eq!(chart.table.rows[1].0, "Dekking uit reserves");
        assert!(chart.labels.iter().all(|l| !l.text.contains("Dekking")), "the chart has the short names");
    }

    #[test]
    fn nothing_to_draw_is_not_an_error() {
        assert_eq!(budget_vs_inkoop("t", "Leeg", &[]).height, Tenths::units(40));
        assert!(composition("c", "Nul", &Figures::default()).bars.iter().all(|b| b.width == Tenths(0)));
        assert_eq!(tornado("t", "Nul", Decimal::ZERO, &[]).rules.len(), 1);
    }
}
