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

use std::fmt;

use rust_decimal::Decimal;

use crate::model::data::{Line, compact};
use crate::text::notation::{self, Expect, InputError};
use crate::text::untrusted;

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

/// What separates the cells, found from the header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// Cells copied from Excel.
    Tab,
    /// A CSV file saved by Dutch Excel, and our own export.
    Semicolon,
    /// A CSV file from English Excel or another tool; amounts may have a decimal point.
    Comma,
}

impl Separator {
    /// In the order tried: a tab never occurs in a name, a comma does ("Nuenen, Gerwen en
    /// Nederwetten"), so the header row is split by a tab or `;` before a `,`.
    pub const ALL: [Separator; 3] = [Separator::Tab, Separator::Semicolon, Separator::Comma];

    pub fn char(self) -> char {
        match self {
            Separator::Tab => '\t',
            Separator::Semicolon => ';',
            Separator::Comma => ',',
        }
    }

    /// "een {singular} in een bedrag".
    pub fn singular(self) -> &'static str {
        match self {
            Separator::Tab => "tab",
            Separator::Semicolon => "puntkomma",
            Separator::Comma => "komma",
        }
    }

    /// "gescheiden door {plural}".
    pub fn plural(self) -> &'static str {
        match self {
            Separator::Tab => "tabs",
            Separator::Semicolon => "puntkomma's",
            Separator::Comma => "komma's",
        }
    }
}

/// A column we read; all others are ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Gemeente,
    /// The 2015 inkoop on a line, in euros (or, with a `%`, as a change against 2014).
    Inkoop(Line),
    /// A percentage change of cliëntondersteuning against 2014.
    Wijziging,
}

impl Column {
    /// The names a header cell may have, as `compact` text (no case, accents, spaces or
    /// punctuation, so "Inkoop 2015 (€)" and "% wijziging" are found too).
    const NAMES: [(&'static str, Column); 16] = [
        ("gemeente", Column::Gemeente),
        ("naam", Column::Gemeente),
        ("gemeentenaam", Column::Gemeente),
        ("inkoop2015clientondersteuning", Column::Inkoop(Line::Co)),
        ("inkoop2015", Column::Inkoop(Line::Co)),
        ("inkoop", Column::Inkoop(Line::Co)),
        ("inkoopclientondersteuning", Column::Inkoop(Line::Co)),
        ("clientondersteuning2015", Column::Inkoop(Line::Co)),
        ("bedrag", Column::Inkoop(Line::Co)),
        ("inkoop2015ivh", Column::Inkoop(Line::Ivh)),
        ("inkoop2015integralevroeghulp", Column::Inkoop(Line::Ivh)),
        ("inkoopivh", Column::Inkoop(Line::Ivh)),
        ("ivh2015", Column::Inkoop(Line::Ivh)),
        ("wijziging", Column::Wijziging),
        ("wijzigingclientondersteuning", Column::Wijziging),
        ("wijziging2015", Column::Wijziging),
    ];

    fn of(header: &str) -> Option<Column> {
        let key = compact(header);
        Column::NAMES.iter().find(|(name, _)| *name == key).map(|&(_, column)| column)
    }

    /// The column's name in a message.
    pub fn label(self) -> &'static str {
        match self {
            Column::Gemeente => "gemeente",
            Column::Inkoop(Line::Co) => "inkoop 2015 cliëntondersteuning",
            Column::Inkoop(Line::Ivh) => "inkoop 2015 IVH",
            Column::Wijziging => "wijziging %",
        }
    }
}

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

