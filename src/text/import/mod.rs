//! Reading a list of 2015 inkoop amounts per gemeente: a CSV file, or cells
//! pasted from Excel. The browser has already decoded the bytes; this reads the text.
//!
//! People bring what they have: our own export (a header block, then the table), a sheet
//! saved by Dutch Excel (`;`), cells copied from Excel (tabs) or a file from another tool
//! (`,`, perhaps with decimal points). So the separator is found from the header row, and
//! the header row is found by its names, not its position; columns we do not know are left
//! alone. Every cell is read with `notation`, the reader of typed amounts, so a file
//! accepts what a field accepts. Whatever goes wrong is a value: the file as a whole
//! ([`ImportError`]) or one row with its line number ([`RowError`]), with a Dutch message
//! that says what to change. Nothing here panics, whatever the text (a property test).
//!
//! Which gemeente a name means, and whether an amount is within the bounds, is for the
//! preview, which knows the data and the current scenario.

mod cell;
mod error;
mod header;
mod record;

use rust_decimal::Decimal;

use crate::model::data::Line;

pub use error::{ImportError, RowError};
use header::find_header;
pub use header::{Column, Separator};
use record::record;

/// The largest file read: a list of all 408 gemeenten, with our export's header block and
/// fourteen columns, is under 100 KB. The caller checks the byte length before decoding
/// ([`check_size`]); [`read`] checks the text again.
pub const MAX_BYTES: usize = 1_048_576;

/// The most rows with data read: there are 408 gemeenten, so more is the wrong file, and a
/// bound keeps the preview small.
pub const MAX_ROWS: usize = 10_000;

/// Columns beyond this many are not kept: no header we read is that wide, and a line of
/// nothing but separators would otherwise be a million empty cells.
const MAX_COLUMNS: usize = 256;

/// How many characters of a row a problem quotes.
pub const SHOWN_CHARS: usize = 60;

/// What a row gives for one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// The 2015 inkoop in euros.
    Amount(Decimal),
    /// A change against the gemeente's 2014 budget, in percent (−13 for −13 %).
    Percent(Decimal),
}

/// A row that was read: a gemeente's name as written and what it gives per line (`None`:
/// the cell was empty or the column is not in the file; that line stays as it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based, as a text editor or Excel counts (the header block included).
    pub line: usize,
    /// The row as written, one line, at most [`SHOWN_CHARS`] characters, safe to show.
    pub text: String,
    pub gemeente: String,
    pub co: Option<Value>,
    pub ivh: Option<Value>,
}

impl Row {
    pub fn get(&self, line: Line) -> Option<Value> {
        match line {
            Line::Co => self.co,
            Line::Ivh => self.ivh,
        }
    }
}

/// A row that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub text: String,
    /// The name in its gemeente cell (perhaps empty): a later row for the same gemeente is
    /// a duplicate of this one, readable or not.
    pub gemeente: String,
    pub error: RowError,
}

/// What was read: the rows in the order of the file, each readable or not. Blank rows and
/// the totals row of our export are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub separator: Separator,
    /// The line of the header row (1-based).
    pub header_line: usize,
    pub rows: Vec<Result<Row, BadRow>>,
}

/// Refuses a file by its size in bytes, before it is decoded.
pub fn check_size(bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_BYTES { Err(ImportError::TooLarge) } else { Ok(()) }
}

/// Reads the text of a CSV file or of cells pasted from Excel. Never panics.
pub fn read(text: &str) -> Result<Sheet, ImportError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_binary(text) {
        return Err(ImportError::Binary);
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (header, mut rest, header_line) = find_header(text)?;
    let separator = header.separator;
    let mut rows = Vec::new();
    let mut line = header_line + 1;
    let mut count = 0;
    while !rest.is_empty() {
        let record = record(rest, separator, header.cells);
        let raw = &rest[..record.end];
        rest = &rest[record.next..];
        let at = line;
        line += record.lines;
        if record.fields.iter().all(|f| f.trim().is_empty()) && !record.unclosed {
            continue;
        }
        count += 1;
        if count > MAX_ROWS {
            return Err(ImportError::TooManyRows);
        }
        if let Some(row) = header.row(&record, raw, at) {
            rows.push(row);
        }
    }
    Ok(Sheet { separator, header_line, rows })
}

