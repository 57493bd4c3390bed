//! Suggestions for the one search field: gemeenten, jeugdregio's and MEE-organisaties by
//! name, ignoring case and diacritics ("sudwest" finds Súdwest Fryslân).

use crate::model::data::{ALIASES, Dataset, GemeenteId, JeugdregioId, OrganisatieId, compact, fold};
use crate::model::selection::{Kind, Selection};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub selection: Selection,
    pub naam: String,
}

impl Suggestion {
    pub fn kind(&self) -> Kind {
        self.selection.kind()
    }
}

/// How well a name matches: lower is better; `None` is no match.
fn rank(folded_name: &str, query: &str) -> Option<u8> {
    if folded_name == query {
        Some(0)
    } else if folded_name.starts_with(query) {
        Some(1)
    } else if folded_name.match_indices(query).any(|(i, _)| folded_name[..i].ends_with([' ', '-', '/', '(', '\''])) {
        Some(2)
    } else if folded_name.contains(query) {
        Some(3)
    } else {
        None
    }
}

fn kind_order(kind: Kind) -> u8 {
    match kind {
        Kind::Gemeente => 0,
        Kind::Jeugdregio => 1,
        Kind::Organisatie => 2,
        Kind::Nederland => 3,
    }
}

/// At most `limit` suggestions for what was typed, best first: exact matches, then names
/// starting with it, then names with a word starting with it, then any match; within a rank
/// gemeenten before jeugdregio's before organisaties, then alphabetically.
pub fn suggestions(data: &Dataset, query: &str, limit: usize) -> Vec<Suggestion> {
    let (query, query_compact) = (fold(query.trim()), compact(query));
    if query_compact.is_empty() {
        return Vec::new();
    }
    // Matches on the name as written first; then ignoring spaces and hyphens, ranked lower.
    let rank_of = |key: &str, key_compact: &str| {
        rank(key, &query).or_else(|| rank(key_compact, &query_compact).map(|r| r.max(2) + 1))
    };
    let candidate = |selection: Selection, naam: &str, key: &str, key_compact: &str| {
        rank_of(key, key_compact).map(|r| {
            (r, kind_order(selection.kind()), key.to_string(), Suggestion { selection, naam: naam.to_string() })
        })
    };
    let gemeenten = data
        .gemeenten
        .iter()
        .enumerate()
        .map(|(i, g)| (Selection::Gemeente(GemeenteId(i)), &g.naam, &g.key, &g.compact));
    let regios = data
        .jeugdregios
        .iter()
        .enumerate()
        .map(|(i, r)| (Selection::Jeugdregio(JeugdregioId(i)), &r.naam, &r.key, &r.compact));
    let orgs = data
        .organisaties
        .iter()
        .enumerate()
        .map(|(i, o)| (Selection::Organisatie(OrganisatieId(i)), &o.naam, &o.key, &o.compact));
    let mut found: Vec<(u8, u8, String, Suggestion)> = gemeenten
        .chain(regios)
        .chain(orgs)
        .filter_map(|(selection, naam, key, key_compact)| candidate(selection, naam, key, key_compact))
        .chain(candidate(Selection::Nederland, "Nederland", "nederland", "nederland"))
        .collect();
    // Other names: "'s-Hertogenbosch" suggests Den Bosch, saying why.
    for (alias, naam) in ALIASES {
        let Some(selection @ Selection::Gemeente(_)) = Selection::find(data, Kind::Gemeente, naam) else { continue };
        if found.iter().any(|f| f.3.selection == selection) {
            continue;
        }
        if let Some(r) = rank_of(&fold(alias), &compact(alias)) {
            found.push((r, 0, fold(naam), Suggestion { selection, naam: format!("{naam} ({alias})") }));
        }
    }
    let order = crate::model::sort::sorted_positions(found.len(), &|a, b| {
        let (a, b) = (&found[a], &found[b]);
        (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2))
    });
    order.into_iter().take(limit).map(|i| found[i].3.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        Dataset::embedded().unwrap()
    }

    fn names(query: &str) -> Vec<(String, Kind)> {
        suggestions(data(), query, 10).into_iter().map(|s| (s.naam.clone(), s.kind())).collect()
    }

    #[test]
    fn finds_other_spellings_and_names() {
        assert_eq!(names("Súdwest-Fryslân")[0].0, "Súdwest Fryslân");
        assert_eq!(names("grootegast")[0].0, "Groote gast");
        assert_eq!(names("hertogenbosch")[0], ("Den Bosch ('s-Hertogenbosch)".into(), Kind::Gemeente));
        assert_eq!(names("den bosch")[0].0, "Den Bosch", "found by its own name, no alias shown");
    }

    #[test]
    fn ignores_case_and_diacritics() {
        assert_eq!(names("sudwest")[0], ("Súdwest Fryslân".into(), Kind::Gemeente));
        assert_eq!(names("SÚDWEST FRYSLÂN")[0].0, "Súdwest Fryslân");
    }

    #[test]
    fn offers_every_kind_labelled_and_exact_matches_first() {
        let found = names("groningen");
        assert_eq!(found[0], ("Groningen".into(), Kind::Gemeente));
        assert_eq!(found[1], ("Groningen".into(), Kind::Jeugdregio));
        assert!(found.contains(&("MEE Groningen".into(), Kind::Organisatie)));
    }

    #[test]
    fn word_starts_rank_above_inner_matches() {
        let found = names("brabant");
        assert!(found.iter().all(|(n, _)| fold(n).contains("brabant")));
        let first_inner = found.iter().position(|(n, _)| !fold(n).split([' ', '-']).any(|w| w.starts_with("brabant")));
        let last_word = found.iter().rposition(|(n, _)| fold(n).split([' ', '-']).any(|w| w.starts_with("brabant")));
        if let (Some(inner), Some(word)) = (first_inner, last_word) {
            assert!(word < inner);
        }
    }

    #[test]
    fn nederland_can_be_found_and_nothing_for_nothing() {
        assert_eq!(names("nederland")[0], ("Nederland".into(), Kind::Nederland));
        assert!(names("nederl").contains(&("Nederland".into(), Kind::Nederland)));
        assert!(names("   ").is_empty());
        assert!(names(" - ").is_empty());
        assert!(names("xyzzy").is_empty());
        assert_eq!(suggestions(data(), "a", 5).len(), 5);
    }
}
