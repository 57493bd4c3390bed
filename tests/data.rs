//! The data file: reproducible from the source text, and right to the euro.
//!
//! `UPDATE_DATA=1 cargo test --test data` rewrites `public/data/mee-budgetten-2014.csv`
//! from the source excerpt (see `scripts/extract-data.sh`); without it the test fails if the
//! committed file differs from what the extraction gives.

// Tests may sort as they like; the wasm is what clippy.toml keeps to one sort.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, HashSet};

use mee_frictiekosten::model::data::bijlage5::{extract_bijlage5, extract_tabel3, to_csv};
use mee_frictiekosten::model::data::tabel3::{TABEL_3, TABEL_3_TOTAAL};
use mee_frictiekosten::model::data::{CSV_HEADER, EMBEDDED_CSV, fold};
use mee_frictiekosten::model::testing::data;
use rust_decimal::Decimal;

const SOURCE: &str = include_str!("../public/data/bron/handreiking-clientondersteuning-2014-tabel3-bijlage5.txt");
const CSV_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/mee-budgetten-2014.csv");

#[test]
fn csv_is_what_the_extraction_gives() {
    let (rows, _) = extract_bijlage5(SOURCE).expect("Bijlage 5 is readable");
    let csv = to_csv(&rows).expect("no name needs quoting");
    if std::env::var_os("UPDATE_DATA").is_some() {
        std::fs::write(CSV_PATH, &csv).expect("write the data file");
        return;
    }
    let on_disk = std::fs::read_to_string(CSV_PATH).expect("read the data file");
    assert!(
        on_disk == csv,
        "public/data/mee-budgetten-2014.csv differs from the extraction; run scripts/extract-data.sh"
    );
    assert_eq!(EMBEDDED_CSV, csv, "the binary embeds the same file that is served");
}

#[test]
fn bijlage5_totaal_row_matches_the_rows_and_tabel3() {
    let (rows, totaal) = extract_bijlage5(SOURCE).unwrap();
    let co: u64 = rows.iter().map(|r| r.co).sum();
    let ivh: u64 = rows.iter().map(|r| r.ivh).sum();
    assert_eq!((co, ivh), totaal);
    assert_eq!(totaal, TABEL_3_TOTAAL);
}

#[test]
fn tabel3_in_code_is_tabel3_in_the_source() {
    let from_source = extract_tabel3(SOURCE).unwrap();
    let in_code: Vec<(String, u64, u64)> = TABEL_3.iter().map(|&(n, co, ivh)| (n.to_string(), co, ivh)).collect();
    assert_eq!(from_source, in_code);
}

#[test]
fn header_and_format_are_exact() {
    let mut lines = EMBEDDED_CSV.lines();
    assert_eq!(lines.next(), Some(CSV_HEADER));
    assert_eq!(CSV_HEADER, "gemeente,jeugdregio,mee_organisatie,budget_co_2014,budget_ivh_2014");
    for line in lines {
        // The amounts are the last two fields; names may be quoted (one holds a comma).
        let fields: Vec<&str> = line.rsplitn(3, ',').collect();
        assert_eq!(fields.len(), 3, "{line}");
        for amount in &fields[..2] {
            assert!(
                !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit()),
                "whole euros without separators: {line}"
            );
        }
        assert_eq!(
            line.contains('"'),
            line.starts_with("\"Nuenen, Gerwen en Nederwetten\","),
            "quotes only where needed: {line}"
        );
    }
    assert!(EMBEDDED_CSV.ends_with('\n') && !EMBEDDED_CSV.contains('\r'));
}

#[test]
fn counts_are_408_41_22() {
    let d = data();
    assert_eq!(d.gemeenten.len(), 408);
    assert_eq!(d.jeugdregios.len(), 41);
    assert_eq!(d.organisaties.len(), 22);
    assert_eq!(EMBEDDED_CSV.lines().count(), 409);
}

#[test]
fn national_totals() {
    let total = data().total_2014();
    assert_eq!(total.co, Decimal::from(178_669_214));
    assert_eq!(total.ivh, Decimal::from(1_802_511));
}

