//! The printed report: what a beleidsmedewerker attaches to a raadsvoorstel. Not the screen
//! with its fields and buttons printed, but a document made from the same inputs: the
//! area's figures, their bandwidth, the afbouwpad, the worked calculation, the assumptions
//! with their sources and the gemeenten of the area, as text and tables.
//!
//! Built once per print (`ui::sections::report`), so nothing here is kept up to date while typing.

use crate::model::analysis;
use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{Dataset, Line};
use crate::model::inputs::Inputs;
use crate::model::pad::{self, YEARS};
use crate::model::params::ParamKey;
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::figures::ROWS;
use crate::view::html::{self, escape};
use crate::view::outside::outside;
use crate::view::table::change;
use crate::view::worked::{Worked, worked};

/// A table of the report: a row name and its cells. `numeric[i]` is about cell `i`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<&'static str>,
    pub numeric: Vec<bool>,
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// "Groningen (gemeente)", "Nederland (alle 408 gemeenten)".
    pub gebied: String,
    /// For a gemeente formed after 2013: which gemeenten of 2013 count for it, and why.
    pub herindeling: Option<String>,
    /// What was typed, in one sentence: the inkoop 2015 of both lines and their change.
    pub invoer: String,
    /// The figures of 2015 with what each means.
    pub uitkomsten: Table,
    /// The range of frictiekosten and of ongedekt over the assumptions' bandwidth.
    pub bandbreedte: String,
    /// Edits outside the area that stay in force, one line each.
    pub ook_gewijzigd: Vec<String>,
    /// The figures per year, when an afbouwpad is set.
    pub afbouwpad: Option<Table>,
    pub berekening: Worked,
    pub aannames: Table,
    /// The area's gemeenten, when it has more than one and is not all of Nederland (408
    /// rows are ten pages; the CSV holds them, the worked calculation has the organisations).
    pub gemeenten: Option<Table>,
}

pub fn report(data: &Dataset, inputs: &Inputs) -> Report {
    let selection = inputs.selection;
    let outcome = inputs.outcome(data);
    let figures = outcome.selection(data, selection);
    let gebied = match selection {
        Selection::Nederland => "Nederland (alle 408 gemeenten)".to_string(),
        s => s.described(data),
    };
    let (frictiekosten, ongedekt) = analysis::ranges(data, &inputs.scenario, selection, &inputs.params);
    let range = |r: analysis::Range| format::between(&format::euro(r.low), &format::euro(r.high));
    Report {
        invoer: invoer(&figures),
        uitkomsten: uitkomsten(&gebied, &figures),
        bandbreedte: format!(
            "Met de aannames binnen hun bandbreedte liggen de frictiekosten {}, en de ongedekte frictiekosten {}.",
            range(frictiekosten),
            range(ongedekt)
        ),
        herindeling: match selection {
            Selection::Later(id) => Some(crate::view::area::herindeling(data, id)),
            _ => None,
        },
        ook_gewijzigd: outside(data, inputs, usize::MAX).lines.into_iter().map(|l| l.text).collect(),
        afbouwpad: afbouwpad(data, inputs),
        berekening: worked(data, &outcome, &inputs.params, selection),
        aannames: aannames(inputs),
        gemeenten: match selection {
            Selection::Nederland | Selection::Gemeente(_) => None,
            s => Some(gemeenten(data, &outcome, s)),
        },
        gebied,
    }
}

fn invoer(f: &Figures) -> String {
    let line = |l: Line| {
        let percent = change(f, l);
        let how = if format::round(percent, 2).is_zero() {
            "gelijk aan 2014".to_string()
        } else {
            format!("{} ten opzichte van 2014", format::percent_change(percent))
        };
        format!("{} ({how})", format::euro(f.inkoop_2015.get(l)))
    };
    format!("Inkoop 2015: cliëntondersteuning {}, Integrale Vroeghulp {}.", line(Line::Co), line(Line::Ivh))
}

