//! The gemeenten formed after 1 January 2013, as sets of the 2013 gemeenten of the table.
//!
//! The 2014 budget table (Bijlage 5) is drawn up on the indeling of 1 January 2013: 408
//! gemeenten. By 2015 mergers had made them 393, and today there are 342, so a person
//! from De Friese Meren or Krimpenerwaard does not find their gemeente in it. Each later
//! gemeente here is the set of 2013 gemeenten it was formed from, by area overlap of the
//! CBS/PDOK boundaries (`docs/sources/geo/BRON-herindeling.md`).
//!
//! **The rule for a 2013 gemeente split over several later ones.** The table has one budget
//! per 2013 gemeente and nothing per part of it, so a 2013 gemeente counts wholly for the
//! later gemeente that received more than half of its area, and for no other. A part that
//! went to another gemeente is named there, and does not count there. (Boarnsterhim was
//! split four ways, none more than half: it counts for none of them and is named in each.)
//! The areas are approximations of generalised boundaries (BRON-herindeling.md): a part
//! under a fifth may be a border correction or a drawing difference rather than a split.
//!
//! `public/data/herindeling-2013.tsv` holds only the later gemeenten that differ from a
//! 2013 gemeente of the same name (`tests/herindeling.rs` derives it from the source).

use rust_decimal::Decimal;

use super::{Dataset, GemeenteId, compact};
use crate::model::sort::sorted_positions;

/// The derived table, compiled in: `jaar TAB gemeente_nieuw TAB gemeente_2013 TAB aandeel`.
pub const EMBEDDED_TSV: &str = include_str!("../../../public/data/herindeling-2013.tsv");

/// The first line of the derived table.
pub const HEADER: &str = "jaar\tgemeente_nieuw\tgemeente_2013\taandeel_oppervlakte";

/// The years of the boundary maps the table was derived from.
pub const YEARS: [u16; 4] = [2014, 2015, 2016, 2025];

/// A part of a 2013 gemeente that went to another gemeente than the one it counts for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub gemeente: GemeenteId,
    /// Its share of the 2013 gemeente's area, 0–1.
    pub share: Decimal,
}

/// A later gemeente, as the 2013 gemeenten it was formed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaterGemeente {
    /// As the map of its years writes it: "De Friese Meren".
    pub naam: String,
    /// The years of the maps in which it had exactly this composition.
    pub years: Vec<u16>,
    /// The 2013 gemeenten that count for it: more than half of each went to it.
    pub gemeenten: Vec<GemeenteId>,
    /// Parts of other 2013 gemeenten that went to it and do not count here.
    pub parts_in: Vec<Part>,
    /// Parts of its own 2013 gemeenten that went elsewhere (they count here wholly).
    pub parts_out: Vec<(Part, String)>,
}

impl LaterGemeente {
    /// "2014", "2014–2016", "sinds 2014" (when it still had this composition in 2025).
    pub fn period(&self) -> String {
        match (self.years.first(), self.years.last()) {
            (Some(first), Some(&2025)) if self.years.len() > 1 => format!("sinds {first}"),
            (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
            (Some(first), _) => first.to_string(),
            _ => String::new(),
        }
    }

    /// How the search and the heading call it: "gemeente sinds 2014", "gemeente 2014–2015",
    /// "gemeente in 2025".
    pub fn label(&self) -> String {
        match self.years[..] {
            [_] => format!("gemeente in {}", self.period()),
            _ => format!("gemeente {}", self.period()),
        }
    }

    /// The first year it had this composition: what a link names (`indeling=`).
    pub fn year(&self) -> u16 {
        self.years.first().copied().unwrap_or(YEARS[0])
    }
}

/// Why the derived table could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HerindelingError(pub String);

impl std::fmt::Display for HerindelingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "herindeling table: {}", self.0)
    }
}

/// The rows of one later gemeente in one year: (year, name, 2013 gemeenten with shares).
type Group = (u16, String, Vec<(GemeenteId, Decimal)>);

/// A share as the table writes it, `0.054`: three decimals. (Read by hand: `Decimal`'s own
/// parser would add kilobytes to the first load for these few hundred numbers.)
fn thousandths(text: &str) -> Option<Decimal> {
    let (whole, part) = text.split_once('.')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(part) || part.len() != 3 || whole.len() > 1 {
        return None;
    }
    let value = whole.parse::<u64>().ok()? * 1000 + part.parse::<u64>().ok()?;
    Some(Decimal::new(i64::try_from(value).ok()?, 3))
}