#[test]
fn every_organisation_adds_up_to_its_tabel3_row() {
    let d = data();
    let mut sums: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for g in &d.gemeenten {
        let s = sums.entry(&d.organisatie(g.organisatie).naam).or_default();
        s.0 += g.budget_2014.co;
        s.1 += g.budget_2014.ivh;
    }
    assert_eq!(sums.len(), TABEL_3.len());
    for (naam, co, ivh) in TABEL_3 {
        let (sum_co, sum_ivh) = sums.get(naam).unwrap_or_else(|| panic!("{naam} has no gemeenten"));
        assert_eq!((*sum_co, *sum_ivh), (Decimal::from(co), Decimal::from(ivh)), "{naam}");
    }
}

#[test]
fn every_gemeente_in_exactly_one_organisation_and_one_jeugdregio() {
    let d = data();
    for (groups, what) in [(&d.organisaties, "organisatie"), (&d.jeugdregios, "jeugdregio")] {
        let mut seen = HashSet::new();
        for group in groups {
            assert!(!group.gemeenten.is_empty(), "{what} {} is empty", group.naam);
            for g in &group.gemeenten {
                assert!(seen.insert(*g), "{} is in two of the {what}s", d.gemeente(*g).naam);
            }
        }
        assert_eq!(seen.len(), 408, "every gemeente in some {what}");
    }
    for (i, g) in d.gemeenten.iter().enumerate() {
        assert!(d.organisatie(g.organisatie).gemeenten.iter().any(|id| id.index() == i));
        assert!(d.jeugdregio(g.jeugdregio).gemeenten.iter().any(|id| id.index() == i));
    }
}

#[test]
fn rows_are_sorted_by_gemeente_ignoring_case_and_diacritics() {
    let keys: Vec<String> = data().gemeenten.iter().map(|g| fold(&g.naam)).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    let first_lines: Vec<&str> = EMBEDDED_CSV.lines().skip(1).take(2).collect();
    assert!(first_lines[0].starts_with("Aa en Hunze,") && first_lines[1].starts_with("Aalburg,"));
}

#[test]
fn clean_up_cases_of_model_md() {
    let d = data();
    let gemeente = |naam: &str| d.gemeenten.iter().find(|g| g.naam == naam);
    let row = |naam: &str| EMBEDDED_CSV.lines().find(|l| l.starts_with(&format!("{naam},"))).unwrap_or("");
    // Line-break hyphens joined, in gemeenten and organisaties.
    assert!(gemeente("Bodegraven-Reeuwijk").is_some());
    assert!(!EMBEDDED_CSV.contains("- R") && !EMBEDDED_CSV.contains("MEE West- Brabant"));
    assert!(d.organisaties.iter().any(|o| o.naam == "MEE West-Brabant"));
    for naam in ["Goeree-Overflakkee", "Hardinxveld-Giessendam", "Hendrik-Ido-Ambacht", "Leidschendam-Voorburg"] {
        assert!(gemeente(naam).is_some(), "{naam}");
    }
    // A real hyphen before a lower-case word stays.
    assert!(d.jeugdregios.iter().any(|r| r.naam == "Gooi- en Vechtstreek"));
    // Tabel 3 spelling wins.
    assert_eq!(row("Venlo"), "Venlo,Noord Limburg,MEE Noord en Midden Limburg,1369003,12368");
    assert_eq!(row("Bernheze"), "Bernheze,Noordoost Brabant,MEE Noordoost Noord-Brabant,316526,3731");
    assert!(!EMBEDDED_CSV.contains("MEE Noord Midden Limburg") && !EMBEDDED_CSV.contains("MEE Noordoost-Brabant"));
    // Diacritics kept.
    assert!(gemeente("Súdwest Fryslân").is_some());
    assert_eq!(row("Groningen"), "Groningen,Groningen,MEE Groningen,1917382,22364");
}

#[test]
fn west_brabant_oost_spans_two_organisations() {
    let d = data();
    let regio = d.jeugdregios.iter().find(|r| r.naam == "West-Brabant-Oost").unwrap();
    let mut orgs: Vec<&str> =
        regio.gemeenten.iter().map(|&g| d.organisatie(d.gemeente(g).organisatie).naam.as_str()).collect();
    orgs.sort();
    orgs.dedup();
    assert_eq!(orgs, ["MEE Plus", "MEE West-Brabant"]);
}
