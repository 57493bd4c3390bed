//! The preview of an imported list: which gemeente each row means, what its
//! inkoop becomes, and every row that cannot be used, with its line and the reason.
//!
//! Nothing is applied until the person has seen this: a name is matched as the search
//! matches it (own name, other names, the name without its qualifier), but a typo is only
//! pointed out ("Bedoelt u ‘Assen’?"), never guessed; an amount is held to the bounds of a
//! gemeente's cell in the table. [`apply`] then sets every change at once, so the page can
//! make it one step with one undo. A pointed-out typo can be accepted in the preview
//! ([`Choices`]): the row is then read as that gemeente, without editing the file.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::model::data::{ALIASES, Dataset, GemeenteId, Line, compact, without_qualifier};
use crate::model::find::within_one_edit;
use crate::model::inputs::Inputs;
use crate::model::scenario::{ScenarioError, check_percentage};
use crate::model::selection::Selection;
use crate::text::import::{RowError, Sheet, Value};
use crate::text::untrusted;

/// One gemeente's new inkoop on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub gemeente: GemeenteId,
    pub naam: String,
    pub line: Line,
    pub budget_2014: Decimal,
    /// The inkoop in the inputs the preview was made from.
    pub current: Decimal,
    pub new: Decimal,
    /// `new − current`.
    pub difference: Decimal,
}

/// A row that is not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based, as the person's editor or Excel counts.
    pub line_number: usize,
    /// The row as written, shortened, safe to show.
    pub text: String,
    pub reason: Reason,
}

/// Why a row is not used. `Display` gives the Dutch message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The row could not be read (no name, no number, a formula, …).
    Row(RowError),
    /// No gemeente of 2014 by this name; the names one typo away, if any.
    UnknownGemeente { naam: String, suggestions: Vec<String> },
    /// The amount is outside what a gemeente's cell accepts.
    OutOfRange { line: Line, error: ScenarioError },
    /// The gemeente was on an earlier line already; that line counts.
    Duplicate { first_line: usize },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Row(error) => error.fmt(f),
            Reason::UnknownGemeente { naam, suggestions } => {
                write!(f, "‘{naam}’ is geen gemeente in de tabel van 2014.")?;
                for (i, s) in suggestions.iter().enumerate() {
                    let before = if i == 0 { " Bedoelt u " } else { " of " };
                    write!(f, "{before}‘{s}’")?;
                }
                if suggestions.is_empty() {
                    f.write_str(" Gemeenten die later zijn samengevoegd, staan erin onder hun namen van toen.")
                } else {
                    f.write_str("?")
                }
            }
            Reason::OutOfRange { line, error } => {
                let name = match line {
                    Line::Co => "Cliëntondersteuning",
                    Line::Ivh => "Integrale Vroeghulp",
                };
                write!(f, "{name}: {error}")
            }
            Reason::Duplicate { first_line } => {
                write!(f, "Deze gemeente staat al op regel {first_line}; alleen die regel telt.")
            }
        }
    }
}

/// The person's answers to "Bedoelt u …?": per line of the file (1-based), the gemeente
/// its unknown name is read as.
pub type Choices = BTreeMap<usize, GemeenteId>;

/// A row whose unknown name is read as the gemeente the person chose for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub line_number: usize,
    /// The name as written, one line, safe to show.
    pub written: String,
    pub gemeente: GemeenteId,
}

/// What importing would change, and what it leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// In the order of the file; cliëntondersteuning before IVH within a row. A gemeente is
    /// taken from one row only, so its changes are next to each other.
    pub changes: Vec<ChangeRow>,
    /// In the order of the file.
    pub problems: Vec<Problem>,
    /// Rows that are fine but change nothing: every amount is what the gemeente has now.
    pub unchanged: usize,
    /// Rows read as a gemeente the person chose, in the order of the file.
    pub accepted: Vec<Accepted>,
    /// The area the preview was made in.
    pub gebied: Selection,
    /// The area's gemeenten that no row of the file names (with the choices), which keep
    /// their amounts; in alphabetical order.
    pub missing: Vec<GemeenteId>,
}

impl Preview {
    /// How many gemeenten get another amount (one gemeente's changes are adjacent).
    pub fn gemeenten(&self) -> usize {
        let mut ids: Vec<GemeenteId> = self.changes.iter().map(|c| c.gemeente).collect();
        ids.dedup();
        ids.len()
    }
}

/// The preview of importing `sheet` into `inputs`.
pub fn preview(data: &Dataset, inputs: &Inputs, sheet: &Sheet) -> Preview {
    preview_with(data, inputs, sheet, &Choices::new())
}

