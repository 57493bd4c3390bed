//! Extraction of the data file from the source text.
//!
//! `public/data/bron/handreiking-clientondersteuning-2014-tabel3-bijlage5.txt` is a verbatim
//! excerpt of the text version of the *Handreiking Cliëntondersteuning* (TransitieBureau Wmo,
//! March 2014): Tabel 3 and Bijlage 5. This module turns it into the CSV the app embeds, so
//! the CSV is never typed by hand; `tests/data.rs` checks that doing so again gives the
//! committed file byte for byte.
//!
//! Clean-up rules (docs/model.md §1), each with a test below:
//! - a hyphen followed by a space and a capital is a PDF line break: joined
//!   (`Bodegraven- Reeuwijk` → `Bodegraven-Reeuwijk`); `Gooi- en Vechtstreek` stays;
//! - two organisations are spelled differently in Bijlage 5 and Tabel 3; Tabel 3 wins;
//! - diacritics are kept.

use std::fmt::Write as _;

use super::CSV_HEADER;

/// One row of Bijlage 5 after clean-up. Amounts in whole euros.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    pub gemeente: String,
    pub jeugdregio: String,
    pub mee_organisatie: String,
    pub co: u64,
    pub ivh: u64,
}

/// Bijlage 5 spells two organisations differently from Tabel 3; Tabel 3 is the reference.
const ORGANISATIE_SPELLING: [(&str, &str); 2] = [
    ("MEE Noord Midden Limburg", "MEE Noord en Midden Limburg"),
    ("MEE Noordoost-Brabant", "MEE Noordoost Noord-Brabant"),
];

/// Joins a PDF line-break hyphen: "-" + " " + capital letter → "-" + capital letter.
pub fn join_line_break_hyphens(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    for (i, &c) in chars.iter().enumerate() {
        let is_break = c == ' ' && i > 0 && chars[i - 1] == '-' && chars.get(i + 1).is_some_and(|n| n.is_uppercase());
        if !is_break {
            out.push(c);
        }
    }
    out
}

/// The Tabel 3 spelling of an organisation name from Bijlage 5.
pub fn canonical_organisatie(name: &str) -> String {
    let joined = join_line_break_hyphens(name);
    ORGANISATIE_SPELLING
        .iter()
        .find(|(bijlage5, _)| *bijlage5 == joined)
        .map_or(joined, |(_, tabel3)| tabel3.to_string())
}

/// Parses "€ 1.234.567" (optionally wrapped in `<b>`) into 1234567.
fn euros(field: &str) -> Option<u64> {
    let inner = field.trim().trim_start_matches("<b>").trim_end_matches("</b>");
    let digits = inner.strip_prefix('€')?.trim();
    let plain: String = digits.chars().filter(|&c| c != '.').collect();
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
}

/// The rows of Bijlage 5 and its TOTAAL row (co, ivh) as printed.
pub fn extract_bijlage5(source: &str) -> Result<(Vec<SourceRow>, (u64, u64)), String> {
    let start = source.find("# Bijlage 5.").ok_or("the text has no heading `# Bijlage 5.`")?;
    let mut rows = Vec::new();
    for (n, line) in source[start..].lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 5 || fields[0] == "GEMEENTE" {
            continue;
        }
        let amounts = (euros(fields[3]), euros(fields[4]));
        let (Some(co), Some(ivh)) = amounts else {
            return Err(format!("Bijlage 5, line {}: amounts not readable: {line:?}", n + 1));
        };
        if fields[0] == "<b>TOTAAL</b>" {
            return Ok((rows, (co, ivh)));
        }
        rows.push(SourceRow {
            gemeente: join_line_break_hyphens(fields[0].trim()),
            jeugdregio: join_line_break_hyphens(fields[1].trim()),
            mee_organisatie: canonical_organisatie(fields[2].trim()),
            co,
            ivh,
        });
    }
    Err("Bijlage 5 has no TOTAAL row".into())
}

/// The rows of Tabel 3 (organisation, co, ivh), names with line-break hyphens joined.
pub fn extract_tabel3(source: &str) -> Result<Vec<(String, u64, u64)>, String> {
    let start = source.find("MEE organisaties\t").ok_or("the text has no Tabel 3 header")?;
    let mut rows = Vec::new();
    for line in source[start..].lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields[0] == "<b>TOTAAL</b>" {
            return Ok(rows);
        }
        let [naam, co, ivh] = fields[..] else {
            return Err(format!("Tabel 3: unexpected line {line:?}"));
        };
        let (Some(co), Some(ivh)) = (euros(co), euros(ivh)) else {
            return Err(format!("Tabel 3: amounts not readable: {line:?}"));
        };
        rows.push((join_line_break_hyphens(naam.trim()), co, ivh));
    }
    Err("Tabel 3 has no TOTAAL row".into())
}

