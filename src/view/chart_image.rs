//! A chart (`crate::view::chart`) as a downloadable SVG (`crate::view::image`): its title,
//! its legend, per row the name, the bars, the value and notes as the page shows them and,
//! where the page has them only in the table under the chart, the row's figures in words;
//! then the source. The same bars as on the page, at the same shares of the row.

use std::fmt::Write as _;

use crate::view::chart::{Chart, Fill, Share};
use crate::view::image::{Image, Look, MARGIN, Sheet, kleur, text};

/// The height of a row's bars: one lane, or two (budget 2014 over inkoop 2015).
const TRACK: u32 = 20;
const TRACK_2: u32 = 32;

/// A bar's colour, as `style/main.css` gives it on the page in the default theme.
pub fn colour(fill: Fill) -> &'static str {
    match fill {
        Fill::Budget2014 | Fill::Huisvesting | Fill::Reserves => kleur::ACCENT_LICHT,
        Fill::Inkoop2015 | Fill::Personeel | Fill::Ongedekt => kleur::ACCENT,
    }
}

/// `share` of `length` pixels.
fn along(share: Share, length: u32) -> u32 {
    length * u32::from(share.0) / u32::from(Share::WHOLE.0)
}

/// The figures of row `i` in words, from the chart's table, where the row itself does not
/// show them: "Budget 2014: € 1.939.746 · Inkoop 2015: € 1.690.486 · Wijziging: −12,85%".
/// Only for a table with a row per row of the chart.
pub fn figures_line(chart: &Chart, i: usize) -> Option<String> {
    if chart.table.rows.len() != chart.rows.len() || chart.rows[i].notes.is_some() {
        return None;
    }
    let cells = &chart.table.rows.get(i)?.1;
    if cells.len() == 1 && chart.rows[i].value.as_ref() == cells.first() {
        return None;
    }
    let words: Vec<String> = chart
        .table
        .headers
        .iter()
        .skip(1)
        .zip(cells)
        .filter(|(_, cell)| !cell.is_empty())
        .map(|(header, cell)| format!("{header}: {cell}"))
        .collect();
    (!words.is_empty()).then(|| words.join(" · "))
}

