//! Reading `mee-budgetten-2014.csv`.
//!
//! The format is plain RFC 4180: UTF-8, one header line, comma-separated, a field in double
//! quotes where it holds a comma (`"Nuenen, Gerwen en Nederwetten"`), amounts in whole euros
//! without separators. Records are split by `csv-core`; everything else is checked here, and
//! an error names the line, so a hand edit that breaks the file is found at once.

use std::fmt;

use rust_decimal::Decimal;

use crate::model::sort::sorted_positions;

use super::{Amounts, Dataset, Gemeente, GemeenteId, Group, JeugdregioId, OrganisatieId, fold};

/// The first line of the data file, exactly.
pub const CSV_HEADER: &str = "gemeente,jeugdregio,mee_organisatie,budget_co_2014,budget_ivh_2014";

/// What is wrong with a data file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// 1-based line number in the file; 0 for the file as a whole.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "data file: {}", self.message)
        } else {
            write!(f, "data file, line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for DataError {}

fn error(line: usize, message: impl Into<String>) -> DataError {
    DataError { line, message: message.into() }
}

pub(super) fn parse(text: &str) -> Result<Dataset, DataError> {
    let mut records = records(text)?.into_iter();
    match records.next() {
        Some((_, header)) if header.join(",") == CSV_HEADER => {}
        Some((n, other)) => {
            return Err(error(n, format!("expected the header `{CSV_HEADER}`, found `{}`", other.join(","))));
        }
        None => return Err(error(0, "the file is empty")),
    }
    let mut builder = Builder::default();
    for (n, fields) in records {
        builder.add_row(n, &fields)?;
    }
    builder.finish()
}

/// Splits the text into records of fields, each with the line it starts on. Blank lines are
/// skipped.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, DataError> {
    let mut reader = csv_core::Reader::new();
    let mut input = text.as_bytes();
    let mut field_bytes = [0u8; 1024];
    let mut ends = [0usize; 16];
    // A record may arrive in several calls (the last one, without a newline): keep what
    // was written so far.
    let (mut written, mut n_ends) = (0, 0);
    let mut line = reader.line() as usize;
    let mut out = Vec::new();
    loop {
        let (result, read, wrote, ended) = reader.read_record(input, &mut field_bytes[written..], &mut ends[n_ends..]);
        input = &input[read..];
        written += wrote;
        n_ends += ended;
        match result {
            csv_core::ReadRecordResult::InputEmpty => continue,
            csv_core::ReadRecordResult::End => return Ok(out),
            csv_core::ReadRecordResult::OutputFull | csv_core::ReadRecordResult::OutputEndsFull => {
                return Err(error(line, "the record is too long or has too many fields"));
            }
            csv_core::ReadRecordResult::Record => {}
        }
        let mut fields = Vec::with_capacity(n_ends);
        let mut start = 0;
        for &end in &ends[..n_ends] {
            let field =
                std::str::from_utf8(&field_bytes[start..end]).map_err(|_| error(line, "a field is not valid UTF-8"))?;
            fields.push(field.to_string());
            start = end;
        }
        if fields.len() > 1 || fields.first().is_some_and(|f| !f.trim().is_empty()) {
            out.push((line, fields));
        }
        (written, n_ends) = (0, 0);
        line = reader.line() as usize;
    }
}

/// Collects rows, then numbers the groups in alphabetical order.
#[derive(Default)]
struct Builder {
    gemeenten: Vec<Gemeente>,
    /// The line each gemeente was read from, for error messages.
    lines: Vec<usize>,
    jeugdregios: Vec<String>,
    organisaties: Vec<String>,
}

impl Builder {
    fn add_row(&mut self, n: usize, fields: &[String]) -> Result<(), DataError> {
        let [naam, jeugdregio, organisatie, co, ivh] = fields else {
            return Err(error(n, format!("expected 5 fields, found {}", fields.len())));
        };
        for (field, what) in [(naam, "gemeente"), (jeugdregio, "jeugdregio"), (organisatie, "mee_organisatie")] {
            if field.trim().is_empty() || field.trim() != field {
                return Err(error(n, format!("{what} `{field}` is empty or has surrounding spaces")));
            }
        }
        let key = fold(naam);
        self.lines.push(n);
        let budget_2014 = Amounts::new(euros(n, co)?, euros(n, ivh)?);
        self.gemeenten.push(Gemeente {
            naam: naam.clone(),
            compact: super::compact(naam),
            key,
            // Provisional indexes into the unsorted name lists; `finish` renumbers them.
            jeugdregio: JeugdregioId(intern(&mut self.jeugdregios, jeugdregio)),
            organisatie: OrganisatieId(intern(&mut self.organisaties, organisatie)),
            budget_2014,
        });
        Ok(())
    }

    fn finish(mut self) -> Result<Dataset, DataError> {
        if self.gemeenten.is_empty() {
            return Err(error(0, "the file has no rows"));
        }
        let (jeugdregio_names, jeugdregio_map) = sorted(&self.jeugdregios);
        let (organisatie_names, organisatie_map) = sorted(&self.organisaties);
        let gemeenten = &self.gemeenten;
        let order = sorted_positions(gemeenten.len(), &|a, b| {
            (&gemeenten[a].key, &gemeenten[a].naam).cmp(&(&gemeenten[b].key, &gemeenten[b].naam))
        });
        // A name twice (ignoring case and accents) ends up next to itself once sorted.
        for pair in order.windows(2) {
            let (first, again) = (&gemeenten[pair[0]], &gemeenten[pair[1]]);
            if first.key == again.key {
                let (line, first_line) =
                    (self.lines[pair[0]].max(self.lines[pair[1]]), self.lines[pair[0]].min(self.lines[pair[1]]));
                return Err(error(line, format!("gemeente `{}` already appears on line {first_line}", again.naam)));
            }
        }
        let mut slots: Vec<Option<Gemeente>> = std::mem::take(&mut self.gemeenten).into_iter().map(Some).collect();
        self.gemeenten = order.iter().filter_map(|&i| slots[i].take()).collect();
        for g in &mut self.gemeenten {
            g.jeugdregio = JeugdregioId(jeugdregio_map[g.jeugdregio.index()]);
            g.organisatie = OrganisatieId(organisatie_map[g.organisatie.index()]);
        }
        let group = |naam: &String| Group {
            naam: naam.clone(),
            key: fold(naam),
            compact: super::compact(naam),
            gemeenten: Vec::new(),
        };
        let mut jeugdregios: Vec<Group> = jeugdregio_names.iter().map(group).collect();
        let mut organisaties: Vec<Group> = organisatie_names.iter().map(group).collect();
        for (i, g) in self.gemeenten.iter().enumerate() {
            jeugdregios[g.jeugdregio.index()].gemeenten.push(GemeenteId(i));
            organisaties[g.organisatie.index()].gemeenten.push(GemeenteId(i));
        }
        Ok(Dataset::new(self.gemeenten, jeugdregios, organisaties))
    }
}

/// A whole, non-negative number of euros, digits only.
fn euros(n: usize, field: &str) -> Result<Decimal, DataError> {
    let digits_only = !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit());
    let value = field.parse::<u64>().ok().filter(|_| digits_only && field.len() <= 12);
    value.map(Decimal::from).ok_or_else(|| error(n, format!("`{field}` is not a whole number of euros (digits only)")))
}

