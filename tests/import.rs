//! Importing a list of 2015 inkoop amounts: our own export reads back to the
//! scenario that made it, the files people bring are read, and hostile text is refused with
//! a message and changes nothing.

mod common;

use mee_frictiekosten::model::data::{GemeenteId, Line};
use mee_frictiekosten::model::inputs::Inputs;
use mee_frictiekosten::model::selection::{Kind, Selection};
use mee_frictiekosten::model::testing::{data, gemeente};
use mee_frictiekosten::text::export::{About, csv};
use mee_frictiekosten::text::import::{Column, ImportError, MAX_ROWS, RowError, SHOWN_CHARS, Separator, read};
use mee_frictiekosten::view::import::{Choices, Preview, Reason, apply, preview, preview_with};
use mee_frictiekosten::view::import_words::{accept_all, chosen_file, missing_markup, questions, unambiguous};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The preview of `text` against fresh inputs, and those inputs with it applied.
fn import(text: &str) -> (Preview, Inputs) {
    let d = data();
    let sheet = read(text).unwrap_or_else(|e| panic!("{e}"));
    let mut inputs = Inputs::new(d);
    let preview = preview(d, &inputs, &sheet);
    apply(d, &mut inputs, &preview).unwrap();
    (preview, inputs)
}

fn export_all(inputs: &Inputs) -> String {
    let d = data();
    let all: Vec<GemeenteId> = d.gemeente_ids().collect();
    let about = About {
        gebied: "alle 408 gemeenten; \"test\"",
        datum: "23-11-2026",
        link: "https://x.nl/?gemeente=Groningen&wijziging=-13;x",
        ook_gewijzigd: &["Emmen: cliëntondersteuning € 1.500.000 (+48%)".into(), "gemeente;inkoop".into()],
    };
    csv(d, &inputs.outcome(d), &inputs.params, &all, &about)
}

/// Per-gemeente amounts in cents (the export rounds to cents) within a cell's bounds: from
/// € 0 to eleven times the 2014 budget, or € 10 mld where that budget is € 0.
fn edits() -> impl Strategy<Value = Vec<(usize, Line, u8, u64)>> {
    let line = prop_oneof![Just(Line::Co), Just(Line::Ivh)];
    prop::collection::vec((0..408usize, line, 0u8..4, any::<u64>()), 0..60)
}

fn inputs_with(edits: &[(usize, Line, u8, u64)]) -> Inputs {
    let d = data();
    let mut inputs = Inputs::new(d);
    for &(g, line, kind, raw) in edits {
        let g = GemeenteId(g);
        let budget = d.gemeente(g).budget_2014.get(line);
        let max_cents =
            if budget.is_zero() { 1_000_000_000_000 } else { (budget * dec!(1100)).try_into().unwrap_or(0u64) };
        let cents = match kind {
            0 => 0,
            1 => max_cents,
            _ => raw % (max_cents + 1),
        };
        inputs.scenario.set_gemeente(d, g, line, Decimal::new(cents as i64, 2)).unwrap();
    }
    inputs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(200), failure_persistence: None, ..ProptestConfig::default() })]

    /// The export of all 408 gemeenten, read back onto fresh inputs, is the scenario that
    /// made it, on both lines.
    #[test]
    fn the_export_reads_back_to_its_scenario(edits in edits()) {
        let d = data();
        let original = inputs_with(&edits);
        let (preview, imported) = import(&export_all(&original));
        prop_assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        for g in d.gemeente_ids() {
            prop_assert_eq!(imported.scenario.inkoop(g), original.scenario.inkoop(g), "{}", d.gemeente(g).naam);
        }
        let differing = d
            .gemeente_ids()
            .flat_map(|g| Line::ALL.map(|l| (g, l)))
            .filter(|&(g, l)| original.scenario.inkoop(g).get(l) != d.gemeente(g).budget_2014.get(l))
            .count();
        prop_assert_eq!(preview.changes.len(), differing);
        let changed_gemeenten = d.gemeente_ids().filter(|&g| original.scenario.inkoop(g) != d.gemeente(g).budget_2014).count();
        prop_assert_eq!(preview.unchanged, 408 - changed_gemeenten);
    }
}

#[test]
fn a_semicolon_file_without_a_bom() {
    let (preview, inputs) = import(
        "Gemeente;Inkoop 2015 cliëntondersteuning;Inkoop 2015 IVH\nAssen;1.234.567;\nEmmen;€ 1.000.000,50;5.000\nHaren;-10%;0\n",
    );
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let s = &inputs.scenario;
    assert_eq!(s.inkoop(gemeente("Assen")).co, dec!(1234567));
    assert_eq!((s.inkoop(gemeente("Emmen")).co, s.inkoop(gemeente("Emmen")).ivh), (dec!(1000000.50), dec!(5000)));
    let haren = data().gemeente(gemeente("Haren")).budget_2014;
    assert_eq!((s.inkoop(gemeente("Haren")).co, s.inkoop(gemeente("Haren")).ivh), (haren.co * dec!(0.9), dec!(0)));
}