/// Why a row cannot be read. `Display` gives the Dutch message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    EmptyName,
    /// A gemeente without an amount or a change.
    NoValue,
    /// `=SOM(A1)`, `+A1`, `@SUM`: a formula, whose result we do not have (and which a
    /// spreadsheet would run if the text were exported again).
    Formula(Column),
    Number(Column, InputError),
    /// An amount and a percentage for cliëntondersteuning: which one is meant?
    AmountAndChange,
    /// Not split by the header's separator, but it would be by this one.
    OtherSeparator {
        found: Separator,
        expected: Separator,
    },
    /// A `"` opened and never closed: the rest of the file became one cell.
    UnclosedQuote,
    /// More cells with text than the header row has: most likely a separator inside a
    /// cell, such as the decimal comma of `1234,50` in a comma-separated file, which would
    /// otherwise be read as 1234.
    ExtraCells(Separator),
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowError::EmptyName => f.write_str("De naam van de gemeente ontbreekt."),
            RowError::NoValue => {
                f.write_str("Er staat geen bedrag in deze regel; de inkoop van deze gemeente blijft zoals hij is.")
            }
            RowError::Formula(column) => write!(
                f,
                "In de kolom ‘{}’ staat een formule, geen getal. Zet er de uitkomst in (in Excel: plakken als waarden).",
                column.label()
            ),
            RowError::Number(column, error) => write!(f, "Kolom ‘{}’: {error}", column.label()),
            RowError::AmountAndChange => f.write_str(
                "Voor cliëntondersteuning staan hier zowel een bedrag als een wijziging; laat er één van leeg.",
            ),
            RowError::OtherSeparator { found, expected } => write!(
                f,
                "Deze regel is gescheiden door {}, de kopregel door {}. Gebruik overal hetzelfde scheidingsteken.",
                found.plural(),
                expected.plural()
            ),
            RowError::UnclosedQuote => f.write_str(
                "Hier begint een aanhalingsteken (\") dat niet wordt gesloten; de rest van het bestand is zo één cel geworden.",
            ),
            RowError::ExtraCells(separator) => write!(
                f,
                "Deze regel heeft meer cellen dan de kopregel. Staat er een {} in een naam of bedrag? Zet die cel dan tussen aanhalingstekens (\").",
                separator.singular()
            ),
        }
    }
}

impl std::error::Error for RowError {}

/// Why the text as a whole cannot be read. `Display` gives the Dutch message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    /// NUL bytes or many control characters: a spreadsheet (.xlsx), a PDF, an image.
    Binary,
    Empty,
    NoGemeenteColumn,
    /// A header row with a gemeente column, but none with amounts.
    NoAmountColumn,
    /// Two columns of the header row mean the same; which one to read? Their names as
    /// written (the same name twice, or two names for one column).
    DuplicateColumn {
        first: String,
        second: String,
    },
    TooManyRows,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge => f.write_str(
                "Dit bestand is groter dan 1 MB. Een lijst van alle gemeenten is veel kleiner: kies het juiste bestand.",
            ),
            ImportError::Binary => f.write_str(
                "Dit is geen tekstbestand. Bewaar het werkblad in Excel als ‘CSV (gescheiden door lijstscheidingsteken)’, of kopieer de cellen en plak ze hier.",
            ),
            ImportError::Empty => f.write_str("Er staat niets in. Kies een CSV-bestand of plak cellen uit Excel."),
            ImportError::NoGemeenteColumn => f.write_str(
                "Geen kolom ‘gemeente’ gevonden. Zet boven de gegevens een kopregel met ‘gemeente’ en ‘inkoop 2015’.",
            ),
            ImportError::NoAmountColumn => f.write_str(
                "Geen kolom met bedragen gevonden naast ‘gemeente’. Noem die kolom ‘inkoop 2015 cliëntondersteuning’, ‘inkoop 2015 IVH’ of ‘wijziging %’.",
            ),
            ImportError::DuplicateColumn { first, second } if compact(first) == compact(second) => {
                write!(f, "De kolom ‘{second}’ staat twee keer in de kopregel. Verwijder of hernoem er één.")
            }
            ImportError::DuplicateColumn { first, second } => write!(
                f,
                "De kolommen ‘{first}’ en ‘{second}’ betekenen hier hetzelfde. Verwijder of hernoem er één."
            ),
            ImportError::TooManyRows => f.write_str(
                "Dit bestand heeft meer dan 10.000 regels met gegevens; er zijn 408 gemeenten. Kies het juiste bestand.",
            ),
        }
    }
}

impl std::error::Error for ImportError {}

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

/// The header row: the separator, where the columns we read are, and how many cells it has
/// up to its last name.
struct Header {
    separator: Separator,
    columns: Vec<(Column, usize)>,
    cells: usize,
}

impl Header {
    fn position(&self, column: Column) -> Option<usize> {
        self.columns.iter().find(|(c, _)| *c == column).map(|&(_, i)| i)
    }

    /// How many cells of a row are needed.
    fn width(&self) -> usize {
        self.columns.iter().map(|&(_, i)| i + 1).max().unwrap_or(0)
    }

