//! Saved scenarios: what "Bewaar scenario" keeps in the browser's localStorage.
//!
//! A scenario is stored as its link (the query string of the URL interface), so it is read
//! back with the same lenient, bounded decoder as any link, and old saves stay readable as
//! long as links do. The stored text is versioned lines, one scenario each:
//!
//! ```text
//! mee-frictiekosten scenario's v2
//! <id> TAB <naam> TAB <datum> TAB <query>
//! ```
//!
//! Several tabs share one store, so nothing is written from a copy held in memory: every
//! change is an [`Edit`] applied to the text as it is in storage at that moment
//! (read-merge-write), and the list shown is what that write left. Storage is untrusted
//! (another script on the same origin, a hand edit, an older version): reading never fails,
//! and lines it cannot read are kept, not dropped, when the store is written again.

use std::fmt::{self, Write as _};

/// The first line of the stored text.
pub const HEADER: &str = "mee-frictiekosten scenario's v2";
/// The format before scenarios had ids: `naam TAB datum TAB query`. Still read.
pub const HEADER_V1: &str = "mee-frictiekosten scenario's v1";
/// At most this many saved scenarios; saving another asks to delete one first.
pub const MAX_SAVED: usize = 100;
/// Longest name kept.
pub const MAX_NAME: usize = 80;
/// Longest link kept (a scenario with all 408 gemeenten edited fits easily).
pub const MAX_QUERY: usize = 64_000;
/// At most this many scenarios in a comparison, besides the current one.
pub const MAX_COMPARED: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Stable across tabs and renames: letters, digits and `-`.
    pub id: String,
    pub naam: String,
    /// When it was saved, as the user's calendar showed it ("23-11-2026").
    pub datum: String,
    /// The link's query string, without `?`.
    pub query: String,
}

/// A name as it may be stored and shown: one visible line, not empty, not too long.
pub fn clean_name(naam: &str) -> Option<String> {
    crate::text::untrusted::one_line(naam, MAX_NAME)
}

fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A change to the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Add(Saved),
    Remove(String),
    Rename { id: String, naam: String },
}

/// Why an edit could not be made. `Display` gives the Dutch message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    Full,
    /// Removed in another tab in the meantime.
    Gone,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Full => write!(f, "Er zijn al {MAX_SAVED} scenario's bewaard. Verwijder er eerst een."),
            SaveError::Gone => f.write_str("Dit scenario is intussen in een ander tabblad verwijderd."),
        }
    }
}

/// The stored text, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    entries: Vec<Saved>,
    /// Lines that could not be read, kept as they are.
    unreadable: Vec<String>,
    /// The text was not in a format of ours: nothing was read from it.
    pub foreign: bool,
}

/// A stable id for a scenario saved before ids existed: a hash of its line.
fn v1_id(line: &str) -> String {
    let hash = line.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("v1-{hash:016x}")
}