#[test]
fn cells_pasted_from_excel() {
    let pasted =
        "Gemeente\tInkoop 2015\r\nAssen\t300 000\r\nSúdwest Fryslân\t1.234.567,89\r\n's-Hertogenbosch\t1,5 mln\r\n";
    let (preview, inputs) = import(pasted);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(read(pasted).unwrap().separator, Separator::Tab);
    let s = &inputs.scenario;
    assert_eq!(s.inkoop(gemeente("Assen")).co, dec!(300000));
    assert_eq!(s.inkoop(gemeente("Súdwest Fryslân")).co, dec!(1234567.89));
    assert_eq!(s.inkoop(gemeente("Den Bosch")).co, dec!(1500000));
    assert_eq!(
        s.inkoop(gemeente("Assen")).ivh,
        data().gemeente(gemeente("Assen")).budget_2014.ivh,
        "no IVH column: unchanged"
    );
}

#[test]
fn a_comma_separated_file_with_decimal_points() {
    let text = "gemeente,inkoop 2015 clientondersteuning,inkoop 2015 ivh\n\"Nuenen, Gerwen en Nederwetten\",250000.50,1000.5\nAssen,\"1,234,567.89\",\nEmmen,-12.5%,\n";
    let (preview, inputs) = import(text);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let s = &inputs.scenario;
    let nuenen = gemeente("Nuenen, Gerwen en Nederwetten");
    assert_eq!((s.inkoop(nuenen).co, s.inkoop(nuenen).ivh), (dec!(250000.50), dec!(1000.5)));
    assert_eq!(s.inkoop(gemeente("Assen")).co, dec!(1234567.89));
    assert_eq!(s.inkoop(gemeente("Emmen")).co, data().gemeente(gemeente("Emmen")).budget_2014.co * dec!(0.875));
}

/// Every file-level refusal has a message, and no sheet to apply.
#[test]
fn hostile_files_are_refused_whole() {
    let many_rows = format!("gemeente;inkoop\n{}", "Assen;5\n".repeat(MAX_ROWS + 1));
    let cases = [
        (many_rows.as_str(), ImportError::TooManyRows, "meer dan 10.000 regels"),
        (
            "gemeente;inkoop 2015;Inkoop 2015\nAssen;5;6",
            ImportError::DuplicateColumn { first: "inkoop 2015".into(), second: "Inkoop 2015".into() },
            "De kolom ‘Inkoop 2015’ staat twee keer in de kopregel.",
        ),
        ("PK\u{3}\u{4}\0\0gemeente;inkoop\nAssen;5", ImportError::Binary, "geen tekstbestand"),
        ("Assen;5\nEmmen;6", ImportError::NoGemeenteColumn, "Geen kolom ‘gemeente’ gevonden"),
        ("gemeente;budget 2014\nAssen;5", ImportError::NoAmountColumn, "Geen kolom met bedragen"),
    ];
    for (text, error, message) in cases {
        let refused = read(text).unwrap_err();
        assert_eq!(refused, error);
        assert!(refused.to_string().contains(message), "{refused}");
    }
}

/// Rows that are formulas, or use another separator than the header, are problems with
/// their line, and nothing of them is applied.
#[test]
fn hostile_rows_are_problems_and_change_nothing() {
    let text = "gemeente;inkoop 2015;inkoop 2015 ivh\nAssen;=SOM(A1);\n=HYPERLINK(\"http://x\";\"Emmen\");5\nHaren;@SUM(1);\nZuidhorn;+B2\nTynaarlo,300000\nDe Marne\t5.000\nAa en Hunze;1;-A1";
    let (preview, inputs) = import(text);
    assert!(preview.changes.is_empty(), "{:?}", preview.changes);
    assert_eq!(inputs, Inputs::new(data()), "nothing applied");
    let formula = |c| Reason::Row(RowError::Formula(c));
    let other = |found| Reason::Row(RowError::OtherSeparator { found, expected: Separator::Semicolon });
    let got: Vec<(usize, Reason)> = preview.problems.iter().map(|p| (p.line_number, p.reason.clone())).collect();
    assert_eq!(
        got,
        vec![
            (2, formula(Column::Inkoop(Line::Co))),
            (3, formula(Column::Gemeente)),
            (4, formula(Column::Inkoop(Line::Co))),
            (5, formula(Column::Inkoop(Line::Co))),
            (6, other(Separator::Comma)),
            (7, other(Separator::Tab)),
            (8, formula(Column::Inkoop(Line::Ivh))),
        ]
    );
    assert!(preview.problems[0].reason.to_string().contains("een formule, geen getal"));
    assert!(preview.problems.iter().all(|p| !p.text.is_empty() && p.text.chars().count() <= SHOWN_CHARS));
}