    /// The columns of a row with a gemeente column, if these cells are one. `Err` for two
    /// columns that mean the same.
    fn of(cells: &[String], separator: Separator) -> Result<Option<Header>, ImportError> {
        let found: Vec<(Column, usize)> =
            cells.iter().enumerate().filter_map(|(i, cell)| Column::of(cell).map(|c| (c, i))).collect();
        if !found.iter().any(|&(c, _)| c == Column::Gemeente) {
            return Ok(None);
        }
        let mut columns: Vec<(Column, usize)> = Vec::new();
        for (column, i) in found {
            if let Some(&(_, j)) = columns.iter().find(|(c, _)| *c == column) {
                let name = |k: usize| untrusted::one_line(&cells[k], 40).unwrap_or_default();
                return Err(ImportError::DuplicateColumn { first: name(j), second: name(i) });
            }
            columns.push((column, i));
        }
        // Cells under no name are text we do not know where it belongs (see `ExtraCells`).
        let named = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
        Ok(Some(Header { separator, columns, cells: named }))
    }

    /// The row of one record; `None` for a row to skip without a word: the totals row of our
    /// export, or a note beside the table.
    fn row(&self, record: &Record, raw: &str, line: usize) -> Option<Result<Row, BadRow>> {
        let cell =
            |column: Column| self.position(column).and_then(|i| record.fields.get(i)).map(|c| c.trim()).unwrap_or("");
        let gemeente = cell(Column::Gemeente);
        if compact(gemeente) == "totaal" {
            return None;
        }
        let text = shown(raw);
        let bad = |error| Some(Err(BadRow { line, text: text.clone(), gemeente: gemeente.to_string(), error }));
        if record.unclosed {
            return bad(RowError::UnclosedQuote);
        }
        if record.fields.len() == 1
            && let Some(found) = self.other_separator(raw)
        {
            return bad(RowError::OtherSeparator { found, expected: self.separator });
        }
        if record.overflow {
            return bad(RowError::ExtraCells(self.separator));
        }
        let read = [Column::Gemeente, Column::Inkoop(Line::Co), Column::Inkoop(Line::Ivh), Column::Wijziging];
        if let Some(&column) = read.iter().find(|&&c| is_formula(cell(c))) {
            return bad(RowError::Formula(column));
        }
        let value = |column: Column| match cell(column) {
            "" => Ok(None),
            text if column == Column::Wijziging => percentage(text).map(Some),
            text => amount(text, self.separator).map(Some),
        };
        let values = [Column::Inkoop(Line::Co), Column::Wijziging, Column::Inkoop(Line::Ivh)]
            .map(|column| value(column).map_err(|e| RowError::Number(column, e)));
        let [co, wijziging, ivh] = match values {
            [Ok(co), Ok(w), Ok(ivh)] => [co, w, ivh],
            [Err(e), ..] | [_, Err(e), _] | [.., Err(e)] => return bad(e),
        };
        let co = match (co, wijziging) {
            (Some(_), Some(_)) => return bad(RowError::AmountAndChange),
            (co, wijziging) => co.or(wijziging),
        };
        if co.is_none() && ivh.is_none() {
            // Nothing in the columns we read: a note beside the table, say. Left alone.
            return if gemeente.is_empty() { None } else { bad(RowError::NoValue) };
        }
        if gemeente.is_empty() {
            return bad(RowError::EmptyName);
        }
        Some(Ok(Row { line, text, gemeente: gemeente.to_string(), co, ivh }))
    }

    /// The separator a row that was not split uses instead, if split by it the row would
    /// have a number where the header has its amounts. ("Nuenen, Gerwen en Nederwetten"
    /// alone on a `;` row has a comma, and no number after it.)
    fn other_separator(&self, raw: &str) -> Option<Separator> {
        Separator::ALL.into_iter().filter(|&s| s != self.separator && raw.contains(s.char())).find(|&s| {
            let cells = record(raw, s, self.width()).fields;
            self.columns.iter().any(|&(column, i)| {
                let cell = cells.get(i).map(|c| c.trim()).unwrap_or("");
                match column {
                    Column::Gemeente => false,
                    Column::Wijziging => percentage(cell).is_ok(),
                    Column::Inkoop(_) => amount(cell, s).is_ok(),
                }
            })
        })
    }
}