/// Every later gemeente of the derived table, in the order of the table, with the 2013
/// gemeenten resolved against `data`.
pub fn parse(data: &Dataset, text: &str) -> Result<Vec<LaterGemeente>, HerindelingError> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(HerindelingError(format!("the first line must be `{HEADER}`")));
    }
    // (year, later name) → the 2013 gemeenten in it, with their shares, in table order.
    let mut groups: Vec<Group> = Vec::new();
    for (n, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [year, naam, gemeente, share] = fields[..] else {
            return Err(HerindelingError(format!("line {}: expected 4 fields", n + 2)));
        };
        let year = year
            .parse::<u64>()
            .ok()
            .and_then(|y| u16::try_from(y).ok())
            .ok_or_else(|| HerindelingError(format!("line {}: year `{year}`", n + 2)))?;
        let id = data
            .find_gemeente(&compact(gemeente))
            .ok_or_else(|| HerindelingError(format!("line {}: `{gemeente}` is not a gemeente of the table", n + 2)))?;
        let share = thousandths(share).ok_or_else(|| HerindelingError(format!("line {}: share `{share}`", n + 2)))?;
        match groups.last_mut() {
            Some((y, g, members)) if *y == year && g == naam => members.push((id, share)),
            _ => groups.push((year, naam.to_string(), vec![(id, share)])),
        }
    }
    // Where each 2013 gemeente went, per year: to count it for the one that got over half.
    let went = |year: u16, gemeente: GemeenteId| -> Vec<(String, Decimal)> {
        groups
            .iter()
            .filter(|(y, _, _)| *y == year)
            .filter_map(|(_, naam, members)| {
                members.iter().find(|(g, _)| *g == gemeente).map(|(_, s)| (naam.clone(), *s))
            })
            .collect()
    };
    let half = Decimal::new(5, 1);
    let mut later: Vec<LaterGemeente> = Vec::new();
    for (year, naam, members) in &groups {
        let gemeenten: Vec<GemeenteId> = members.iter().filter(|(_, s)| *s > half).map(|(g, _)| *g).collect();
        let parts_in: Vec<Part> =
            members.iter().filter(|(_, s)| *s <= half).map(|&(gemeente, share)| Part { gemeente, share }).collect();
        let mut parts_out = Vec::new();
        for &g in &gemeenten {
            for (elsewhere, share) in went(*year, g) {
                if elsewhere != *naam {
                    parts_out.push((Part { gemeente: g, share }, elsewhere));
                }
            }
        }
        // The same composition in another year is the same entry (the shares of its parts,
        // measured on each year's map, differ in the third decimal).
        let same =
            |a: &[Part], b: &[Part]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.gemeente == y.gemeente);
        let found = later.iter_mut().find(|l| {
            l.naam == *naam
                && l.gemeenten == gemeenten
                && same(&l.parts_in, &parts_in)
                && same(
                    &l.parts_out.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
                    &parts_out.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
                )
        });
        match found {
            Some(l) => l.years.push(*year),
            None => {
                later.push(LaterGemeente { naam: naam.clone(), years: vec![*year], gemeenten, parts_in, parts_out })
            }
        }
    }
    Ok(later)
}

/// The later gemeenten as areas to choose: one per name and set of counted 2013 gemeenten
/// (Alkmaar of 2015–2016 and of 2025 count the same three, so they are one, "sinds 2015",
/// with the parts of the newest map), with `gemeenten` in the table's (alphabetical)
/// order. A later gemeente that counts one 2013 gemeente is no area of its own: under
/// another name it is that gemeente's other name ("Hattem" for "Hatterm", "Capelle aan den
/// IJssel"), returned apart; under the same name (Leeuwarden with a part of Boarnsterhim)
/// it is that gemeente.
pub fn areas(data: &Dataset, later: Vec<LaterGemeente>) -> (Vec<LaterGemeente>, Vec<(String, GemeenteId)>) {
    let mut areas: Vec<LaterGemeente> = Vec::new();
    let mut renamed: Vec<(String, GemeenteId)> = Vec::new();
    for mut l in later {
        let order = sorted_positions(l.gemeenten.len(), &|a, b| l.gemeenten[a].cmp(&l.gemeenten[b]));
        l.gemeenten = order.into_iter().map(|i| l.gemeenten[i]).collect();
        match l.gemeenten[..] {
            [] => {}
            [one] => {
                let known = renamed.iter().any(|(n, _)| compact(n) == compact(&l.naam));
                if compact(&l.naam) != data.gemeente(one).compact && !known {
                    renamed.push((l.naam, one));
                }
            }
            _ => match areas.iter_mut().find(|a| a.naam == l.naam && a.gemeenten == l.gemeenten) {
                Some(a) => {
                    let mut years = a.years.clone();
                    years.extend(l.years.iter().filter(|y| !a.years.contains(y)));
                    let order = sorted_positions(years.len(), &|i, j| years[i].cmp(&years[j]));
                    *a = LaterGemeente { years: order.into_iter().map(|i| years[i]).collect(), ..l };
                }
                None => areas.push(l),
            },
        }
    }
    (areas, renamed)
}