fn area(kind: Kind, naam: &str) -> Selection {
    Selection::find(data(), kind, naam).unwrap()
}

fn in_area(selection: Selection) -> Inputs {
    let mut inputs = Inputs::new(data());
    inputs.selection = selection;
    inputs
}

/// "Bedoelt u ‘Midden-Drenthe’?" is answered in the preview: the row is then read as that
/// gemeente, without editing the file.
#[test]
fn a_suggestion_is_accepted_in_the_preview() {
    let d = data();
    let inputs = in_area(area(Kind::Organisatie, "MEE Drenthe"));
    let sheet =
        read("gemeente;inkoop 2015\nAssen;700.000\nMidden Drente;500.000\nAsen;1.000\nNergensland;5\n").unwrap();
    let first = preview(d, &inputs, &sheet);
    let asked: Vec<(usize, Vec<GemeenteId>)> =
        questions(d, &first).into_iter().map(|q| (q.line_number, q.options)).collect();
    assert_eq!(asked, vec![(3, vec![gemeente("Midden-Drenthe")]), (4, vec![gemeente("Assen"), gemeente("Asten")])]);
    assert_eq!(unambiguous(d, &first), 1);

    // "Alle voorstellen overnemen" takes the one with a single option; "Asen" stays a question.
    let all = accept_all(d, &first, &Choices::new());
    assert_eq!(all, Choices::from([(3, gemeente("Midden-Drenthe"))]));
    let accepted = preview_with(d, &inputs, &sheet, &all);
    let changed: Vec<(GemeenteId, Decimal)> = accepted.changes.iter().map(|c| (c.gemeente, c.new)).collect();
    assert_eq!(changed, vec![(gemeente("Assen"), dec!(700000)), (gemeente("Midden-Drenthe"), dec!(500000))]);
    assert_eq!(accepted.accepted.len(), 1);
    assert_eq!((accepted.accepted[0].line_number, accepted.accepted[0].written.as_str()), (3, "Midden Drente"));
    let lines: Vec<usize> = accepted.problems.iter().map(|p| p.line_number).collect();
    assert_eq!(lines, [4, 5]);

    // Choosing Assen for "Asen" makes it the second row for Assen: the first one counts.
    let mut both = all.clone();
    both.insert(4, gemeente("Assen"));
    let twice = preview_with(d, &inputs, &sheet, &both);
    assert_eq!(twice.problems[0].reason, Reason::Duplicate { first_line: 2 });
    // A choice never overrides a name that is found, and an id outside the table is no choice.
    let ignored = Choices::from([(2, gemeente("Emmen")), (5, GemeenteId(100_000))]);
    assert_eq!(preview_with(d, &inputs, &sheet, &ignored), first);
    let mut after = inputs.clone();
    apply(d, &mut after, &accepted).unwrap();
    assert_eq!(after.scenario.inkoop(gemeente("Midden-Drenthe")).co, dec!(500000));
}