/// NUL, or more than one character in a hundred a control character or a decoding error:
/// not text a person wrote.
fn looks_binary(text: &str) -> bool {
    let (mut odd, mut all) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\0' {
            return true;
        }
        all += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    odd >= 5 && odd * 100 > all
}

#[cfg(test)]
mod tests {
    use super::cell::shown;
    use super::*;
    use crate::text::notation::InputError;
    use rust_decimal_macros::dec;

    fn rows(text: &str) -> Vec<Result<Row, BadRow>> {
        read(text).unwrap_or_else(|e| panic!("{text:?}: {e}")).rows
    }

    fn ok(text: &str) -> Vec<(String, Option<Value>, Option<Value>)> {
        rows(text)
            .into_iter()
            .map(|r| r.map(|r| (r.gemeente, r.co, r.ivh)).unwrap_or_else(|e| panic!("{text:?}: {e:?}")))
            .collect()
    }

    fn errors(text: &str) -> Vec<(usize, RowError)> {
        rows(text).into_iter().filter_map(Result::err).map(|b| (b.line, b.error)).collect()
    }

    fn co(naam: &str, amount: Decimal) -> (String, Option<Value>, Option<Value>) {
        (naam.to_string(), Some(Value::Amount(amount)), None)
    }

    #[test]
    fn finds_the_separator_and_the_header_by_name() {
        let expected = vec![co("Assen", dec!(1234567)), co("Súdwest Fryslân", dec!(300000))];
        assert_eq!(ok("gemeente;inkoop 2015\nAssen;1.234.567\nSúdwest Fryslân;300 000\n"), expected);
        assert_eq!(ok("Gemeente\tInkoop 2015\r\nAssen\t€ 1.234.567\r\nSúdwest Fryslân\t300.000"), expected);
        assert_eq!(ok("\u{feff}naam,bedrag\r\nAssen,1234567.00\r\n\"Súdwest Fryslân\",\"300,000\"\r\n"), expected);
        // Old Mac line ends: a lone `\r`.
        let sheet = read("x\ny\nGEMEENTENAAM;Inkoop 2015 (€)\rAssen;5\rEmmen;6\r").unwrap();
        assert_eq!((sheet.separator, sheet.header_line), (Separator::Semicolon, 3));
        let lines: Vec<(usize, &str)> = sheet.rows.iter().flatten().map(|r| (r.line, r.gemeente.as_str())).collect();
        assert_eq!(lines, [(4, "Assen"), (5, "Emmen")]);
        // The columns in another order, and columns we do not read.
        assert_eq!(
            ok("code;Inkoop 2015 IVH;opmerking;Gemeente\nGM0106;5.000;x;Assen"),
            vec![("Assen".to_string(), None, Some(Value::Amount(dec!(5000))))]
        );
    }

    #[test]
    fn reads_percentages_and_the_change_column() {
        assert_eq!(
            ok("gemeente;inkoop 2015;inkoop 2015 IVH\nAssen;-13,5%;+5 %"),
            vec![("Assen".to_string(), Some(Value::Percent(dec!(-13.5))), Some(Value::Percent(dec!(5))))]
        );
        assert_eq!(
            ok("gemeente;% wijziging\nAssen;-13\nEmmen;-10%"),
            vec![
                ("Assen".to_string(), Some(Value::Percent(dec!(-13))), None),
                ("Emmen".to_string(), Some(Value::Percent(dec!(-10))), None),
            ]
        );
        assert_eq!(errors("gemeente;inkoop;wijziging\nAssen;300000;-10"), vec![(2, RowError::AmountAndChange)]);
    }

