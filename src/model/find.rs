//! Finding an area by name, the same way wherever a name is given: the search field's
//! suggestions (`view::search`) and the names in a link (`text::url`). Ignores case and
//! diacritics ("sudwest" finds Súdwest Fryslân), spaces and hyphens, knows other names
//! ('s-Hertogenbosch), and forgives one typo from four letters on.

use crate::model::data::{Dataset, GemeenteId, JeugdregioId, LaterId, OrganisatieId, compact, fold, short_forms};
use crate::model::selection::{Kind, Selection};

/// An area whose name matches what was given, with the name to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub selection: Selection,
    pub naam: String,
}

impl Match {
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

/// Whether `a` becomes `b` by at most one edit: a letter changed, added or left out, or
/// two neighbours swapped. Names are compared in their `compact` form (ASCII).
pub(crate) fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() && a[i] == b[j] {
        i += 1;
        j += 1;
    }
    let (rest_a, rest_b) = (&a[i..], &b[j..]);
    match (rest_a.len(), rest_b.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            rest_a[1..] == rest_b[1..]
                || (x >= 2 && rest_a[0] == rest_b[1] && rest_a[1] == rest_b[0] && rest_a[2..] == rest_b[2..])
        }
        (x, y) if x == y + 1 => rest_a[1..] == *rest_b,
        (x, y) if y == x + 1 => *rest_a == rest_b[1..],
        _ => false,
    }
}

/// Typos are forgiven from this many letters on: shorter queries match too much.
const TYPO_FROM: usize = 4;

/// How near a name is to what was typed, one typo away: `Some(0)` for the whole name
/// ("asen" for Assen), `Some(1)` for its beginning or a word's ("utrect" for Utrechtse
/// Heuvelrug); `None` otherwise.
fn near(folded_name: &str, query_compact: &str) -> Option<u8> {
    if within_one_edit(query_compact.as_bytes(), compact(folded_name).as_bytes()) {
        return Some(0);
    }
    let q = query_compact.as_bytes();
    let starts = std::iter::once(0)
        .chain(folded_name.match_indices([' ', '-', '/', '(', '\'']).map(|(i, _)| i + 1))
        .filter(|&i| i < folded_name.len());
    let prefix = starts.into_iter().any(|i| {
        let word = compact(&folded_name[i..]);
        let w = word.as_bytes();
        [q.len().saturating_sub(1), q.len(), q.len() + 1]
            .into_iter()
            .any(|len| len <= w.len() && within_one_edit(q, &w[..len]))
    });
    prefix.then_some(1)
}

fn kind_order(kind: Kind) -> u8 {
    match kind {
        Kind::Gemeente => 0,
        Kind::Jeugdregio => 1,
        Kind::Organisatie => 2,
        Kind::Nederland => 3,
    }
}