/// The gemeenten of the chosen area that the file does not name keep their amounts; the
/// preview lists them.
#[test]
fn the_areas_gemeenten_missing_from_the_file_are_listed() {
    let d = data();
    let text = "gemeente;inkoop 2015\nAssen;700.000\nEmmen;abc\nMidden Drente;5\n";
    let sheet = read(text).unwrap();
    let drenthe = in_area(area(Kind::Jeugdregio, "Drenthe"));
    let p = preview(d, &drenthe, &sheet);
    // Emmen is named, though its row cannot be used: it is in the problems, not missing.
    assert_eq!(p.missing.len(), 12 - 2);
    assert!(!p.missing.contains(&gemeente("Emmen")) && p.missing.contains(&gemeente("Midden-Drenthe")));
    assert_eq!(
        missing_markup(d, &p),
        "<p class=\"nl-paragraph import__missing\">10 van de 12 gemeenten van jeugdregio Drenthe staan niet in het bestand \
         en houden hun huidige bedrag: Aa en Hunze, Borger-Odoorn, Coevorden, De Wolden, Hoogeveen, Meppel, \
         Midden-Drenthe, Noordenveld, Tynaarlo en Westerveld.</p>"
    );
    let answered = preview_with(d, &drenthe, &sheet, &Choices::from([(4, gemeente("Midden-Drenthe"))]));
    assert!(!answered.missing.contains(&gemeente("Midden-Drenthe")));
    assert!(missing_markup(d, &answered).starts_with("<p class=\"nl-paragraph import__missing\">9 van de 12"));

    // Nederland: the names are folded away under a count.
    let all = preview(d, &Inputs::new(d), &sheet);
    let markup = missing_markup(d, &all);
    assert!(markup.contains("406 van de 408 gemeenten van Nederland staan niet in het bestand"), "{markup}");
    assert!(markup.contains("<details class=\"import__missing-list\"><summary>Toon de 406 gemeenten</summary>"));
    // One gemeente, in the file or not.
    let assen = preview(d, &in_area(area(Kind::Gemeente, "Assen")), &sheet);
    assert_eq!(
        missing_markup(d, &assen),
        "<p class=\"nl-paragraph import__missing\">De gemeente Assen staat in het bestand.</p>"
    );
    let haren = preview(d, &in_area(area(Kind::Gemeente, "Haren")), &sheet);
    assert!(
        missing_markup(d, &haren).contains("De gemeente Haren staat niet in het bestand en houdt haar huidige bedrag.")
    );
    let full = read("gemeente;inkoop\nGroningen;5").unwrap();
    let groningen = preview(d, &in_area(area(Kind::Gemeente, "Groningen")), &full);
    assert!(groningen.missing.is_empty());
}

/// The chosen file is named in Dutch, whatever the browser's language, and a name cannot
/// turn the line around.
#[test]
fn the_chosen_file_is_named_in_dutch() {
    assert_eq!(chosen_file(None), "Nog geen bestand gekozen.");
    assert_eq!(chosen_file(Some("drenthe.csv")), "Gekozen bestand: drenthe.csv");
    assert_eq!(chosen_file(Some("\u{202E}vsc.exe")), "Gekozen bestand: vsc.exe");
    assert_eq!(chosen_file(Some("")), "Nog geen bestand gekozen.");
}

/// Text that looks like a sheet: header names, separators, quotes, numbers, formulas.
fn sheet_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("gemeente".to_string()),
        Just("inkoop 2015".to_string()),
        Just("Inkoop 2015 IVH".to_string()),
        Just("% wijziging".to_string()),
        Just("naam".to_string()),
        Just("Totaal".to_string()),
        Just("Assen".to_string()),
        Just("'s-Hertogenbosch".to_string()),
        Just(";".to_string()),
        Just("\t".to_string()),
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("\"\"".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("=SOM(A1)".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{202E}".to_string()),
        "[-−+€% 0-9.,e]{0,12}",
        "\\PC{0,8}",
    ];
    let header = prop_oneof![
        Just(""),
        Just("gemeente;inkoop 2015;inkoop 2015 IVH\n"),
        Just("Gemeente\tInkoop 2015\r\n"),
        Just("naam,bedrag,% wijziging\n"),
    ];
    (header, prop::collection::vec(piece, 0..80)).prop_map(|(header, pieces)| format!("{header}{}", pieces.concat()))
}

/// What must hold for any text: read, previewed and applied without a panic, rows within
/// bounds and in order, problems short.
fn check(text: &str) -> Result<(), TestCaseError> {
    let Ok(sheet) = read(text) else { return Ok(()) };
    prop_assert!(sheet.rows.len() <= MAX_ROWS);
    let lines: Vec<usize> = sheet.rows.iter().map(|r| r.as_ref().map_or_else(|b| b.line, |r| r.line)).collect();
    prop_assert!(lines.windows(2).all(|w| w[0] < w[1]), "{:?}", lines);
    prop_assert!(lines.iter().all(|&l| l > sheet.header_line));
    let d = data();
    let mut inputs = Inputs::new(d);
    let preview = preview(d, &inputs, &sheet);
    for p in &preview.problems {
        prop_assert!(p.text.chars().count() <= SHOWN_CHARS);
        prop_assert!(p.reason.to_string().chars().count() < 300);
    }
    // "Alle voorstellen overnemen" answers every question with one option, and only those.
    let all = accept_all(d, &preview, &Choices::new());
    let answered = preview_with(d, &inputs, &sheet, &all);
    prop_assert_eq!(answered.accepted.len(), unambiguous(d, &preview));
    prop_assert_eq!(unambiguous(d, &answered), 0);
    prop_assert!(apply(d, &mut inputs, &preview).is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(2_000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_an_import(text in "\\PC{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&text)?;
        check(&String::from_utf8_lossy(&bytes))?;
        check(&format!("gemeente;inkoop\n{text}"))?;
    }

    #[test]
    fn any_sheet_like_text(text in sheet_like()) {
        check(&text)?;
    }
}