    #[test]
    fn quoted_cells_with_separators_quotes_and_line_breaks() {
        let text = "gemeente;inkoop\n\"Nuenen; Gerwen\";1\n\"zeg \"\"ja\"\"\";2\n\"twee\r\nregels\";3\nAssen;4";
        let read = rows(text);
        let names: Vec<(usize, String)> = read.iter().flatten().map(|r| (r.line, r.gemeente.clone())).collect();
        assert_eq!(
            names,
            [(2, "Nuenen; Gerwen"), (3, "zeg \"ja\""), (4, "twee\r\nregels"), (6, "Assen")].map(|(l, n)| (l, n.into()))
        );
        assert_eq!(errors("gemeente;inkoop\nAssen;4\n\"Emmen;5\nHaren;6"), vec![(3, RowError::UnclosedQuote)]);
    }

    #[test]
    fn our_own_export_is_read_past_its_header_block() {
        let text = "\u{feff}Rekenhulp frictiekosten MEE 2015\r\nGebied;Groningen (gemeente)\r\nLink;\"https://x.nl/?gemeente=Groningen;x\"\r\n\r\nParameter;Waarde;Eenheid;Bron\r\n\r\ngemeente;jeugdregio;MEE-organisatie;budget 2014 cliëntondersteuning;budget 2014 IVH;inkoop 2015 cliëntondersteuning;inkoop 2015 IVH;omzetdaling\r\nGroningen;Groningen;MEE Groningen;1917382,00;22364,00;1668122,34;22364,00;249259,66\r\nTotaal;;;1917382,00;22364,00;1668122,34;22364,00;249259,66\r\n";
        let sheet = read(text).unwrap();
        assert_eq!(sheet.header_line, 7);
        assert_eq!(
            sheet.rows,
            vec![Ok(Row {
                line: 8,
                text: "Groningen;Groningen;MEE Groningen;1917382,00;22364,00;16681…".into(),
                gemeente: "Groningen".into(),
                co: Some(Value::Amount(dec!(1668122.34))),
                ivh: Some(Value::Amount(dec!(22364))),
            })],
            "the totals row is left out"
        );
    }

    #[test]
    fn each_bad_row_says_why_with_its_line() {
        let text = "gemeente;inkoop 2015;inkoop 2015 ivh\nAssen;=SOM(A1);\n;5\n\n@SUM;5\nEmmen;abc\nHaren;;\n+A1;1\nZuidhorn;-13,5;+B2";
        assert_eq!(
            errors(text),
            vec![
                (2, RowError::Formula(Column::Inkoop(Line::Co))),
                (3, RowError::EmptyName),
                (5, RowError::Formula(Column::Gemeente)),
                (6, RowError::Number(Column::Inkoop(Line::Co), InputError::NotANumber { example: "1.250.000" })),
                (7, RowError::NoValue),
                (8, RowError::Formula(Column::Gemeente)),
                (9, RowError::Formula(Column::Inkoop(Line::Ivh))),
            ]
        );
        assert_eq!(
            RowError::Formula(Column::Inkoop(Line::Co)).to_string(),
            "In de kolom ‘inkoop 2015 cliëntondersteuning’ staat een formule, geen getal. Zet er de uitkomst in (in Excel: plakken als waarden)."
        );
        // A sign and a number is no formula: the bounds refuse a negative amount later.
        assert_eq!(ok("gemeente;inkoop\nAssen;-5"), vec![co("Assen", dec!(-5))]);
        // In a `;` file `300,000` is asked about, as in a field; in a `,` file it is English.
        let asked = errors("gemeente;inkoop\nAssen;300,000");
        assert_eq!(
            asked,
            vec![(2, RowError::Number(Column::Inkoop(Line::Co), InputError::ThousandsComma { value: dec!(300000) }))]
        );
        assert!(asked[0].1.to_string().starts_with("Kolom ‘inkoop 2015 cliëntondersteuning’: Bedoelt u 300.000?"));
    }

    #[test]
    fn a_row_with_another_separator_is_named_as_such() {
        let text = "gemeente;inkoop\nAssen,300000\nEmmen\t5.000\nNuenen, Gerwen en Nederwetten\nHaren;5";
        let expected = |found| RowError::OtherSeparator { found, expected: Separator::Semicolon };
        assert_eq!(
            errors(text),
            vec![(2, expected(Separator::Comma)), (3, expected(Separator::Tab)), (4, RowError::NoValue)]
        );
        assert_eq!(
            expected(Separator::Comma).to_string(),
            "Deze regel is gescheiden door komma's, de kopregel door puntkomma's. Gebruik overal hetzelfde scheidingsteken."
        );
    }

