//! Saved scenarios: what "Bewaar scenario" keeps in the browser's localStorage.
//!
//! A scenario is stored as its link (the query string of the URL interface), so it is read
//! back with the same lenient, bounded decoder as any link, and old saves stay readable as
//! long as links do. Each scenario has a storage key of its own:
//!
//! ```text
//! mee-frictiekosten/scenario/<id>  →  <volgorde> TAB <naam> TAB <datum> TAB <query>
//! ```
//!
//! Several tabs share one storage, and a browser's tabs see each other's writes a moment
//! late, so no write may depend on what another tab wrote just before: saving writes one
//! new key, renaming rewrites its own key, deleting removes its own key. Two tabs saving
//! at the same moment write two keys, and both are kept. The list is every key with the
//! prefix, in the order of `volgorde` (the moment of saving, in ms; the position in the
//! old list for a migrated scenario).
//!
//! Before version 3 all scenarios were versioned lines under one key (`OLD_KEY`), which
//! each edit read, merged and wrote back; two tabs doing so at once lost scenarios. That
//! text is still read, and the first edit moves it to keys of its own ([`migration`]):
//! every readable scenario under its own key (a key already there, from another tab, is
//! left as it is), and a text with anything unreadable set aside whole under a key of its
//! own, before the old key is removed. Nothing that could not be read is ever deleted.
//!
//! Storage is untrusted (another script on the same origin, a hand edit, another
//! version): reading never fails, and a key it cannot read is counted and left alone.

use std::cmp::Ordering;
use std::fmt;

use crate::model::sort::sorted_positions;

/// The storage key of a scenario is this and its id.
pub const PREFIX: &str = "mee-frictiekosten/scenario/";
/// Where versions 1 and 2 kept every scenario, as lines of one text.
pub const OLD_KEY: &str = "mee-frictiekosten/scenarios";
/// Unreadable old data is set aside under this and a new id.
pub const SET_ASIDE_PREFIX: &str = "mee-frictiekosten/scenarios-onleesbaar-";
/// The first line of the old text, version 2: `id TAB naam TAB datum TAB query`.
pub const HEADER: &str = "mee-frictiekosten scenario's v2";
/// The first old format, before scenarios had ids: `naam TAB datum TAB query`.
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
    /// Where it stands in the list: the moment it was saved (ms since 1970), or its
    /// position in the old list.
    pub volgorde: u64,
}

/// A name as it may be stored and shown: one visible line, not empty, not too long.
pub fn clean_name(naam: &str) -> Option<String> {
    crate::text::untrusted::one_line(naam, MAX_NAME)
}

fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether a change to this storage key changes the list (for the `storage` event).
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX) || key == OLD_KEY
}

/// The storage key of the scenario with this id.
pub fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// The key to set unreadable old data aside under; `id` is new (see `ui::browser::new_id`).
pub fn set_aside_key(id: &str) -> String {
    format!("{SET_ASIDE_PREFIX}{id}")
}

/// The text stored under a scenario's key.
pub fn value(s: &Saved) -> String {
    let naam = clean_name(&s.naam).unwrap_or_else(|| "Scenario".into());
    let datum = s.datum.replace(['\t', '\n', '\r'], " ");
    format!("{}\t{naam}\t{datum}\t{}", s.volgorde, s.query.replace(['\t', '\n', '\r'], ""))
}

/// The scenario stored under `key` as `value`; `None` if either cannot be read.
pub fn parse(key: &str, value: &str) -> Option<Saved> {
    let id = key.strip_prefix(PREFIX).filter(|id| valid_id(id))?;
    let mut fields = value.splitn(4, '\t');
    let volgorde = fields.next()?.parse().ok()?;
    let (naam, datum, query) = (fields.next()?, fields.next()?, fields.next()?);
    entry(id.to_string(), naam, datum, query, volgorde)
}

/// A scenario from its stored fields, as the old text and the keys hold them alike.
fn entry(id: String, naam: &str, datum: &str, query: &str, volgorde: u64) -> Option<Saved> {
    let naam = clean_name(naam)?;
    if query.len() > MAX_QUERY {
        return None;
    }
    let datum = crate::text::untrusted::one_line(datum, 20).unwrap_or_default();
    Some(Saved { id, naam, datum, query: query.trim().to_string(), volgorde })
}

