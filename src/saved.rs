//! Saved scenarios: what "Bewaar scenario" keeps in the browser's localStorage, and the
//! scenarios of a comparison link (`vergelijk=`).
//!
//! A scenario is stored as its link (the query string of the URL interface), so it is read
//! back with the same lenient, bounded decoder as any link, and old saves stay readable as
//! long as links do. The storage text is versioned lines, one scenario each:
//!
//! ```text
//! mee-frictiekosten scenario's v1
//! <naam> TAB <datum> TAB <query>
//! ```
//!
//! Storage is untrusted (another script on the same origin, a hand edit, an old version):
//! reading never fails, skips what it cannot use, and says so in Dutch.

use std::fmt::Write as _;

/// The first line of the stored text.
pub const HEADER: &str = "mee-frictiekosten scenario's v1";
/// At most this many saved scenarios; the oldest go first.
pub const MAX_SAVED: usize = 50;
/// Longest name kept.
pub const MAX_NAME: usize = 80;
/// Longest link kept (a scenario with all 408 gemeenten edited fits easily).
const MAX_QUERY: usize = 40_000;
/// At most this many scenarios in a comparison, besides the current one.
pub const MAX_COMPARED: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub naam: String,
    /// When it was saved, as the user's calendar showed it ("23-11-2026").
    pub datum: String,
    /// The link's query string, without `?`.
    pub query: String,
}

/// A name as it may be stored and shown: one line, no tabs, not empty, not too long.
pub fn clean_name(naam: &str) -> Option<String> {
    let one_line: String = naam.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let trimmed: String = one_line.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_NAME).collect();
    (!trimmed.is_empty()).then_some(trimmed)
}

/// Reads the stored text. Returns what could be read, and a Dutch notice if anything was
/// skipped or the text was not ours.
pub fn parse(text: &str) -> (Vec<Saved>, Option<String>) {
    let mut lines = text.lines();
    match lines.next() {
        None => return (Vec::new(), None),
        Some(h) if h.trim() == HEADER => {}
        Some(_) => {
            return (
                Vec::new(),
                Some(
                    "De bewaarde scenario's in deze browser hebben een onbekende of oude vorm en zijn genegeerd."
                        .into(),
                ),
            );
        }
    }
    let mut saved = Vec::new();
    let mut skipped = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let mut fields = line.splitn(3, '\t');
        let (naam, datum, query) = (fields.next(), fields.next(), fields.next());
        match (naam.and_then(clean_name), datum, query) {
            (Some(naam), Some(datum), Some(query)) if query.len() <= MAX_QUERY && saved.len() < MAX_SAVED => {
                let datum: String = datum.chars().filter(|c| !c.is_control()).take(20).collect();
                saved.push(Saved { naam, datum, query: query.trim().to_string() });
            }
            _ => skipped += 1,
        }
    }
    let notice = match skipped {
        0 => None,
        1 => Some("Eén bewaard scenario kon niet worden gelezen en is overgeslagen.".into()),
        n => Some(format!("{n} bewaarde scenario's konden niet worden gelezen en zijn overgeslagen.")),
    };
    (saved, notice)
}

/// The stored text for these scenarios (at most [`MAX_SAVED`], the newest kept).
pub fn serialize(saved: &[Saved]) -> String {
    let mut out = format!("{HEADER}\n");
    let start = saved.len().saturating_sub(MAX_SAVED);
    for s in &saved[start..] {
        let naam = clean_name(&s.naam).unwrap_or_else(|| "Scenario".into());
        let _ = writeln!(
            out,
            "{naam}\t{}\t{}",
            s.datum.replace(['\t', '\n', '\r'], " "),
            s.query.replace(['\t', '\n', '\r'], "")
        );
    }
    out
}

/// The value of `vergelijk=`: the compared scenarios' names and links, itself form-encoded.
pub fn compare_value(scenarios: &[(String, String)]) -> String {
    let mut inner = form_urlencoded::Serializer::new(String::new());
    for (naam, query) in scenarios.iter().take(MAX_COMPARED) {
        inner.append_pair(naam, query);
    }
    inner.finish()
}

/// Reads `vergelijk=`: at most [`MAX_COMPARED`] (name, query) pairs with usable names.
pub fn parse_compare(value: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(value.as_bytes())
        .filter_map(|(naam, query)| clean_name(&naam).map(|n| (n, query.into_owned())))
        .filter(|(_, q)| q.len() <= MAX_QUERY)
        .take(MAX_COMPARED)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(naam: &str, query: &str) -> Saved {
        Saved { naam: naam.into(), datum: "23-11-2026".into(), query: query.into() }
    }

    #[test]
    fn round_trips() {
        let list = vec![s("Variant 2", "mee=MEE+Groningen&wijziging=-13"), s("Niets", "wijziging=-100")];
        assert_eq!(parse(&serialize(&list)), (list, None));
        assert_eq!(parse(""), (vec![], None));
    }

    #[test]
    fn names_are_one_clean_line() {
        assert_eq!(clean_name("  Variant\t2\n(oud)  ").as_deref(), Some("Variant 2 (oud)"));
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(clean_name(&"x".repeat(200)).map(|n| n.chars().count()), Some(MAX_NAME));
    }

    #[test]
    fn garbage_and_old_formats_are_ignored_with_a_notice() {
        let (list, notice) = parse("[{\"naam\":\"json van vroeger\"}]");
        assert!(list.is_empty());
        assert!(notice.unwrap().contains("onbekende of oude vorm"));
        // A blank line (tabs only) is nothing; a line without fields is an unreadable scenario.
        let (list, notice) = parse(&format!("{HEADER}\ngoed\t23-11-2026\twijziging=-5\nkapot\n\t\t\nook kapot\t1\n"));
        assert_eq!(list, vec![s("goed", "wijziging=-5")]);
        assert_eq!(notice.as_deref(), Some("2 bewaarde scenario's konden niet worden gelezen en zijn overgeslagen."));
    }

    #[test]
    fn a_huge_store_is_cut_to_size() {
        let many: Vec<Saved> = (0..80).map(|i| s(&format!("S{i}"), "wijziging=-1")).collect();
        let (list, _) = parse(&serialize(&many));
        assert_eq!(list.len(), MAX_SAVED);
        assert_eq!(list[0].naam, "S30", "the newest are kept");
        let (list, notice) = parse(&format!("{HEADER}\nbig\t1\t{}\n", "x".repeat(MAX_QUERY + 1)));
        assert!(list.is_empty() && notice.is_some());
    }

    #[test]
    fn compare_links_nest_queries() {
        let pairs = vec![
            ("Variant 1".to_string(), "gemeente=Groningen&wijziging=-13".to_string()),
            ("B & C".to_string(), "regio=Drenthe".to_string()),
        ];
        assert_eq!(parse_compare(&compare_value(&pairs)), pairs);
        assert_eq!(parse_compare("a=1&b=2&c=3&d=4").len(), MAX_COMPARED);
        assert!(parse_compare("=x&%FF=").iter().all(|(n, _)| !n.is_empty()));
    }
}