/// The derived table from the source (`docs/sources/geo/herindeling.tsv`): the rows of every
/// (year, later gemeente) whose composition is not simply the 2013 gemeente of its name.
pub fn derive(source: &str) -> String {
    let rows: Vec<Vec<&str>> = source.lines().skip(1).map(|l| l.split('\t').collect()).collect();
    // Source columns: jaar, gemeente_nieuw, statcode_nieuw, gemeente_2013, statcode_2013, aandeel.
    let key = |r: &Vec<&str>| (r[0].to_string(), r[1].to_string());
    let mut keys: Vec<(String, String)> = Vec::new();
    for k in rows.iter().map(key) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let mut out = format!("{HEADER}\n");
    for (year, naam) in keys {
        let members: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == year && r[1] == naam).collect();
        let identity = members.len() == 1 && compact(members[0][3]) == compact(&naam) && members[0][5] == "1.000";
        if !identity {
            for r in members {
                out += &format!("{}\t{}\t{}\t{}\n", r[0], r[1], r[3], r[5]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::data;

    fn later(naam: &str) -> Vec<LaterGemeente> {
        parse(data(), EMBEDDED_TSV).unwrap().into_iter().filter(|l| l.naam == naam).collect()
    }

    fn names(ids: &[GemeenteId]) -> Vec<String> {
        let names: std::collections::BTreeSet<String> = ids.iter().map(|&g| data().gemeente(g).naam.clone()).collect();
        names.into_iter().collect()
    }

    #[test]
    fn de_friese_meren_is_three_gemeenten_and_a_part_that_does_not_count() {
        let dfm = later("De Friese Meren");
        assert_eq!(dfm.len(), 1, "{dfm:?}");
        assert_eq!(names(&dfm[0].gemeenten), ["Gaasterlân-Sleat", "Lemsterland", "Skarsterlân"]);
        assert_eq!(names(&dfm[0].parts_in.iter().map(|p| p.gemeente).collect::<Vec<_>>()), ["Boarnsterhim"]);
        // Renamed De Fryske Marren in 2016: the same gemeenten under its Frisian name.
        assert_eq!(dfm[0].years, [2014, 2015]);
        assert_eq!(dfm[0].period(), "2014–2015");
        let dfm2 = later("De Fryske Marren");
        assert_eq!(dfm2[0].gemeenten, dfm[0].gemeenten);
        assert_eq!(dfm2[0].period(), "sinds 2016");
    }

    #[test]
    fn a_gemeente_split_four_ways_counts_for_none() {
        for naam in ["Leeuwarden", "Heerenveen", "Súdwest-Fryslân"] {
            for l in later(naam).iter().filter(|l| l.years.contains(&2014)) {
                assert!(names(&l.gemeenten).iter().all(|n| n != "Boarnsterhim"), "{naam}: {l:?}");
                assert!(
                    names(&l.parts_in.iter().map(|p| p.gemeente).collect::<Vec<_>>()).contains(&"Boarnsterhim".into())
                );
            }
        }
    }

    #[test]
    fn one_name_with_another_composition_later_is_two_entries() {
        let alkmaar = later("Alkmaar");
        let periods: Vec<String> = alkmaar.iter().map(LaterGemeente::period).collect();
        assert!(periods.contains(&"2015–2016".to_string()), "{periods:?}");
        let merged = alkmaar.iter().find(|l| l.years.contains(&2015)).unwrap();
        assert_eq!(names(&merged.gemeenten), ["Alkmaar", "Graft-De Rijp", "Schermer"]);
    }

    #[test]
    fn every_2013_gemeente_counts_for_at_most_one_later_gemeente_per_year() {
        let all = parse(data(), EMBEDDED_TSV).unwrap();
        for year in YEARS {
            let counted: Vec<usize> = all
                .iter()
                .filter(|l| l.years.contains(&year))
                .flat_map(|l| l.gemeenten.iter().map(|g| g.index()))
                .collect();
            let distinct: std::collections::BTreeSet<usize> = counted.iter().copied().collect();
            assert_eq!(distinct.len(), counted.len(), "a 2013 gemeente counted twice in {year}");
        }
    }

    #[test]
    fn shares_are_read_as_thousandths() {
        assert_eq!(thousandths("0.054"), Some(Decimal::new(54, 3)));
        assert_eq!(thousandths("1.000"), Some(Decimal::ONE));
        for bad in ["", "1", "0.05", "0.0541", "a.000", "-0.100", "10.000", "0.+12"] {
            assert_eq!(thousandths(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_wrong_table_is_refused_with_its_line() {
        let bad = format!("{HEADER}\n2015\tX\tNergensdorp\t1.000\n");
        assert!(parse(data(), &bad).unwrap_err().0.contains("line 2"));
        assert!(parse(data(), "jaar\n").is_err());
    }
}