/// The first line that is a header row (a gemeente column and one with amounts), under the
/// first separator that makes it one; the text after it, and its line number.
fn find_header(text: &str) -> Result<(Header, &str, usize), ImportError> {
    let mut rest = text;
    let mut line = 0;
    let mut gemeente_only = false;
    while !rest.is_empty() {
        let (this, next) = split_line(rest);
        rest = next;
        line += 1;
        for separator in Separator::ALL {
            let cells = record(this, separator, MAX_COLUMNS).fields;
            let Some(header) = Header::of(&cells, separator)? else { continue };
            if header.columns.len() == 1 {
                gemeente_only = true;
                continue;
            }
            return Ok((header, rest, line));
        }
    }
    Err(if gemeente_only { ImportError::NoAmountColumn } else { ImportError::NoGemeenteColumn })
}

/// The first line and the text after its line end (`\r\n`, `\n` or `\r`).
fn split_line(text: &str) -> (&str, &str) {
    match text.find(['\r', '\n']) {
        Some(i) => {
            let end = if text[i..].starts_with("\r\n") { i + 2 } else { i + 1 };
            (&text[..i], &text[end..])
        }
        None => (text, ""),
    }
}

/// One record: its cells (at most `keep`), where its text ends and the next begins, how
/// many lines it spans (a quoted cell may hold line breaks), whether a quote was left open,
/// and whether a cell beyond `keep` has text.
struct Record {
    fields: Vec<String>,
    end: usize,
    next: usize,
    lines: usize,
    unclosed: bool,
    overflow: bool,
}

/// Reads the record at the start of `text`: cells split by `separator`; a cell that starts
/// with `"` runs to the next lone `"`, with `""` for a quote in it (as `text::export`
/// writes it, and Excel).
fn record(text: &str, separator: Separator, keep: usize) -> Record {
    let sep = separator.char();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut at_start, mut lines, mut overflow) = (false, true, 1, false);
    let mut chars = text.char_indices().peekable();
    let (mut end, mut next) = (text.len(), text.len());
    while let Some((i, c)) = chars.next() {
        if quoted {
            match c {
                '"' if chars.next_if(|&(_, n)| n == '"').is_some() => field.push('"'),
                '"' => quoted = false,
                _ => {
                    if c == '\n' || (c == '\r' && chars.peek().is_none_or(|&(_, n)| n != '\n')) {
                        lines += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_start => quoted = true,
            '\r' | '\n' => {
                end = i;
                next = if c == '\r' && chars.next_if(|&(_, n)| n == '\n').is_some() { i + 2 } else { i + 1 };
                break;
            }
            c if c == sep => {
                let done = std::mem::take(&mut field);
                if fields.len() < keep {
                    fields.push(done);
                } else {
                    overflow |= !done.trim().is_empty();
                }
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    if fields.len() < keep {
        fields.push(field);
    } else {
        overflow |= !field.trim().is_empty();
    }
    Record { fields, end, next, lines, unclosed: quoted, overflow }
}

/// The row as written, for a message: one line, at most [`SHOWN_CHARS`] characters.
fn shown(raw: &str) -> String {
    let text = untrusted::one_line(raw, SHOWN_CHARS + 1).unwrap_or_default();
    if text.chars().count() > SHOWN_CHARS { text.chars().take(SHOWN_CHARS - 1).chain(['…']).collect() } else { text }
}

/// `=SOM(A1)`, `+A1`, `-B2`, `@SUM(…)`. A sign followed by a digit is a number.
fn is_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=') => true,
        Some('+' | '-' | '@') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    }
}

/// An amount cell: euros as a field reads them, or a change with `%`. In a comma-separated
/// file a comma cannot be the decimal comma of an unquoted cell, so `"1,234,567.50"` means
/// what an English writer means (a field asks "Bedoelt u 1.234.567,5?"). A single decimal
/// point (`1234567.50`) `notation` reads in every file; `1.500` stays fifteen hundred in
/// every file too: no inkoop of € 1,50 is meant.
fn amount(text: &str, separator: Separator) -> Result<Value, InputError> {
    match notation::parse(text, Expect::AMOUNT) {
        Ok(a) => Ok(Value::Amount(a)),
        Err(InputError::PercentNotHere) => percentage(text),
        Err(InputError::ThousandsComma { value }) if separator == Separator::Comma => Ok(Value::Amount(value)),
        Err(e) => Err(e),
    }
}

/// A cell of the wijziging column: a percentage, with or without `%`.
fn percentage(text: &str) -> Result<Value, InputError> {
    notation::parse(text, Expect::PERCENT).map(Value::Percent)
}

#[cfg(test)]
mod tests {
    use super::*;
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