/// The preview of importing `sheet` into `inputs`, a row whose name is unknown read as the
/// gemeente `choices` gives for its line.
pub fn preview_with(data: &Dataset, inputs: &Inputs, sheet: &Sheet, choices: &Choices) -> Preview {
    let mut out = Preview { gebied: inputs.selection, ..Preview::default() };
    // Where each gemeente was first named; a later row for it is a duplicate.
    let mut first: Vec<Option<usize>> = vec![None; data.gemeenten.len()];
    // The changes so far, applied: checked with the very call `apply` makes.
    let mut scratch = inputs.scenario.clone();
    let mut typos = None;
    for entry in &sheet.rows {
        let (line_number, text, naam) = match entry {
            Ok(row) => (row.line, &row.text, &row.gemeente),
            Err(bad) => (bad.line, &bad.text, &bad.gemeente),
        };
        let problem = |reason| Problem { line_number, text: text.clone(), reason };
        let found = match (find(data, naam, &mut typos), choices.get(&line_number)) {
            (Err(_), Some(&g)) if g.index() < data.gemeenten.len() => {
                let written = untrusted::one_line(naam, 40).unwrap_or_default();
                out.accepted.push(Accepted { line_number, written, gemeente: g });
                Ok(g)
            }
            (found, _) => found,
        };
        if let Ok(g) = found {
            if let Some(first_line) = first[g.index()] {
                out.problems.push(problem(Reason::Duplicate { first_line }));
                continue;
            }
            first[g.index()] = Some(line_number);
        }
        let row = match entry {
            Ok(row) => row,
            Err(bad) => {
                out.problems.push(problem(Reason::Row(bad.error.clone())));
                continue;
            }
        };
        let g = match found {
            Ok(g) => g,
            Err(suggestions) => {
                let naam = untrusted::one_line(naam, 40).unwrap_or_default();
                out.problems.push(problem(Reason::UnknownGemeente { naam, suggestions }));
                continue;
            }
        };
        let mut changes = Vec::new();
        let mut refused = None;
        for line in Line::ALL {
            let Some(value) = row.get(line) else { continue };
            let budget_2014 = data.gemeente(g).budget_2014.get(line);
            let current = inputs.scenario.inkoop(g).get(line);
            let new = match value {
                Value::Amount(a) => Ok(a),
                Value::Percent(p) => {
                    check_percentage(p).map(|p| budget_2014 * (Decimal::ONE + p / Decimal::ONE_HUNDRED))
                }
            };
            match new.and_then(|new| scratch.set_gemeente(data, g, line, new).map(|()| new)) {
                Ok(new) if new == current => {}
                Ok(new) => {
                    let naam = data.gemeente(g).naam.clone();
                    changes.push(ChangeRow {
                        gemeente: g,
                        naam,
                        line,
                        budget_2014,
                        current,
                        new,
                        difference: new - current,
                    });
                }
                Err(error) => {
                    refused = Some(Reason::OutOfRange { line, error });
                    break;
                }
            }
        }
        match refused {
            Some(reason) => {
                // The row counts as a whole or not at all.
                for line in Line::ALL {
                    let _ = scratch.set_gemeente(data, g, line, inputs.scenario.inkoop(g).get(line));
                }
                out.problems.push(problem(reason));
            }
            None if changes.is_empty() => out.unchanged += 1,
            None => out.changes.extend(changes),
        }
    }
    out.missing = inputs.selection.gemeenten(data).into_iter().filter(|g| first[g.index()].is_none()).collect();
    out
}

/// Sets every change of the preview: all of them, or (if one is out of bounds, which a
/// preview made by [`preview`] never has) none.
pub fn apply(data: &Dataset, inputs: &mut Inputs, preview: &Preview) -> Result<(), ScenarioError> {
    let mut scenario = inputs.scenario.clone();
    for c in &preview.changes {
        scenario.set_gemeente(data, c.gemeente, c.line, c.new)?;
    }
    inputs.scenario = scenario;
    Ok(())
}

/// Every name a gemeente may be meant by, as `compact` text: its own, without its qualifier,
/// its other names. Built once per preview, when a name is not found: a file of thousands
/// of unknown names is then thousands of passes over this list, not over the data.
type Names = Vec<(String, GemeenteId)>;

fn names(data: &Dataset) -> Names {
    let mut names = Vec::new();
    for (i, g) in data.gemeenten.iter().enumerate() {
        names.push((g.compact.clone(), GemeenteId(i)));
        names.push((compact(without_qualifier(&g.naam)), GemeenteId(i)));
        for (alias, _) in ALIASES.iter().filter(|(_, naam)| *naam == g.naam) {
            names.push((compact(alias), GemeenteId(i)));
        }
    }
    names
}