/// The data file: header, then the rows sorted by gemeente (ignoring case and diacritics).
pub fn to_csv(rows: &[SourceRow]) -> Result<String, String> {
    let keys: Vec<String> = rows.iter().map(|r| super::fold(&r.gemeente)).collect();
    let order = crate::model::sort::sorted_positions(rows.len(), &|a, b| {
        (&keys[a], &rows[a].gemeente).cmp(&(&keys[b], &rows[b].gemeente))
    });
    let mut out = format!("{CSV_HEADER}\n");
    for r in order.into_iter().map(|i| &rows[i]) {
        for field in [&r.gemeente, &r.jeugdregio, &r.mee_organisatie] {
            if field.contains(['"', '\n', '\r']) {
                return Err(format!("{field:?} contains a quote or a line break"));
            }
        }
        let (g, j, o) = (quoted(&r.gemeente), quoted(&r.jeugdregio), quoted(&r.mee_organisatie));
        let _ = writeln!(out, "{g},{j},{o},{},{}", r.co, r.ivh);
    }
    Ok(out)
}

/// RFC 4180: a field with a comma goes in double quotes. (Quotes and line breaks inside a
/// name are refused by [`to_csv`]; no name in the source has one.)
fn quoted(field: &str) -> String {
    if field.contains(',') { format!("\"{field}\"") } else { field.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_pdf_line_break_hyphens() {
        assert_eq!(join_line_break_hyphens("Bodegraven- Reeuwijk"), "Bodegraven-Reeuwijk");
        assert_eq!(join_line_break_hyphens("MEE West- Brabant"), "MEE West-Brabant");
        assert_eq!(join_line_break_hyphens("Hendrik-Ido- Ambacht"), "Hendrik-Ido-Ambacht");
    }

    #[test]
    fn keeps_a_real_hyphen_before_a_lower_case_word() {
        assert_eq!(join_line_break_hyphens("Gooi- en Vechtstreek"), "Gooi- en Vechtstreek");
        assert_eq!(join_line_break_hyphens("Midden IJssel / Oost Veluwe"), "Midden IJssel / Oost Veluwe");
    }

    #[test]
    fn tabel3_spelling_wins_for_organisations() {
        assert_eq!(canonical_organisatie("MEE Noord Midden Limburg"), "MEE Noord en Midden Limburg");
        assert_eq!(canonical_organisatie("MEE Noordoost-Brabant"), "MEE Noordoost Noord-Brabant");
        assert_eq!(canonical_organisatie("MEE Zuid- Holland Noord"), "MEE Zuid-Holland Noord");
        assert_eq!(canonical_organisatie("MEE Plus"), "MEE Plus");
    }

    #[test]
    fn reads_amounts_with_euro_sign_and_dots() {
        assert_eq!(euros("€ 1.135.882"), Some(1_135_882));
        assert_eq!(euros("<b>€ 1.802.511</b>"), Some(1_802_511));
        assert_eq!(euros("€ 124"), Some(124));
        assert_eq!(euros("1.135"), None);
        assert_eq!(euros("€ 1,5"), None);
        assert_eq!(euros("€ "), None);
    }

    #[test]
    fn extracts_rows_and_the_totaal_line() {
        let text = "# Bijlage 5. Budgetten\nGEMEENTE\tJEUGDREGIO\tMEE ORGANISATIE\tBUDGET MEE\tBUDGET IVH\n\
            Súdwest Fryslân\tFriesland\tMEE Friesland\t€ 1.000\t€ 10\n\
            Bodegraven- Reeuwijk\tMidden-Holland\tMEE Noordoost-Brabant\t€ 2\t€ 1\n\
            <b>TOTAAL</b>\t\t\t<b>€ 1.002</b>\t<b>€ 11</b>\n";
        let (rows, totaal) = extract_bijlage5(text).unwrap();
        assert_eq!(totaal, (1002, 11));
        assert_eq!(rows[0].gemeente, "Súdwest Fryslân");
        assert_eq!(rows[1].gemeente, "Bodegraven-Reeuwijk");
        assert_eq!(rows[1].mee_organisatie, "MEE Noordoost Noord-Brabant");
        let csv = to_csv(&rows).unwrap();
        assert_eq!(
            csv,
            format!(
                "{CSV_HEADER}\nBodegraven-Reeuwijk,Midden-Holland,MEE Noordoost Noord-Brabant,2,1\nSúdwest Fryslân,Friesland,MEE Friesland,1000,10\n"
            )
        );
    }

    #[test]
    fn an_unreadable_amount_is_an_error_not_a_skipped_row() {
        let text = "# Bijlage 5.\nA\tB\tMEE C\t€ 1.0x0\t€ 1\n<b>TOTAAL</b>\t\t\t<b>€ 1</b>\t<b>€ 1</b>\n";
        assert!(extract_bijlage5(text).unwrap_err().contains("not readable"));
    }

    #[test]
    fn quotes_a_name_with_a_comma_and_refuses_a_quote() {
        let row = |naam: &str| SourceRow {
            gemeente: naam.into(),
            jeugdregio: "R".into(),
            mee_organisatie: "O".into(),
            co: 1,
            ivh: 2,
        };
        assert_eq!(to_csv(&[row("Nuenen, Gerwen")]).unwrap(), format!("{CSV_HEADER}\n\"Nuenen, Gerwen\",R,O,1,2\n"));
        assert!(to_csv(&[row("A \"B\"")]).is_err());
    }
}