    #[test]
    fn whole_file_errors() {
        assert_eq!(check_size(MAX_BYTES), Ok(()));
        assert_eq!(check_size(MAX_BYTES + 1), Err(ImportError::TooLarge));
        assert_eq!(read(&"x".repeat(MAX_BYTES + 1)), Err(ImportError::TooLarge));
        assert_eq!(read("gemeente;inkoop\nAssen\0;5"), Err(ImportError::Binary));
        assert_eq!(read(&"gemeente;inkoop\n".repeat(2).replace('\n', "\u{1}\u{2}\u{3}\n")), Err(ImportError::Binary));
        assert!(read("gemeente;inkoop\nAssen;5\u{7}").is_ok(), "one bell is no binary file");
        assert_eq!(read("\u{feff} \r\n"), Err(ImportError::Empty));
        assert_eq!(read("plaats;inkoop\nAssen;5"), Err(ImportError::NoGemeenteColumn));
        assert_eq!(read("gemeente;budget 2014\nAssen;5"), Err(ImportError::NoAmountColumn));
        assert_eq!(
            read("gemeente;Inkoop;inkoop"),
            Err(ImportError::DuplicateColumn { first: "Inkoop".into(), second: "inkoop".into() })
        );
        let two_names = read("gemeente;inkoop;bedrag").unwrap_err();
        assert_eq!(
            two_names.to_string(),
            "De kolommen ‘inkoop’ en ‘bedrag’ betekenen hier hetzelfde. Verwijder of hernoem er één."
        );
        assert_eq!(
            ImportError::DuplicateColumn { first: "Inkoop".into(), second: "inkoop".into() }.to_string(),
            "De kolom ‘inkoop’ staat twee keer in de kopregel. Verwijder of hernoem er één."
        );
        assert!(ImportError::NoGemeenteColumn.to_string().starts_with("Geen kolom ‘gemeente’ gevonden"));
        let many = format!("gemeente;inkoop\n{}", "Assen;5\n".repeat(MAX_ROWS));
        assert_eq!(read(&many).map(|s| s.rows.len()), Ok(MAX_ROWS));
        assert_eq!(read(&format!("{many}Assen;5")), Err(ImportError::TooManyRows));
    }

    #[test]
    fn a_decimal_comma_in_a_comma_separated_file_is_not_cut_off() {
        let text = "gemeente,inkoop,,\nAssen,1234,\nEmmen,1234,50\n\"Haren\",\"1234,50\",,,\n";
        assert_eq!(errors(text), vec![(3, RowError::ExtraCells(Separator::Comma))]);
        assert_eq!(
            RowError::ExtraCells(Separator::Comma).to_string(),
            "Deze regel heeft meer cellen dan de kopregel. Staat er een komma in een naam of bedrag? Zet die cel dan tussen aanhalingstekens (\")."
        );
        let good: Vec<_> = rows(text).into_iter().flatten().map(|r| (r.gemeente, r.co, r.ivh)).collect();
        assert_eq!(
            good,
            vec![co("Assen", dec!(1234)), co("Haren", dec!(1234.5))],
            "empty cells after the header's last name are nothing"
        );
    }

    #[test]
    fn notes_beside_the_table_are_left_alone() {
        let text = "gemeente;inkoop;opmerking\nAssen;5;x\n;;Bron: eigen begroting\n\n;\nTotaal;5\n";
        assert_eq!(ok(text), vec![co("Assen", dec!(5))]);
    }

    #[test]
    fn a_line_of_separators_keeps_few_cells() {
        let r = record(&";".repeat(100_000), Separator::Semicolon, 3);
        assert_eq!((r.fields.len(), r.lines, r.unclosed, r.overflow), (3, 1, false, false));
        assert!(record("a;b;c;d", Separator::Semicolon, 3).overflow);
        assert_eq!(shown(&"x".repeat(100)).chars().count(), SHOWN_CHARS);
    }
}