fn uitkomsten(gebied: &str, f: &Figures) -> Table {
    let rows = ROWS
        .iter()
        .map(|row| {
            let uitleg = match row.parts {
                Some(parts) => format!("{} {}", row.uitleg, parts(f)),
                None => row.uitleg.to_string(),
            };
            (row.label.to_string(), vec![row.shown(f), uitleg])
        })
        .collect();
    Table {
        caption: format!("Uitkomsten 2015, {gebied}"),
        headers: vec!["Uitkomst", "2015", "Toelichting"],
        numeric: vec![true, false],
        rows,
    }
}

fn flows(f: &Figures) -> Vec<String> {
    vec![
        format::euro(f.omzetdaling),
        format::fte(f.fte_verlies),
        format::euro(f.frictiekosten),
        format::euro(f.ongedekt),
    ]
}

fn afbouwpad(data: &Dataset, inputs: &Inputs) -> Option<Table> {
    if inputs.pad.iter().all(Option::is_none) {
        return None;
    }
    let years = pad::years(data, &inputs.scenario, inputs.selection, &inputs.pad).ok()?;
    let outcomes = pad::calculate_path(data, &years, &inputs.params);
    let (per_year, total) = pad::selection_per_year(data, &outcomes, inputs.selection);
    let mut rows: Vec<(String, Vec<String>)> = YEARS
        .iter()
        .zip(&per_year)
        .map(|(year, f)| {
            let mut cells = vec![format::euro(f.inkoop_2015.total())];
            cells.extend(flows(f));
            (year.to_string(), cells)
        })
        .collect();
    let mut cells = vec![String::new()];
    cells.extend(flows(&total));
    rows.push(("Totaal 2015–2018".into(), cells));
    Some(Table {
        caption: "Afbouwpad 2015–2018: elk jaar tegenover het jaar ervoor".into(),
        headers: vec!["Jaar", "Inkoop", "Omzetdaling", "Fte-verlies", "Frictiekosten", "Ongedekt"],
        numeric: vec![true; 5],
        rows,
    })
}

fn aannames(inputs: &Inputs) -> Table {
    let rows = ParamKey::ALL
        .iter()
        .map(|&key| {
            let spec = key.spec();
            let value = format::value(inputs.params.get(key), spec.unit);
            let standaard = if inputs.params.is_default(key) {
                " (standaard)".to_string()
            } else {
                format!(" (standaard {})", format::value(spec.default, spec.unit))
            };
            (spec.label.to_string(), vec![value + &standaard, spec.bron.to_string()])
        })
        .collect();
    Table { caption: "Aannames".into(), headers: vec!["Aanname", "Waarde", "Bron"], numeric: vec![false, false], rows }
}

fn gemeenten(data: &Dataset, outcome: &Outcome, selection: Selection) -> Table {
    let cells = |f: &Figures| {
        let mut cells = vec![
            format::euro(f.budget_2014.co),
            format::euro(f.inkoop_2015.co),
            format::percent_change(change(f, Line::Co)),
        ];
        cells.extend([format::euro(f.frictiekosten), format::euro(f.ongedekt), format::fte(f.fte_verlies)]);
        cells
    };
    let ids = selection.gemeenten(data);
    let mut rows: Vec<(String, Vec<String>)> =
        ids.iter().map(|&g| (data.gemeente(g).naam.clone(), cells(outcome.gemeente(g)))).collect();
    rows.push(("Totaal".into(), cells(&outcome.selection(data, selection))));
    Table {
        caption: format!("Per gemeente, cliëntondersteuning ({} gemeenten)", ids.len()),
        headers: vec![
            "Gemeente",
            "Budget 2014",
            "Inkoop 2015",
            "Wijziging",
            "Frictiekosten",
            "Ongedekt",
            "Fte-verlies",
        ],
        numeric: vec![true; 6],
        rows,
    }
}

/// When and from which link the report was printed.
pub struct Stamp<'a> {
    pub datum: &'a str,
    pub link: &'a str,
    /// Whether the link holds the whole state (else the CSV does).
    pub complete: bool,
}

/// The line at the top of every printed page: the calculator, the area and the date, as
/// a CSS string for the page's margin (`--verslag-kop` in `style/main.css`).
pub fn running_header(gebied: &str, datum: &str) -> String {
    css_string(&format!("Rekenhulp frictiekosten MEE 2015 · {gebied} · afgedrukt op {datum}"))
}

