//! The scenario per gemeente as a CSV file for Dutch Excel: UTF-8 with a byte-order mark,
//! `;` between fields, a decimal comma, amounts as plain numbers (no `€`, no thousands
//! dots), CRLF line ends. A header block says what the file is: area, date, the link that
//! reproduces it, and the parameters with their sources; then one row per gemeente and a
//! totals row.
//!
//! Amounts are rounded to the cent and fte to a hundredth, each on its own, so a column's
//! sum may differ from the totals row (computed exactly) by a few cents.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{Dataset, GemeenteId};
use crate::model::params::{ParamKey, Parameters, Unit};
use crate::text::format;

/// The columns, in order.
pub const COLUMNS: [&str; 14] = [
    "gemeente",
    "jeugdregio",
    "MEE-organisatie",
    "budget 2014 cliëntondersteuning",
    "budget 2014 IVH",
    "inkoop 2015 cliëntondersteuning",
    "inkoop 2015 IVH",
    "omzetdaling",
    "fte-verlies",
    "frictiekosten personeel",
    "frictiekosten huisvesting",
    "frictiekosten totaal",
    "dekking uit reserves",
    "ongedekt",
];

/// What the file describes, for its header block.
pub struct About<'a> {
    /// "Groningen (gemeente)", "alle 408 gemeenten", …
    pub gebied: &'a str,
    /// The date, as the user's calendar shows it (e.g. "23-11-2026").
    pub datum: &'a str,
    /// The full link to this scenario.
    pub link: &'a str,
    /// Edits outside the area that stay in force ("Ook gewijzigd"), one line each.
    pub ook_gewijzigd: &'a [String],
}

/// A plain number with a decimal comma and `decimals` decimals: `1917382,00`, `-3,87`.
fn plain(d: Decimal, decimals: u32) -> String {
    format::number(d, decimals).replace('.', "").replace('−', "-")
}

/// A field, quoted when it holds the separator, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

fn line(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(";"));
    out.push_str("\r\n");
}

fn money_and_fte(f: &Figures) -> [String; 11] {
    let m = |d: Decimal| plain(d, 2);
    [
        m(f.budget_2014.co),
        m(f.budget_2014.ivh),
        m(f.inkoop_2015.co),
        m(f.inkoop_2015.ivh),
        m(f.omzetdaling),
        plain(f.fte_verlies, 2),
        m(f.frictiekosten_personeel),
        m(f.frictiekosten_huisvesting),
        m(f.frictiekosten),
        m(f.dekking_reserves),
        m(f.ongedekt),
    ]
}

/// The CSV for these gemeenten (all 408, or a selection's), with their totals.
pub fn csv(data: &Dataset, outcome: &Outcome, params: &Parameters, gemeenten: &[GemeenteId], about: &About) -> String {
    let mut out = String::from('\u{feff}');
    line(&mut out, &["Rekenhulp frictiekosten MEE 2015".into()]);
    line(&mut out, &["Gebied".into(), field(about.gebied)]);
    line(&mut out, &["Datum".into(), field(about.datum)]);
    line(&mut out, &["Link".into(), field(about.link)]);
    line(&mut out, &["Bron budgetten".into(), "Handreiking Cliëntondersteuning (maart 2014), Bijlage 5".into()]);
    for (i, text) in about.ook_gewijzigd.iter().enumerate() {
        let label = if i == 0 { "Ook gewijzigd buiten het gebied" } else { "" };
        line(&mut out, &[label.into(), field(text)]);
    }
    out.push_str("\r\n");
    line(&mut out, &["Parameter".into(), "Waarde".into(), "Eenheid".into(), "Bron".into()]);
    for key in ParamKey::ALL {
        let spec = key.spec();
        let unit = match spec.unit {
            Unit::Euro => "euro per jaar",
            Unit::Maanden => "maanden",
            Unit::Procent => "%",
        };
        line(&mut out, &[field(spec.label), plain(params.get(key), 2), unit.into(), field(spec.bron)]);
    }
    out.push_str("\r\n");
    line(&mut out, &COLUMNS.map(String::from));
    for &g in gemeenten {
        let gemeente = data.gemeente(g);
        let mut row = vec![
            field(&gemeente.naam),
            field(&data.jeugdregio(gemeente.jeugdregio).naam),
            field(&data.organisatie(gemeente.organisatie).naam),
        ];
        row.extend(money_and_fte(outcome.gemeente(g)));
        line(&mut out, &row);
    }
    let total: Figures = gemeenten.iter().map(|&g| *outcome.gemeente(g)).sum();
    let mut row = vec!["Totaal".to_string(), String::new(), String::new()];
    row.extend(money_and_fte(&total));
    line(&mut out, &row);
    out
}