/// A change to the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Add(Saved),
    Remove(String),
    Rename { id: String, naam: String },
}

/// What to do to storage for an edit: one key, written or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    Set { key: String, value: String },
    Remove { key: String },
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

/// The old text (versions 1 and 2), read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Old {
    entries: Vec<Saved>,
    unreadable: usize,
    /// Not in a format of ours: nothing was read from it.
    foreign: bool,
}

/// A stable id for a scenario saved before ids existed: a hash of its line.
fn v1_id(line: &str) -> String {
    let hash = line.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("v1-{hash:016x}")
}

impl Old {
    fn read(text: &str) -> Old {
        let mut lines = text.lines();
        let v1 = match lines.next().map(str::trim) {
            None | Some("") => return Old::default(),
            Some(HEADER) => false,
            Some(HEADER_V1) => true,
            Some(_) => return Old { foreign: true, ..Old::default() },
        };
        let mut old = Old::default();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.splitn(if v1 { 3 } else { 4 }, '\t').collect();
            let volgorde = old.entries.len() as u64;
            let read = match fields[..] {
                [naam, datum, query] if v1 => entry(v1_id(line), naam, datum, query, volgorde),
                [id, naam, datum, query] if !v1 && valid_id(id) => entry(id.to_string(), naam, datum, query, volgorde),
                _ => None,
            };
            match read {
                // A second line with an id already seen (a hand edit) would take the first
                // one's key: it counts as unreadable, so the text is set aside whole.
                Some(saved) if !old.entries.iter().any(|s| s.id == saved.id) => old.entries.push(saved),
                _ => old.unreadable += 1,
            }
        }
        old
    }
}

/// What moving the old text to keys of their own takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// Every readable scenario under its own key (to be written unless the key is there).
    pub writes: Vec<(String, String)>,
    /// Whether the old text held something unreadable, and so must be set aside, whole,
    /// before the old key is removed.
    pub set_aside: bool,
}

/// How to move the old text to keys of their own.
pub fn migration(old: &str) -> Migration {
    let read = Old::read(old);
    Migration {
        writes: read.entries.iter().map(|s| (key(&s.id), value(s))).collect(),
        set_aside: read.foreign || read.unreadable > 0,
    }
}

/// The list as storage holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    /// In list order.
    entries: Vec<Saved>,
    /// Keys with our prefix that could not be read, and lines of the old text.
    unreadable: usize,
    /// The old text was not in a format of ours: nothing was read from it.
    pub foreign: bool,
}

impl Store {
    /// Reads the keys with [`PREFIX`] and their values, and the old text if it is still
    /// there (its scenarios are listed as they will be moved: unless a key holds them
    /// already).
    pub fn read(stored: &[(String, String)], old: Option<&str>) -> Store {
        let mut entries = Vec::new();
        let mut unreadable = 0;
        for (k, v) in stored {
            match parse(k, v) {
                Some(saved) => entries.push(saved),
                None => unreadable += 1,
            }
        }
        let old = old.map(Old::read).unwrap_or_default();
        for saved in old.entries {
            if !entries.iter().any(|s: &Saved| s.id == saved.id) {
                entries.push(saved);
            }
        }
        let order = |a: &Saved, b: &Saved| -> Ordering { (a.volgorde, &a.id).cmp(&(b.volgorde, &b.id)) };
        let positions = sorted_positions(entries.len(), &|a, b| order(&entries[a], &entries[b]));
        let entries = positions.into_iter().map(|i| entries[i].clone()).collect();
        Store { entries, unreadable: unreadable + old.unreadable, foreign: old.foreign }
    }

    /// The scenarios shown: the first [`MAX_SAVED`].
    pub fn saved(&self) -> &[Saved] {
        &self.entries[..self.entries.len().min(MAX_SAVED)]
    }