/// What the printed page puts before a relative link's address (`--verslag-basis`): the
/// page's folder, so that "data/x.csv" prints as an address that can be typed.
pub fn link_base(page: &str) -> String {
    css_string(page.rfind('/').map_or(page, |i| &page[..=i]))
}

/// `text` as a CSS string: quoted, with a quote, a backslash or a line break escaped, so
/// that no text can end the string or the declaration.
pub fn css_string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn heading(text: &str) -> String {
    format!(r#"<h2 class="nl-heading nl-heading--level-2">{}</h2>"#, escape(text))
}

fn paragraph(text: &str) -> String {
    format!(r#"<p class="nl-paragraph">{}</p>"#, escape(text))
}

impl Table {
    pub fn markup(&self) -> String {
        html::table(&self.caption, &self.headers, &self.numeric, &self.rows)
    }
}

impl Report {
    /// The report as markup, every text escaped. `map`: the map's markup as it is on screen,
    /// when it has been drawn (it is fetched when first seen, or by the print button).
    pub fn markup(&self, stamp: &Stamp, map: Option<&str>) -> String {
        let r = self;
        let incomplete = if stamp.complete { "" } else { " (onvolledig: de CSV bevat alle bedragen)" };
        let mut html = format!(
            r#"<p class="report__stamp" data-testid="afdruk-stempel">Afgedrukt op {}. Deze berekening opnieuw openen{}: <span class="report__link">{}</span></p>"#,
            escape(stamp.datum),
            incomplete,
            escape(stamp.link)
        );
        html.push_str(&format!(r#"<div class="report__first">{}"#, heading(&format!("Uitkomsten: {}", r.gebied))));
        if let Some(herindeling) = &r.herindeling {
            html.push_str(&paragraph(herindeling));
        }
        html.push_str(&paragraph(&r.invoer));
        html.push_str(&r.uitkomsten.markup());
        html.push_str(&paragraph(&r.bandbreedte));
        if !r.ook_gewijzigd.is_empty() {
            html.push_str(&paragraph(
                "Ook gewijzigd buiten dit gebied (telt mee in de uitkomsten van de MEE-organisatie):",
            ));
            html.push_str("<ul>");
            for line in &r.ook_gewijzigd {
                html.push_str(&format!("<li>{}</li>", escape(line)));
            }
            html.push_str("</ul>");
        }
        html.push_str("</div>");
        // The map right under the figures, small enough to fit on page 1 with them; the
        // afbouwpad's table can break across pages, the map cannot.
        if let Some(map) = map {
            html.push_str(&format!(r#"<div class="report__part report__kaart">{}{map}</div>"#, heading("Kaart")));
        }
        if let Some(pad) = &r.afbouwpad {
            html.push_str(&format!(
                r#"<div class="report__part">{}{}</div>"#,
                heading("Afbouwpad 2015–2018"),
                pad.markup()
            ));
        }
        html.push_str(&format!(
            r#"<div class="report__part">{}{}</div>"#,
            heading(&format!("Zo is dit berekend, met de cijfers van {}", r.gebied)),
            r.berekening.markup_in("verslag-berekening")
        ));
        html.push_str(&format!(
            r#"<div class="report__part">{}{}</div>"#,
            heading("Aannames en bronnen"),
            r.aannames.markup()
        ));
        if let Some(gemeenten) = &r.gemeenten {
            html.push_str(&format!(
                r#"<div class="report__part">{}{}</div>"#,
                heading(&gemeenten.caption),
                gemeenten.markup()
            ));
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::scenario::Change;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find};

    fn inputs(selection: Selection, percent: rust_decimal::Decimal) -> (&'static Dataset, Inputs) {
        let data = data();
        let mut inputs = Inputs::new(data);
        inputs.selection = selection;
        inputs.scenario.apply(data, selection, Line::Co, Change::Percent(percent)).expect("a valid change");
        (data, inputs)
    }

    fn cell<'a>(table: &'a Table, row: &str) -> &'a [String] {
        &table.rows.iter().find(|(n, _)| n == row).unwrap_or_else(|| panic!("no row {row}")).1
    }

    #[test]
    fn a_gemeente_gets_its_figures_and_no_table_of_one() {
        let (data, inputs) = inputs(find(Kind::Gemeente, "Groningen"), dec!(-13));
        let r = report(data, &inputs);
        assert_eq!(r.gebied, "Groningen (gemeente)");
        assert_eq!(
            r.invoer,
            "Inkoop 2015: cliëntondersteuning €\u{a0}1.668.122 (−13% ten opzichte van 2014), Integrale Vroeghulp €\u{a0}22.364 (gelijk aan 2014)."
        );
        assert_eq!(cell(&r.uitkomsten, "Frictiekosten totaal")[0], "€\u{a0}162.019");
        assert!(cell(&r.uitkomsten, "Budget 2014 totaal")[1].contains("Integrale Vroeghulp €\u{a0}22.364"));
        assert_eq!(r.gemeenten, None);
        assert_eq!(r.afbouwpad, None);
        // "tussen … en …", not "tussen … – …".
        assert!(
            r.bandbreedte.contains("frictiekosten tussen €\u{a0}74.778 en €\u{a0}261.723, en de ongedekte"),
            "{}",
            r.bandbreedte
        );
        assert!(!r.bandbreedte.contains('–'), "{}", r.bandbreedte);
    }

    #[test]
    fn every_assumption_has_its_value_and_source() {
        let (data, mut inputs) = inputs(Selection::Nederland, dec!(0));
        inputs.params.set(ParamKey::Reserves, dec!(40)).expect("in range");
        let r = report(data, &inputs);
        assert_eq!(r.aannames.rows.len(), ParamKey::ALL.len());
        assert_eq!(cell(&r.aannames, ParamKey::Reserves.spec().label)[0], "40% (standaard 25%)");
        assert_eq!(cell(&r.aannames, ParamKey::MaandenPersoneel.spec().label)[0], "6 (standaard)");
        assert!(r.aannames.rows.iter().all(|(_, c)| c[1].len() > 20), "every source named");
    }

    #[test]
    fn a_regio_lists_its_gemeenten_with_a_total_that_matches_the_figures() {
        let drenthe = find(Kind::Jeugdregio, "Drenthe");
        let (data, inputs) = inputs(drenthe, dec!(-10));
        let r = report(data, &inputs);
        let table = r.gemeenten.expect("a table");
        assert_eq!(table.rows.len(), drenthe.gemeenten(data).len() + 1);
        assert_eq!(cell(&table, "Totaal")[3], cell(&r.uitkomsten, "Frictiekosten totaal")[0]);
        assert_eq!(cell(&table, "Assen")[2], "−10%");
    }

    #[test]
    fn the_running_header_and_link_base_are_css_strings() {
        assert_eq!(
            running_header("Groningen (gemeente)", "05-12-2026"),
            "\"Rekenhulp frictiekosten MEE 2015 · Groningen (gemeente) · afgedrukt op 05-12-2026\""
        );
        assert_eq!(css_string("a\"b\\c\nd"), r#""a\"b\\c d""#);
        assert_eq!(link_base("https://x.nl/rekenhulp/index.html"), "\"https://x.nl/rekenhulp/\"");
        assert_eq!(link_base("http://127.0.0.1:4193/"), "\"http://127.0.0.1:4193/\"");
    }

    #[test]
    fn an_afbouwpad_adds_its_years_and_their_total() {
        let mee = find(Kind::Organisatie, "MEE Groningen");
        let (data, mut inputs) = inputs(mee, dec!(-5));
        inputs.pad = [Some(dec!(-10)), None, Some(dec!(-20))];
        let r = report(data, &inputs);
        let table = r.afbouwpad.expect("a path table");
        let names: Vec<&str> = table.rows.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["2015", "2016", "2017", "2018", "Totaal 2015–2018"]);
        let total = pad::total(data, &inputs.scenario, mee, &inputs.pad, &inputs.params).expect("a path");
        assert_eq!(cell(&table, "Totaal 2015–2018")[3], format::euro(total.frictiekosten));
        // 2017 is empty: as the year before.
        assert_eq!(cell(&table, "2017")[0], cell(&table, "2016")[0]);
    }
}