impl Store {
    /// Reads the stored text (`None`: nothing stored yet).
    pub fn read(text: Option<&str>) -> Store {
        let Some(text) = text else { return Store::default() };
        let mut lines = text.lines();
        let v1 = match lines.next().map(str::trim) {
            None | Some("") => return Store::default(),
            Some(HEADER) => false,
            Some(HEADER_V1) => true,
            Some(_) => return Store { foreign: true, ..Store::default() },
        };
        let mut store = Store::default();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.splitn(if v1 { 3 } else { 4 }, '\t').collect();
            let entry = match fields[..] {
                [naam, datum, query] if v1 => Some((v1_id(line), naam, datum, query)),
                [id, naam, datum, query] if !v1 && valid_id(id) => Some((id.to_string(), naam, datum, query)),
                _ => None,
            };
            match entry.and_then(|(id, naam, datum, query)| Some((id, clean_name(naam)?, datum, query))) {
                Some((id, naam, datum, query)) if query.len() <= MAX_QUERY => {
                    let datum = crate::text::untrusted::one_line(datum, 20).unwrap_or_default();
                    store.entries.push(Saved { id, naam, datum, query: query.trim().to_string() });
                }
                _ => store.unreadable.push(line.to_string()),
            }
        }
        store
    }

    /// The scenarios shown: the first [`MAX_SAVED`].
    pub fn saved(&self) -> &[Saved] {
        &self.entries[..self.entries.len().min(MAX_SAVED)]
    }

    /// What the person should know about what was read, in Dutch.
    pub fn notice(&self) -> Option<String> {
        if self.foreign {
            return Some(
                "De bewaarde scenario's in deze browser hebben een onbekende of oude vorm en worden niet getoond."
                    .into(),
            );
        }
        let mut parts = Vec::new();
        match self.unreadable.len() {
            0 => {}
            1 => parts.push("Eén bewaard scenario kon niet worden gelezen en is overgeslagen.".to_string()),
            n => parts.push(format!("{n} bewaarde scenario's konden niet worden gelezen en zijn overgeslagen.")),
        }
        if self.entries.len() > MAX_SAVED {
            parts.push(format!(
                "Er zijn {} scenario's bewaard; alleen de eerste {MAX_SAVED} worden getoond.",
                self.entries.len()
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), SaveError> {
        let position = |id: &str| self.entries.iter().position(|s| s.id == id).ok_or(SaveError::Gone);
        match edit {
            Edit::Add(saved) if self.entries.len() >= MAX_SAVED => {
                let _ = saved;
                return Err(SaveError::Full);
            }
            Edit::Add(saved) => self.entries.push(saved),
            Edit::Remove(id) => {
                let i = position(&id)?;
                self.entries.remove(i);
            }
            Edit::Rename { id, naam } => {
                let i = position(&id)?;
                if let Some(naam) = clean_name(&naam) {
                    self.entries[i].naam = naam;
                }
            }
        }
        Ok(())
    }

    /// The text to store: every scenario, and the lines that could not be read, as they were.
    pub fn serialize(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for s in &self.entries {
            let id = if valid_id(&s.id) { s.id.as_str() } else { "x" };
            let naam = clean_name(&s.naam).unwrap_or_else(|| "Scenario".into());
            let datum = s.datum.replace(['\t', '\n', '\r'], " ");
            let _ = writeln!(out, "{id}\t{naam}\t{datum}\t{}", s.query.replace(['\t', '\n', '\r'], ""));
        }
        for line in &self.unreadable {
            let _ = writeln!(out, "{line}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, naam: &str, query: &str) -> Saved {
        Saved { id: id.into(), naam: naam.into(), datum: "23-11-2026".into(), query: query.into() }
    }

    fn edited(text: Option<&str>, edit: Edit) -> Result<String, SaveError> {
        let mut store = Store::read(text);
        store.apply(edit)?;
        Ok(store.serialize())
    }

    #[test]
    fn round_trips() {
        let mut store = Store::default();
        store.apply(Edit::Add(s("a1", "Variant 2", "mee=MEE+Groningen&wijziging=-13"))).unwrap();
        store.apply(Edit::Add(s("b2", "Niets", "wijziging=-100"))).unwrap();
        let again = Store::read(Some(&store.serialize()));
        assert_eq!(again, store);
        assert_eq!(again.saved().len(), 2);
        assert_eq!(Store::read(Some("")), Store::default());
        assert_eq!(Store::read(None).notice(), None);
    }

    #[test]
    fn two_tabs_saving_in_turn_keep_both_scenarios() {
        // Each tab applies its edit to what storage holds at that moment.
        let tab1 = edited(None, Edit::Add(s("t1a", "Tab 1", "wijziging=-1"))).unwrap();
        let tab2 = edited(Some(&tab1), Edit::Add(s("t2a", "Tab 2", "wijziging=-2"))).unwrap();
        let tab1_again = edited(Some(&tab2), Edit::Add(s("t1b", "Tab 1 weer", "wijziging=-3"))).unwrap();
        let names: Vec<String> = Store::read(Some(&tab1_again)).saved().iter().map(|s| s.naam.clone()).collect();
        assert_eq!(names, ["Tab 1", "Tab 2", "Tab 1 weer"]);
        assert_eq!(edited(Some(&tab2), Edit::Remove("weg".into())), Err(SaveError::Gone));
    }

    #[test]
    fn names_are_one_clean_visible_line() {
        assert_eq!(clean_name("  Variant\t2\n(oud)  ").as_deref(), Some("Variant 2 (oud)"));
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(clean_name("\u{202E}evil\u{2066}").as_deref(), Some("evil"));
        assert_eq!(clean_name(&"x".repeat(200)).map(|n| n.chars().count()), Some(MAX_NAME));
    }

    #[test]
    fn version_1_is_read_with_stable_ids_and_written_as_version_2() {
        let v1 = format!("{HEADER_V1}\ngoed\t23-11-2026\twijziging=-5\n");
        let (a, b) = (Store::read(Some(&v1)), Store::read(Some(&v1)));
        assert_eq!(a.saved()[0].id, b.saved()[0].id, "the same id in every tab");
        let v2 = edited(Some(&v1), Edit::Rename { id: a.saved()[0].id.clone(), naam: "beter".into() }).unwrap();
        assert!(v2.starts_with(HEADER) && v2.contains("\tbeter\t23-11-2026\twijziging=-5\n"), "{v2}");
    }

    #[test]
    fn unreadable_lines_are_skipped_with_a_notice_and_kept() {
        let text = format!("{HEADER}\nok1\tgoed\t23-11-2026\twijziging=-5\nkapot\n\t\t\nook kapot\t1\n");
        let store = Store::read(Some(&text));
        assert_eq!(store.saved(), [s("ok1", "goed", "wijziging=-5")]);
        assert_eq!(
            store.notice().as_deref(),
            Some("2 bewaarde scenario's konden niet worden gelezen en zijn overgeslagen.")
        );
        let written = edited(Some(&text), Edit::Add(s("n", "nieuw", ""))).unwrap();
        assert!(written.contains("\nkapot\n") && written.contains("\nook kapot\t1\n"), "{written}");
        let foreign = Store::read(Some("[{\"naam\":\"json van vroeger\"}]"));
        assert!(foreign.foreign && foreign.saved().is_empty());
        assert!(foreign.notice().unwrap().contains("onbekende of oude vorm"));
    }

    #[test]
    fn a_full_store_refuses_more_instead_of_dropping_the_oldest() {
        let mut store = Store::default();
        for i in 0..MAX_SAVED {
            store.apply(Edit::Add(s(&format!("id{i}"), &format!("S{i}"), ""))).unwrap();
        }
        assert_eq!(store.apply(Edit::Add(s("meer", "meer", ""))), Err(SaveError::Full));
        assert_eq!(store.saved().len(), MAX_SAVED);
        assert_eq!(store.saved()[0].naam, "S0", "nothing old was dropped");
        let too_long = format!("{HEADER}\nbig\tbig\t1\t{}\n", "x".repeat(MAX_QUERY + 1));
        let store = Store::read(Some(&too_long));
        assert!(store.saved().is_empty() && store.notice().is_some());
    }
}