fn intern(names: &mut Vec<String>, name: &str) -> usize {
    match names.iter().position(|n| n == name) {
        Some(i) => i,
        None => {
            names.push(name.to_string());
            names.len() - 1
        }
    }
}

/// The names sorted, and for each original index its index in the sorted list.
fn sorted(names: &[String]) -> (Vec<String>, Vec<usize>) {
    let keys: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let order = sorted_positions(names.len(), &|a, b| (&keys[a], &names[a]).cmp(&(&keys[b], &names[b])));
    let mut map = vec![0; names.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old] = new;
    }
    (order.iter().map(|&i| names[i].clone()).collect(), map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_rows(rows: &str) -> Result<Dataset, DataError> {
        parse(&format!("{CSV_HEADER}\n{rows}"))
    }

    #[test]
    fn groups_are_sorted_and_ids_point_into_them() {
        let d = parse_rows("Zwolle,IJsselland,MEE IJsseloevers,10,1\nAalten,Achterhoek,MEE Oost-Gelderland,20,2\nhet Bildt,Friesland,MEE Friesland,5,0\n").unwrap();
        let names: Vec<&str> = d.gemeenten.iter().map(|g| g.naam.as_str()).collect();
        assert_eq!(names, ["Aalten", "het Bildt", "Zwolle"]);
        let zwolle = &d.gemeenten[2];
        assert_eq!(d.jeugdregio(zwolle.jeugdregio).naam, "IJsselland");
        assert_eq!(d.organisatie(zwolle.organisatie).naam, "MEE IJsseloevers");
        assert_eq!(d.organisatie(zwolle.organisatie).gemeenten, vec![GemeenteId(2)]);
        assert_eq!(zwolle.budget_2014, Amounts::new(10.into(), 1.into()));
    }

    #[test]
    fn reads_a_quoted_name_with_a_comma() {
        let d = parse_rows("\"Nuenen, Gerwen en Nederwetten\",Zuidoost Brabant,MEE Zuidoost-Brabant,7,1\n").unwrap();
        assert_eq!(d.gemeenten[0].naam, "Nuenen, Gerwen en Nederwetten");
        assert_eq!(d.jeugdregios[0].naam, "Zuidoost Brabant");
    }

    #[test]
    fn refuses_a_wrong_header() {
        let e = parse("gemeente;jeugdregio\nA,B,C,1,2").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("header"), "{e}");
    }

    #[test]
    fn refuses_bad_rows_naming_the_line() {
        let cases = [
            ("A,B,C,1", "5 fields"),
            ("A,B,C,1,2,3", "5 fields"),
            ("A,B,C,1.000,2", "whole number"),
            ("A,B,C,-1,2", "whole number"),
            ("A,B,C,,2", "whole number"),
            ("A,B,C,1,€ 2", "whole number"),
            (" A,B,C,1,2", "surrounding spaces"),
            ("A,,C,1,2", "empty"),
            ("\"A\",B,C,1,\"2\"\"\"", "whole number"),
        ];
        for (row, expected) in cases {
            let e = parse_rows(row).unwrap_err();
            assert_eq!(e.line, 2, "{row}");
            assert!(e.message.contains(expected), "{row}: {e}");
        }
    }

    #[test]
    fn refuses_a_gemeente_twice_even_in_other_case() {
        let e = parse_rows("Almere,X,Y,1,1\nALMERE,X,Y,1,1").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("line 2"), "{e}");
    }

    #[test]
    fn refuses_an_empty_table() {
        assert_eq!(parse_rows("").unwrap_err().line, 0);
        assert_eq!(parse("").unwrap_err().line, 0);
    }
}
