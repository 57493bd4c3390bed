//! Why a list cannot be read, as a whole or one row: values with a Dutch message that says
//! what to change.

use std::fmt;

use super::{Column, Separator};
use crate::model::data::compact;
use crate::text::notation::InputError;

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