/// At most `limit` areas matching what was typed, best first, with their rank (lower is
/// better): exact matches, then names
/// starting with it, then names with a word starting with it, then any match; within a rank
/// gemeenten before jeugdregio's before organisaties, then alphabetically.
pub fn ranked(data: &Dataset, query: &str, limit: usize) -> Vec<(u8, Match)> {
    let (query, query_compact) = (fold(query.trim()), compact(query));
    if query_compact.is_empty() {
        return Vec::new();
    }
    // Matches on the name as written first; then ignoring spaces and hyphens, ranked lower.
    let forgiving = query_compact.len() >= TYPO_FROM;
    // Ignoring spaces and hyphens, a match at a word's start ranks just below the name as
    // written; one typo at a word's start ranks above a match that runs across two words
    // ("asen" means Assen sooner than "West Maas en Waal"); a typo of the whole name ranks
    // above one of a name's beginning.
    let rank_of = |key: &str, key_compact: &str| {
        rank(key, &query)
            .or_else(|| rank(key_compact, &query_compact).filter(|&r| r <= 2).map(|_| 3))
            .or_else(|| near(key, &query_compact).filter(|_| forgiving).map(|n| 4 + n))
            .or_else(|| rank(key_compact, &query_compact).map(|_| 6))
    };
    // Sorted by (rank, found by another name, kind, key): a name's own match first.
    let candidate = |selection: Selection, naam: &str, key: &str, key_compact: &str| {
        rank_of(key, key_compact).map(|r| {
            (r, false, kind_order(selection.kind()), key.to_string(), Match { selection, naam: naam.to_string() })
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
    let mut found: Vec<(u8, bool, u8, String, Match)> = gemeenten
        .chain(regios)
        .chain(orgs)
        .filter_map(|(selection, naam, key, key_compact)| candidate(selection, naam, key, key_compact))
        .chain(candidate(Selection::Nederland, "Nederland", "nederland", "nederland"))
        .collect();
    // Gemeenten formed after 2013; one with the name of a 2013 gemeente (however written:
    // Súdwest-Fryslân) is matched as that name and listed just after it.
    for id in data.later_ids() {
        let l = data.later(id);
        let namesake = data.gemeenten.iter().find(|g| g.compact == compact(&l.naam));
        let (key, key_compact) =
            namesake.map_or_else(|| (fold(&l.naam), compact(&l.naam)), |g| (g.key.clone(), g.compact.clone()));
        if let Some((r, via, kind, _, m)) = candidate(Selection::Later(id), &l.naam, &key, &key_compact) {
            found.push((r, via, kind, format!("{key}\u{1}{}", l.year()), m));
        }
    }
    // Other names: "'s-Hertogenbosch" suggests Den Bosch, "Den Bosch" the 's-Hertogenbosch
    // of 2015, saying why; below the areas found by their own name.
    let others = data.other_names.iter().map(|(other, g)| (other.clone(), Selection::Gemeente(*g)));
    let later_others = data
        .later_ids()
        .flat_map(|id| short_forms(&data.later(id).naam).into_iter().map(move |other| (other, Selection::Later(id))));
    for (other, selection) in others.chain(later_others) {
        let Some(r) = rank_of(&fold(&other), &compact(&other)) else { continue };
        // Found by its own name at least as well ("Den Bosch"), or not as well ("Hattem" is
        // one typo from "Hatterm", but its name today).
        match found.iter().position(|f| f.4.selection == selection) {
            Some(i) if found[i].0 <= r => continue,
            Some(i) => drop(found.swap_remove(i)),
            None => {}
        }
        let naam = selection.naam(data);
        found.push((r, true, 0, fold(naam), Match { selection, naam: format!("{naam} ({other})") }));
    }
    let order = crate::model::sort::sorted_positions(found.len(), &|a, b| {
        let (a, b) = (&found[a], &found[b]);
        (a.0, a.1, a.2, &a.3).cmp(&(b.0, b.1, b.2, &b.3))
    });
    order.into_iter().take(limit).map(|i| (found[i].0, found[i].4.clone())).collect()
}

/// At most `limit` areas matching what was typed, best first: exact matches, then names
/// starting with it, then names with a word starting with it, then one typo away, then any
/// match; within a rank gemeenten before jeugdregio's before organisaties, then by name.
pub fn matches(data: &Dataset, query: &str, limit: usize) -> Vec<Match> {
    ranked(data, query, limit).into_iter().map(|(_, m)| m).collect()
}

/// How a name given for an area of a known kind (a link's `mee=Drenthe`) was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The name is the area's own (or a known other name).
    Exact(Selection),
    /// The one area of that kind the name can mean: "Drenthe" for MEE Drenthe, a beginning,
    /// one typo. Said, so that nobody is surprised.
    Read(Selection),
    /// Several areas fit equally well: these names.
    Ambiguous(Vec<String>),
    Unknown,
}

/// The gemeente formed after 2013 of this name (ignoring case, accents, spaces and
/// hyphens): in the indeling of `year` (the one with that year among its years, else the
/// newest before it), or without a year the newest.
pub fn later_named(data: &Dataset, naam: &str, year: Option<u16>) -> Option<LaterId> {
    let wanted = compact(naam);
    let named = data.later_ids().filter(|&id| compact(&data.later(id).naam) == wanted);
    let last = |id: LaterId| data.later(id).years.last().copied().unwrap_or(0);
    match year {
        None => named.max_by_key(|&id| last(id)),
        Some(y) => {
            let named: Vec<LaterId> = named.collect();
            let exact = named.iter().copied().find(|&id| data.later(id).years.contains(&y));
            exact.or_else(|| named.into_iter().filter(|&id| data.later(id).year() <= y).max_by_key(|&id| last(id)))
        }
    }
}

/// What `naam` means as an area of `kind`, as the search field would find it. A gemeente
/// is first one of 2013 by its name (or a name it always had in links: 's-Hertogenbosch for
/// Den Bosch), then a gemeente formed later (the newest of that name), then a 2013
/// gemeente by another name ("Alphen aan de Rijn"), then as the search finds it.
pub fn resolve(data: &Dataset, kind: Kind, naam: &str) -> Resolution {
    if let Some(selection) = Selection::find(data, kind, naam) {
        return Resolution::Exact(selection);
    }
    if kind == Kind::Gemeente {
        if let Some(id) = later_named(data, naam, None) {
            return Resolution::Exact(Selection::Later(id));
        }
        let wanted = compact(naam);
        if let Some((_, g)) = data.other_names.iter().find(|(other, _)| compact(other) == wanted) {
            return Resolution::Exact(Selection::Gemeente(*g));
        }
    }
    let of_kind: Vec<(u8, Match)> =
        ranked(data, naam, usize::MAX).into_iter().filter(|(_, m)| m.kind() == kind).collect();
    let Some(best) = of_kind.first().map(|(r, _)| *r) else { return Resolution::Unknown };
    let mut fitting: Vec<&Match> = of_kind.iter().filter(|(r, _)| *r == best).map(|(_, m)| m).collect();
    fitting.dedup_by_key(|m| m.selection);
    // Groningen of 2013 and the Groningen formed later fit alike: the name is read as if
    // it were given exactly.
    let named = |m: &Match| compact(m.selection.naam(data));
    if fitting.len() > 1
        && fitting.iter().all(|m| named(m) == named(fitting[0]))
        && let Resolution::Exact(selection) = resolve(data, kind, fitting[0].selection.naam(data))
    {
        return Resolution::Read(selection);
    }
    match fitting[..] {
        [only] => Resolution::Read(only.selection),
        _ => Resolution::Ambiguous(fitting.iter().map(|m| m.naam.clone()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::data;

    fn names(query: &str) -> Vec<(String, Kind)> {
        matches(data(), query, 10).into_iter().map(|s| (s.naam.clone(), s.kind())).collect()
    }

    #[test]
    fn a_link_name_is_read_as_the_search_reads_it() {
        let read = |kind, naam| match resolve(data(), kind, naam) {
            Resolution::Exact(s) | Resolution::Read(s) => Some(s.naam(data()).to_string()),
            _ => None,
        };
        assert_eq!(read(Kind::Organisatie, "Drenthe").as_deref(), Some("MEE Drenthe"));
        assert_eq!(read(Kind::Organisatie, "friesland").as_deref(), Some("MEE Friesland"));
        assert_eq!(read(Kind::Gemeente, "Gronignen").as_deref(), Some("Groningen"));
        assert!(matches!(resolve(data(), Kind::Organisatie, "MEE Drenthe"), Resolution::Exact(_)));
        assert!(matches!(resolve(data(), Kind::Gemeente, "Atlantis"), Resolution::Unknown));
        assert!(matches!(resolve(data(), Kind::Gemeente, "Berg"), Resolution::Ambiguous(_)));
    }

    #[test]
    fn finds_other_spellings_and_names() {
        assert_eq!(names("Súdwest-Fryslân")[0].0, "Súdwest Fryslân");
        assert_eq!(names("grootegast")[0].0, "Groote gast");
        // Today's 's-Hertogenbosch (with Maasdonk) by its own name, then Den Bosch of 2013.
        assert_eq!(names("hertogenbosch")[0], ("'s-Hertogenbosch".into(), Kind::Gemeente));
        assert_eq!(names("hertogenbosch")[1], ("Den Bosch ('s-Hertogenbosch)".into(), Kind::Gemeente));
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
        let later = matches(data(), "groningen", 3)[1].selection;
        assert_eq!((later.naam(data()), later.label(data()).as_str()), ("Groningen", "gemeente in 2025"));
        assert_eq!(found[2], ("Groningen".into(), Kind::Jeugdregio));
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
    fn a_typo_in_a_name_of_four_letters_or_more_is_forgiven() {
        assert_eq!(names("asen")[0], ("Assen".into(), Kind::Gemeente), "a letter left out");
        assert_eq!(names("asssen")[0].0, "Assen", "a letter added");
        assert_eq!(names("asden")[0].0, "Assen", "a letter changed");
        assert_eq!(names("gronignen")[0].0, "Groningen", "two letters swapped");
        assert_eq!(names("fryslan sudwst").len(), 0, "not two typos");
        assert!(names("ase").iter().all(|(n, _)| compact(n).contains("ase")), "three letters: no typos");
        assert!(names("utrect").iter().any(|(n, _)| n == "Utrecht"));
        assert!(names("groningen").iter().position(|(n, _)| n == "Groningen") < Some(3), "exact matches stay first");
    }

    #[test]
    fn nederland_can_be_found_and_nothing_for_nothing() {
        assert_eq!(names("nederland")[0], ("Nederland".into(), Kind::Nederland));
        assert!(names("nederl").contains(&("Nederland".into(), Kind::Nederland)));
        assert!(names("   ").is_empty());
        assert!(names(" - ").is_empty());
        assert!(names("xyzzy").is_empty());
        assert_eq!(matches(data(), "a", 5).len(), 5);
    }
}