/// A file name for the download: `frictiekosten-groningen-2026-11-23.csv`.
pub fn file_name(gebied: &str, iso_date: &str) -> String {
    let mut name = String::from("frictiekosten-");
    let _ = write!(name, "{}-{iso_date}.csv", slug(gebied));
    name
}

/// A name as part of a file name: lower-case ASCII letters and digits, anything else one
/// hyphen (`'s-Hertogenbosch (gemeente)` → `s-hertogenbosch-gemeente`).
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in crate::model::data::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::data::Line;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::{Kind, Selection};

    fn groningen_minus_13() -> (&'static Dataset, Outcome, Selection) {
        let data = Dataset::embedded().unwrap();
        let groningen = Selection::find(data, Kind::Gemeente, "Groningen").unwrap();
        let mut s = Scenario::status_quo(data);
        s.apply(data, groningen, Line::Co, Change::Percent(Decimal::from(-13))).unwrap();
        (data, calculate(data, &s, &Parameters::default()), groningen)
    }

    #[test]
    fn dutch_excel_format_with_header_block_and_totals() {
        let (data, outcome, groningen) = groningen_minus_13();
        let about = About {
            gebied: "Groningen (gemeente)",
            datum: "23-11-2026",
            link: "https://x.nl/?gemeente=Groningen&wijziging=-13",
            ook_gewijzigd: &["Emmen: cliëntondersteuning € 1.500.000 (+48%)".into()],
        };
        let text = csv(data, &outcome, &Parameters::default(), &groningen.gemeenten(data), &about);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[1], "Gebied;Groningen (gemeente)");
        assert_eq!(lines[5], "Ook gewijzigd buiten het gebied;Emmen: cliëntondersteuning € 1.500.000 (+48%)");
        assert!(lines.iter().any(|l| l.starts_with("Integrale kosten per fte per jaar;64454,00;euro per jaar;")));
        let header = lines.iter().position(|l| l.starts_with("gemeente;jeugdregio;")).unwrap();
        assert_eq!(lines[header].split(';').count(), 14);
        assert_eq!(
            lines[header + 1],
            "Groningen;Groningen;MEE Groningen;1917382,00;22364,00;1668122,34;22364,00;249259,66;3,87;124629,83;37388,95;162018,78;40504,69;121514,08"
        );
        assert!(lines[header + 2].starts_with("Totaal;;;1917382,00;"));
        let data_rows = lines[header..].join("\n");
        assert!(!data_rows.contains('€') && !data_rows.contains("1.917.382"), "plain numbers in the table");
    }

    #[test]
    fn all_408_with_exact_totals() {
        let (data, outcome, _) = groningen_minus_13();
        let all: Vec<GemeenteId> = data.gemeente_ids().collect();
        let about =
            About { gebied: "alle 408 gemeenten", datum: "23-11-2026", link: "https://x.nl/", ook_gewijzigd: &[] };
        let text = csv(data, &outcome, &Parameters::default(), &all, &about);
        let rows: Vec<&str> = text.split("\r\n").skip_while(|l| !l.starts_with("gemeente;")).skip(1).collect();
        assert_eq!(rows.len(), 408 + 2, "408 rows, totals, and the final empty string");
        assert!(rows[408].starts_with("Totaal;;;178669214,00;1802511,00;"));
        assert!(rows.iter().any(|r| r.starts_with("Nuenen, Gerwen en Nederwetten;")), "a comma needs no quotes with ;");
    }

    #[test]
    fn fields_with_the_separator_or_quotes_are_quoted() {
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("zeg \"ja\""), "\"zeg \"\"ja\"\"\"");
        assert_eq!(field("gewoon"), "gewoon");
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_name("Súdwest Fryslân (gemeente)", "2026-11-23"),
            "frictiekosten-sudwest-fryslan-gemeente-2026-11-23.csv"
        );
        assert_eq!(
            file_name("MEE Utrecht Gooi & Vecht", "2026-11-23"),
            "frictiekosten-mee-utrecht-gooi-vecht-2026-11-23.csv"
        );
    }
}