/// The legend: a swatch and a name each, side by side.
fn legend(sheet: &mut Sheet, chart: &Chart) {
    let mut markup = String::new();
    let mut x = MARGIN;
    for (fill, name) in &chart.legend {
        let _ =
            write!(markup, r#"<rect x="{x}" y="{}" width="14" height="14" fill="{}"/>"#, sheet.y + 2, colour(*fill));
        markup.push_str(&text(x + 20, sheet.y + 14, Look::TEKST, name));
        x += 20 + 9 * name.chars().count() as u32 + 24;
    }
    sheet.block(&markup, 28);
}

/// The chart as a standalone SVG, with `bron` (`crate::view::image::bron`) under it.
pub fn chart_image(chart: &Chart, bron: &str) -> Image {
    let mut sheet = Sheet::new();
    sheet.paragraph(&chart.title, Look::TITEL);
    sheet.gap(8);
    if !chart.legend.is_empty() {
        legend(&mut sheet, chart);
    }
    // Room for the values after the bars, the same in every row so that the bars align.
    let value_chars = chart.rows.iter().filter_map(|r| r.value.as_ref()).map(|v| v.chars().count()).max();
    let value_width = value_chars.map_or(0, |n| 8 * n as u32 + 8).min(Sheet::INNER / 2);
    let track = Sheet::INNER - value_width;
    for (i, row) in chart.rows.iter().enumerate() {
        sheet.paragraph(&row.label, Look::TEKST);
        sheet.gap(2);
        let lanes = u32::from(row.lanes.max(1));
        let height = if lanes > 1 { TRACK_2 } else { TRACK };
        let lane = height / lanes;
        let top = sheet.y;
        let mut markup = String::new();
        for b in &row.bars {
            let _ = write!(
                markup,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                MARGIN + along(b.start, track),
                top + lane * u32::from(b.lane),
                along(b.length, track),
                if lanes > 1 { lane * 9 / 10 } else { lane },
                colour(b.fill)
            );
        }
        if let Some(rule) = chart.rule {
            let x = MARGIN + along(rule, track);
            let _ = write!(
                markup,
                r#"<line x1="{x}" x2="{x}" y1="{}" y2="{}" stroke="{}" stroke-width="2"/>"#,
                top.saturating_sub(2),
                top + height + 2,
                kleur::TEKST
            );
        }
        if let Some(value) = &row.value {
            markup.push_str(&text(MARGIN + track + 8, top + height / 2 + 5, Look::TEKST, value));
        }
        sheet.block(&markup, height + 4);
        if let Some((left, right)) = &row.notes {
            let mut notes = text(MARGIN, sheet.y + Look::TEKST.size, Look::TEKST, left);
            notes.push_str(&text(MARGIN + track, sheet.y + Look::TEKST.size, Look::TEKST.at_end(), right));
            sheet.block(&notes, Look::TEKST.line_height());
        }
        if let Some(line) = figures_line(chart, i) {
            sheet.paragraph(&line, Look::KLEIN);
        }
        sheet.gap(10);
    }
    sheet.gap(6);
    sheet.paragraph(bron, Look::KLEIN);
    sheet.finish(&chart.title)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::calculation::Figures;
    use crate::text::format;
    use crate::view::chart::{Pair, Swing, bars, budget_vs_inkoop, composition, tornado};
    use crate::view::image::bron;
    use crate::view::image::tests::parsed;

    const HOSTILE: &str = "A <b>&amp;</b> \"'\u{202E}x\u{2066}</text><script>\u{FFFF}";
    const SHOWN: &str = "A <b>&amp;</b> \"'x</text><script>";

    fn pair(naam: &str, b: i64, i: i64) -> Pair {
        Pair { naam: naam.into(), budget_2014: Decimal::from(b), inkoop_2015: Decimal::from(i) }
    }

    #[test]
    fn a_chart_holds_its_title_legend_figures_and_source() {
        let chart = budget_vs_inkoop(
            "Budget 2014 en inkoop 2015 per gemeente, Drenthe",
            &[pair("Assen", 1939746, 1690486), pair("Emmen", 200, 100)],
        );
        let image = chart_image(&chart, &bron("05-12-2026"));
        let (texts, width, height) = parsed(&image.svg);
        assert_eq!((width, height), (image.width, image.height));
        assert_eq!(texts[0], chart.title, "<title>");
        assert_eq!(texts[1], chart.title, "the title as text");
        assert_eq!(texts[2..4], ["Budget 2014", "Inkoop 2015"], "the legend");
        assert_eq!(texts[4], "Assen");
        assert_eq!(texts[5], "Budget 2014: €\u{a0}1.939.746 · Inkoop 2015: €\u{a0}1.690.486 · Wijziging: −12,85%");
        assert!(texts.last().is_some_and(|t| t.ends_with("van 1 december 2014.")), "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("Bron: Rekenhulp frictiekosten MEE 2015")));
        // The bars at the chart's shares of the track (the whole width, no values).
        assert!(image.svg.contains(r#"<rect x="24" y="#));
        assert!(image.svg.contains(r##"width="672" height="14" fill="#8fa8c4""##), "Assen's budget, the longest");
        assert!(image.svg.contains(r##"width="585" height="14" fill="#154273""##), "Assen's inkoop, 87,15%");
    }

    #[test]
    fn notes_values_and_the_rule_are_written_as_on_the_page() {
        let f = Figures {
            frictiekosten_personeel: dec!(124630),
            frictiekosten_huisvesting: dec!(37389),
            frictiekosten: dec!(162019),
            dekking_reserves: dec!(40505),
            ongedekt: dec!(121514),
            ..Figures::default()
        };
        let chart = composition("Samenstelling frictiekosten, Assen", &f);
        let (texts, ..) = parsed(&chart_image(&chart, "Bron: x").svg);
        let notes: Vec<&String> =
            chart.rows.iter().filter_map(|r| r.notes.as_ref()).flat_map(|(l, r)| [l, r]).collect();
        assert_eq!(notes.len(), 4);
        for note in notes {
            assert!(texts.contains(note), "{note} in {texts:?}");
        }
        assert!(texts.iter().all(|t| !t.contains(" · ")), "the notes say it, no figures line");

        let chart = bars("Frictiekosten", &[("Nu".into(), dec!(100)), ("Plan".into(), dec!(50))], format::euro);
        let (texts, ..) = parsed(&chart_image(&chart, "Bron: x").svg);
        assert!(texts.contains(&"€\u{a0}50".to_string()) && !texts.iter().any(|t| t.contains("Waarde:")));

        let swing =
            Swing { short: "Maanden".into(), full: "Maanden personeel".into(), at_low: 1.into(), at_high: 3.into() };
        let chart = tornado("Ongedekt", dec!(2), &[swing]);
        let image = chart_image(&chart, "Bron: x");
        assert!(image.svg.contains(r#"<line x1="360" x2="360""#), "the rule half-way: {}", image.svg);
        assert!(parsed(&image.svg).0.contains(&"Bij lage waarde: €\u{a0}1 · Bij hoge waarde: €\u{a0}3".to_string()));
    }

    #[test]
    fn hostile_names_stay_text() {
        let chart = bars(HOSTILE, &[(HOSTILE.into(), dec!(1)), ("B".into(), dec!(2))], format::euro);
        let image = chart_image(&chart, HOSTILE);
        let (texts, ..) = parsed(&image.svg);
        assert_eq!(texts[0], SHOWN);
        assert!(texts.contains(&SHOWN.to_string()), "the row's name: {texts:?}");
        assert!(!image.svg.contains("<script") && !image.svg.contains('\u{202E}'));
    }

    #[test]
    fn an_empty_chart_is_still_an_image() {
        let (texts, _, height) = parsed(&chart_image(&Chart::default(), &bron("1-1-2027")).svg);
        assert!(height > 0 && texts.len() >= 2);
    }
}