    /// The `volgorde` for a scenario saved at `now` (ms): after every one in the list, even
    /// when the clock says otherwise.
    pub fn next_volgorde(&self, now: u64) -> u64 {
        self.entries.iter().map(|s| s.volgorde.saturating_add(1)).fold(now, u64::max)
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
        match self.unreadable {
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

    /// The one write an edit takes, judged by the list as storage holds it now.
    pub fn plan(&self, edit: Edit) -> Result<Write, SaveError> {
        let find = |id: &str| self.entries.iter().find(|s| s.id == id).ok_or(SaveError::Gone);
        match edit {
            Edit::Add(_) if self.entries.len() >= MAX_SAVED => Err(SaveError::Full),
            Edit::Add(saved) => Ok(Write::Set { key: key(&saved.id), value: value(&saved) }),
            Edit::Remove(id) => find(&id).map(|s| Write::Remove { key: key(&s.id) }),
            Edit::Rename { id, naam } => {
                let mut renamed = find(&id)?.clone();
                if let Some(naam) = clean_name(&naam) {
                    renamed.naam = naam;
                }
                Ok(Write::Set { key: key(&renamed.id), value: value(&renamed) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, naam: &str, query: &str, volgorde: u64) -> Saved {
        Saved { id: id.into(), naam: naam.into(), datum: "23-11-2026".into(), query: query.into(), volgorde }
    }

    /// localStorage as a list of keys and values, in no particular order.
    #[derive(Default)]
    struct Storage(Vec<(String, String)>);

    impl Storage {
        fn ours(&self) -> Vec<(String, String)> {
            self.0.iter().filter(|(k, _)| k.starts_with(PREFIX)).cloned().collect()
        }
        fn get(&self, key: &str) -> Option<&str> {
            self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
        }
        fn set(&mut self, key: &str, value: &str) {
            self.remove(key);
            self.0.push((key.into(), value.into()));
        }
        fn remove(&mut self, key: &str) {
            self.0.retain(|(k, _)| k != key);
        }
        fn store(&self) -> Store {
            Store::read(&self.ours(), self.get(OLD_KEY))
        }
        fn apply(&mut self, write: Write) {
            match write {
                Write::Set { key, value } => self.set(&key, &value),
                Write::Remove { key } => self.remove(&key),
            }
        }
        /// What `ui::sections::scenarios` does before an edit.
        fn migrate(&mut self) {
            let Some(old) = self.get(OLD_KEY).map(String::from) else { return };
            let m = migration(&old);
            for (k, v) in m.writes {
                if self.get(&k).is_none() {
                    self.set(&k, &v);
                }
            }
            if m.set_aside {
                self.set(&set_aside_key("x1"), &old);
            }
            self.remove(OLD_KEY);
        }
        fn edit(&mut self, edit: Edit) -> Result<(), SaveError> {
            self.migrate();
            let write = self.store().plan(edit)?;
            self.apply(write);
            Ok(())
        }
        fn names(&self) -> Vec<String> {
            self.store().saved().iter().map(|s| s.naam.clone()).collect()
        }
    }

    #[test]
    fn each_scenario_is_a_key_of_its_own() {
        let saved = s("19a2b3c4d5e-3f2", "Variant 2", "mee=MEE+Groningen&wijziging=-13", 1_764_000_000_000);
        assert_eq!(key(&saved.id), "mee-frictiekosten/scenario/19a2b3c4d5e-3f2");
        assert_eq!(value(&saved), "1764000000000\tVariant 2\t23-11-2026\tmee=MEE+Groningen&wijziging=-13");
        assert_eq!(parse(&key(&saved.id), &value(&saved)), Some(saved.clone()));
        // Keys and values that are not ours, or not whole.
        for (k, v) in [
            ("mee-frictiekosten/scenario/", "1\ta\tb\tc"),
            ("mee-frictiekosten/scenario/a b", "1\ta\tb\tc"),
            ("mee-frictiekosten/scenario/ok", "x\ta\tb\tc"),
            ("mee-frictiekosten/scenario/ok", "1\ta\tb"),
            ("mee-frictiekosten/scenario/ok", "1\t \tb\tc"),
            ("iets-anders/ok", "1\ta\tb\tc"),
        ] {
            assert_eq!(parse(k, v), None, "{k} {v}");
        }
        assert!(is_ours(&key("x")) && is_ours(OLD_KEY) && !is_ours("mee-frictiekosten/iets"));
        assert!(!set_aside_key("x").starts_with(PREFIX), "set-aside data is not listed");
    }

    #[test]
    fn two_tabs_saving_at_the_same_moment_keep_both() {
        // Both tabs read the list before either writes: each write is its own key, so the
        // second does not undo the first (as one text written back did).
        let mut storage = Storage::default();
        let (tab1, tab2) = (storage.store(), storage.store());
        let w1 = tab1.plan(Edit::Add(s("t1a", "Tab 1", "wijziging=-1", 10))).unwrap();
        let w2 = tab2.plan(Edit::Add(s("t2a", "Tab 2", "wijziging=-2", 10))).unwrap();
        storage.apply(w1);
        storage.apply(w2);
        assert_eq!(storage.names(), ["Tab 1", "Tab 2"]);
        // Renaming and deleting each touch the scenario's own key, nothing else.
        storage.edit(Edit::Add(s("t1b", "Tab 1 weer", "wijziging=-3", 11))).unwrap();
        assert_eq!(storage.names(), ["Tab 1", "Tab 2", "Tab 1 weer"]);
        assert_eq!(storage.edit(Edit::Remove("weg".into())), Err(SaveError::Gone));
        storage.edit(Edit::Rename { id: "t2a".into(), naam: " Tab\t2, beter ".into() }).unwrap();
        storage.edit(Edit::Remove("t1a".into())).unwrap();
        assert_eq!(storage.names(), ["Tab 2, beter", "Tab 1 weer"]);
        assert_eq!(storage.edit(Edit::Rename { id: "t1a".into(), naam: "x".into() }), Err(SaveError::Gone));
    }

    #[test]
    fn the_list_is_in_the_order_of_saving() {
        let stored: Vec<(String, String)> =
            [s("b", "twee", "", 20), s("a", "drie", "", 30), s("c", "een", "", 10), s("d", "vier", "", 30)]
                .iter()
                .map(|x| (key(&x.id), value(x)))
                .collect();
        let store = Store::read(&stored, None);
        let names: Vec<&str> = store.saved().iter().map(|x| x.naam.as_str()).collect();
        assert_eq!(names, ["een", "twee", "drie", "vier"]);
        // A clock that went back still saves after the last one.
        assert_eq!(store.next_volgorde(5), 31);
        assert_eq!(store.next_volgorde(1000), 1000);
        assert_eq!(Store::read(&[], None).next_volgorde(7), 7);
    }

    #[test]
    fn names_are_one_clean_visible_line() {
        assert_eq!(clean_name("  Variant\t2\n(oud)  ").as_deref(), Some("Variant 2 (oud)"));
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(clean_name("\u{202E}evil\u{2066}").as_deref(), Some("evil"));
        assert_eq!(clean_name(&"x".repeat(200)).map(|n| n.chars().count()), Some(MAX_NAME));
    }

    #[test]
    fn the_old_text_is_listed_then_moved_to_keys_in_its_order() {
        let v2 = format!("{HEADER}\nb2\tTweede\t01-01-2026\twijziging=-2\na1\tEerste\t02-01-2026\twijziging=-1\n");
        let mut storage = Storage::default();
        storage.set(OLD_KEY, &v2);
        // Listed as it is, before anything is written.
        assert_eq!(storage.names(), ["Tweede", "Eerste"]);
        assert_eq!(storage.store().notice(), None);
        storage.edit(Edit::Add(s("n", "Nieuw", "", 1_764_000_000_000))).unwrap();
        assert_eq!(storage.get(OLD_KEY), None, "moved: the old key is gone");
        assert_eq!(storage.get(&key("b2")), Some("0\tTweede\t01-01-2026\twijziging=-2"));
        assert_eq!(storage.names(), ["Tweede", "Eerste", "Nieuw"]);
        assert!(storage.0.iter().all(|(k, _)| k.starts_with(PREFIX)), "nothing set aside: all was read");
    }

    #[test]
    fn moving_keeps_what_another_tab_changed_and_is_the_same_in_every_tab() {
        let v1 = format!("{HEADER_V1}\ngoed\t23-11-2026\twijziging=-5\n");
        let (a, b) = (Store::read(&[], Some(&v1)), Store::read(&[], Some(&v1)));
        assert_eq!(a.saved()[0].id, b.saved()[0].id, "the same id in every tab");
        let id = a.saved()[0].id.clone();
        // Tab 1 moves the old text and renames; tab 2 still read the old text and moves it
        // again: the rename stays.
        let mut storage = Storage::default();
        storage.set(OLD_KEY, &v1);
        storage.edit(Edit::Rename { id: id.clone(), naam: "beter".into() }).unwrap();
        assert_eq!(storage.get(&key(&id)), Some("0\tbeter\t23-11-2026\twijziging=-5"));
        storage.set(OLD_KEY, &v1);
        storage.migrate();
        assert_eq!(storage.names(), ["beter"]);
    }

    #[test]
    fn unreadable_data_is_counted_left_alone_and_set_aside_never_deleted() {
        let text = format!("{HEADER}\nok1\tgoed\t23-11-2026\twijziging=-5\nkapot\n\t\t\nook kapot\t1\n");
        let mut storage = Storage::default();
        storage.set(OLD_KEY, &text);
        storage.set(&key("vreemd"), "geen volgorde");
        let store = storage.store();
        assert_eq!(store.saved(), [s("ok1", "goed", "wijziging=-5", 0)]);
        assert_eq!(
            store.notice().as_deref(),
            Some("3 bewaarde scenario's konden niet worden gelezen en zijn overgeslagen.")
        );
        storage.edit(Edit::Add(s("n", "nieuw", "", 99))).unwrap();
        assert_eq!(storage.get(&set_aside_key("x1")), Some(text.as_str()), "the old text, whole");
        assert_eq!(storage.get(&key("vreemd")), Some("geen volgorde"), "an unreadable key is left alone");
        assert_eq!(storage.names(), ["goed", "nieuw"]);
        assert_eq!(
            storage.store().notice().as_deref(),
            Some("Eén bewaard scenario kon niet worden gelezen en is overgeslagen.")
        );
        // Not ours at all: not shown, said, and set aside on the first edit.
        for foreign_text in ["[{\"naam\":\"json van vroeger\"}]", "{\"not\": \"ours\""] {
            let mut storage = Storage::default();
            storage.set(OLD_KEY, foreign_text);
            let store = storage.store();
            assert!(store.foreign && store.saved().is_empty());
            assert!(store.notice().unwrap().contains("onbekende of oude vorm"));
            storage.edit(Edit::Add(s("n", "nieuw", "", 1))).unwrap();
            assert_eq!(storage.get(&set_aside_key("x1")), Some(foreign_text));
            assert_eq!(storage.names(), ["nieuw"]);
            assert_eq!(storage.store().notice(), None);
        }
    }

    #[test]
    fn a_repeated_id_in_the_old_text_is_set_aside_not_overwritten() {
        let text = format!("{HEADER}\nx\teen\t1\twijziging=-1\nx\ttwee\t1\twijziging=-2\n");
        let m = migration(&text);
        assert_eq!(m.writes, [(key("x"), "0\teen\t1\twijziging=-1".to_string())]);
        assert!(m.set_aside);
        let store = Store::read(&[], Some(&text));
        assert_eq!(store.saved().len(), 1, "listed as it will be moved");
        assert!(store.notice().unwrap().starts_with("Eén bewaard scenario kon niet worden gelezen"));
    }

    #[test]
    fn a_full_list_refuses_more_instead_of_dropping_the_oldest() {
        let mut storage = Storage::default();
        for i in 0..MAX_SAVED {
            storage.edit(Edit::Add(s(&format!("id{i}"), &format!("S{i}"), "", i as u64))).unwrap();
        }
        assert_eq!(storage.edit(Edit::Add(s("meer", "meer", "", 1000))), Err(SaveError::Full));
        assert_eq!(storage.store().saved().len(), MAX_SAVED);
        assert_eq!(storage.store().saved()[0].naam, "S0", "nothing old was dropped");
        let too_long = format!("{HEADER}\nbig\tbig\t1\t{}\n", "x".repeat(MAX_QUERY + 1));
        let store = Store::read(&[], Some(&too_long));
        assert!(store.saved().is_empty() && store.notice().is_some());
        // More than the limit (two tabs saving the hundredth at once): all kept, the first
        // hundred shown, and said.
        storage.set(&key("meer"), &value(&s("meer", "meer", "", 1000)));
        let store = storage.store();
        assert_eq!(store.saved().len(), MAX_SAVED);
        assert!(store.notice().unwrap().contains("Er zijn 101 scenario's bewaard"));
    }
}