/// The gemeente a name means: by its own name, another name or the name without its
/// qualifier (`Dataset::find_gemeente`), also after "Gemeente " ("Gemeente Assen", as
/// many lists write it). Otherwise the names one typo away, as the search forgives them.
fn find(data: &Dataset, naam: &str, typos: &mut Option<Names>) -> Result<GemeenteId, Vec<String>> {
    let key = compact(naam);
    if key.is_empty() {
        return Err(Vec::new());
    }
    if let Some(g) = data.find_gemeente(&key) {
        return Ok(g);
    }
    if let Some(g) = key.strip_prefix("gemeente").and_then(|rest| data.find_gemeente(rest)) {
        return Ok(g);
    }
    Err(near(data, typos.get_or_insert_with(|| names(data)), &key))
}

/// Typos are pointed out from this many letters on, as in the search: shorter names are
/// one typo away from too many others.
const TYPO_FROM: usize = 4;

/// At most three gemeenten with a name one typo away from `key`, in alphabetical order.
fn near(data: &Dataset, names: &Names, key: &str) -> Vec<String> {
    let mut found: Vec<GemeenteId> = Vec::new();
    if key.len() < TYPO_FROM {
        return Vec::new();
    }
    for (name, g) in names {
        if found.len() < 3 && !found.contains(g) && within_one_edit(key.as_bytes(), name.as_bytes()) {
            found.push(*g);
        }
    }
    found.into_iter().map(|g| data.gemeente(g).naam.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::data;
    use crate::text::import::read;
    use rust_decimal_macros::dec;

    fn id(naam: &str) -> GemeenteId {
        data().find_gemeente(&compact(naam)).unwrap()
    }

    fn preview_of(inputs: &Inputs, text: &str) -> Preview {
        preview(data(), inputs, &read(text).unwrap())
    }

    fn reasons(p: &Preview) -> Vec<(usize, String)> {
        p.problems.iter().map(|p| (p.line_number, p.reason.to_string())).collect()
    }

    #[test]
    fn matches_names_as_the_search_does() {
        for name in ["Súdwest Fryslân", "sudwest-fryslan", "SUDWEST FRYSLAN", "Gemeente Súdwest-Fryslân"] {
            assert_eq!(find(data(), name, &mut None), Ok(id("Súdwest Fryslân")), "{name}");
        }
        assert_eq!(find(data(), "'s-Hertogenbosch", &mut None), Ok(id("Den Bosch")));
        assert_eq!(find(data(), "Hengelo", &mut None), Ok(id("Hengelo (O.)")));
        assert_eq!(find(data(), "Asssen", &mut None), Err(vec!["Assen".to_string()]));
        assert_eq!(find(data(), "Asen", &mut None), Err(vec!["Assen".to_string(), "Asten".to_string()]));
        assert_eq!(find(data(), "Gronignen", &mut None), Err(vec!["Groningen".to_string()]));
        assert_eq!(find(data(), "Ede", &mut None), Ok(id("Ede")));
        assert_eq!(find(data(), "Edo", &mut None), Err(vec![]), "three letters: no guess");
        assert_eq!(find(data(), "Amsterdam-Noord", &mut None), Err(vec![]));
        assert_eq!(find(data(), "", &mut None), Err(vec![]));
        let unknown = |naam: &str, suggestions: &[&str]| {
            let suggestions = suggestions.iter().map(|s| s.to_string()).collect();
            Reason::UnknownGemeente { naam: naam.into(), suggestions }.to_string()
        };
        assert_eq!(
            unknown("Asen", &["Assen", "Asten"]),
            "‘Asen’ is geen gemeente in de tabel van 2014. Bedoelt u ‘Assen’ of ‘Asten’?"
        );
        assert_eq!(
            unknown("Westerkwartier", &[]),
            "‘Westerkwartier’ is geen gemeente in de tabel van 2014. Gemeenten die later zijn samengevoegd, staan erin onder hun namen van toen."
        );
    }

    #[test]
    fn percentages_apply_to_the_gemeentes_own_2014_budget() {
        let d = data();
        let inputs = Inputs::new(d);
        let p = preview_of(&inputs, "gemeente;inkoop 2015;inkoop 2015 ivh\nAssen;-10%;5.000\nEmmen;1.500.000;");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let assen = d.gemeente(id("Assen")).budget_2014;
        let emmen = d.gemeente(id("Emmen")).budget_2014;
        let expected = [
            (id("Assen"), Line::Co, assen.co, assen.co * dec!(0.9)),
            (id("Assen"), Line::Ivh, assen.ivh, dec!(5000)),
            (id("Emmen"), Line::Co, emmen.co, dec!(1500000)),
        ];
        let got: Vec<_> = p.changes.iter().map(|c| (c.gemeente, c.line, c.current, c.new)).collect();
        assert_eq!(got, expected);
        assert!(p.changes.iter().all(|c| c.difference == c.new - c.current && c.budget_2014 == c.current));
        assert_eq!(p.changes[0].naam, "Assen");
    }

    #[test]
    fn unchanged_rows_are_counted_not_listed() {
        let d = data();
        let mut inputs = Inputs::new(d);
        inputs.scenario.set_gemeente(d, id("Assen"), Line::Co, dec!(100)).unwrap();
        let p = preview_of(&inputs, "gemeente;inkoop;inkoop ivh\nAssen;100,00;\nEmmen;0%;+0%\nHaren;100;");
        assert_eq!((p.changes.len(), p.unchanged, p.problems.len()), (1, 2, 0));
        assert_eq!(p.changes[0].gemeente, id("Haren"));
    }

    #[test]
    fn every_unusable_row_is_a_problem_and_nothing_of_it_applies() {
        let d = data();
        let inputs = Inputs::new(d);
        let text = "gemeente;inkoop 2015;inkoop 2015 IVH\nAssen;100\nAsssen;200\nassen;300\nEmmen;abc\nEmmen;5\nHaren;-5\nZuidhorn;5;-101%\nDe Marne;11 mld\nTynaarlo\n;5\nMidden-Drenthe;12.000.000.000\n";
        let p = preview_of(&inputs, text);
        assert_eq!(
            reasons(&p),
            vec![
                (3, "‘Asssen’ is geen gemeente in de tabel van 2014. Bedoelt u ‘Assen’?".to_string()),
                (4, "Deze gemeente staat al op regel 2; alleen die regel telt.".to_string()),
                (5, "Kolom ‘inkoop 2015 cliëntondersteuning’: Dit is geen getal. Typ een bedrag in cijfers, bijvoorbeeld 1.250.000 of 1,5 mln.".to_string()),
                (6, "Deze gemeente staat al op regel 5; alleen die regel telt.".to_string()),
                (7, "Cliëntondersteuning: Een inkoopbedrag kan niet negatief zijn.".to_string()),
                (8, "Integrale Vroeghulp: Een daling van meer dan 100% kan niet: de inkoop kan niet onder €\u{a0}0 komen.".to_string()),
                (9, "Cliëntondersteuning: Dit bedrag is groter dan €\u{a0}10 miljard; controleer het getal.".to_string()),
                (10, "Er staat geen bedrag in deze regel; de inkoop van deze gemeente blijft zoals hij is.".to_string()),
                (11, "De naam van de gemeente ontbreekt.".to_string()),
                (12, "Cliëntondersteuning: Dit bedrag is groter dan €\u{a0}10 miljard; controleer het getal.".to_string()),
            ]
        );
        assert_eq!(p.problems[0].text, "Asssen;200");
        let changed: Vec<GemeenteId> = p.changes.iter().map(|c| c.gemeente).collect();
        assert_eq!(changed, vec![id("Assen")], "Zuidhorn's good amount goes with its bad one");
        let mut after = inputs.clone();
        apply(d, &mut after, &p).unwrap();
        assert_eq!(after.scenario.inkoop(id("Assen")).co, dec!(100));
        assert_eq!(after.scenario.inkoop(id("Zuidhorn")), d.gemeente(id("Zuidhorn")).budget_2014);
    }

    #[test]
    fn the_bound_of_eleven_times_2014_holds_as_in_the_table() {
        let d = data();
        let budget = d.gemeente(id("Assen")).budget_2014.co;
        let inputs = Inputs::new(d);
        let at = preview_of(&inputs, &format!("gemeente;inkoop\nAssen;{}", budget * dec!(11)));
        assert!(at.problems.is_empty());
        let above = preview_of(&inputs, &format!("gemeente;inkoop\nAssen;{}", budget * dec!(11) + dec!(0.01)));
        assert_eq!(above.problems[0].reason, Reason::OutOfRange { line: Line::Co, error: ScenarioError::AboveMaxRise });
    }

    #[test]
    fn apply_sets_all_or_nothing() {
        let d = data();
        let mut inputs = Inputs::new(d);
        let p = preview_of(&inputs, "gemeente;inkoop\nAssen;100\nEmmen;200");
        apply(d, &mut inputs, &p).unwrap();
        assert_eq!(
            (inputs.scenario.inkoop(id("Assen")).co, inputs.scenario.inkoop(id("Emmen")).co),
            (dec!(100), dec!(200))
        );
        let mut bad = p.clone();
        bad.changes[1].new = dec!(-1);
        let before = Inputs::new(d);
        let mut after = before.clone();
        assert_eq!(apply(d, &mut after, &bad), Err(ScenarioError::NegativeAmount));
        assert_eq!(after, before);
    }
}
