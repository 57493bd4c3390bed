//! The header row: which separator splits the list, and which columns we read where.
//! Found by the names in it, not by its position, so a header block above it is skipped.

use super::cell::{amount, is_formula, percentage, shown};
use super::record::{Record, record, split_line};
use super::{BadRow, ImportError, MAX_COLUMNS, Row, RowError};
use crate::model::data::{Line, compact};
use crate::text::untrusted;

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

    pub(super) fn of(header: &str) -> Option<Column> {
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

/// The header row: the separator, where the columns we read are, and how many cells it has
/// up to its last name.
pub(super) struct Header {
    pub(super) separator: Separator,
    pub(super) columns: Vec<(Column, usize)>,
    pub(super) cells: usize,
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
    pub(super) fn of(cells: &[String], separator: Separator) -> Result<Option<Header>, ImportError> {
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
    pub(super) fn row(&self, record: &Record, raw: &str, line: usize) -> Option<Result<Row, BadRow>> {
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
pub(super) fn find_header(text: &str) -> Result<(Header, &str, usize), ImportError> {
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
