//! The 2014 budget table: 408 gemeenten, each in one jeugdregio and one MEE-organisatie.
//!
//! The table is `public/data/mee-budgetten-2014.csv`, extracted from Bijlage 5 of the
//! *Handreiking Cliëntondersteuning* (March 2014) by [`bijlage5`]. It is compiled into the
//! binary so the calculator needs no network at run time, and parsed once, at start-up.

pub mod bijlage5;
mod csv;
pub mod herindeling;
pub mod tabel3;

use std::sync::OnceLock;

use rust_decimal::Decimal;

pub use csv::{CSV_HEADER, DataError};

/// The data file, byte for byte as it is served for download.
pub const EMBEDDED_CSV: &str = include_str!("../../../public/data/mee-budgetten-2014.csv");

/// The two budget lines MEE received in 2014, which a gemeente buys separately in 2015.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Line {
    /// Cliëntondersteuning ("BUDGET MEE" in Bijlage 5).
    Co,
    /// Integrale Vroeghulp ("BUDGET IVH").
    Ivh,
}

impl Line {
    pub const ALL: [Line; 2] = [Line::Co, Line::Ivh];
}

/// An amount in euros per budget line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Amounts {
    pub co: Decimal,
    pub ivh: Decimal,
}

impl Amounts {
    pub fn new(co: Decimal, ivh: Decimal) -> Self {
        Amounts { co, ivh }
    }

    pub fn total(&self) -> Decimal {
        self.co + self.ivh
    }

    pub fn get(&self, line: Line) -> Decimal {
        match line {
            Line::Co => self.co,
            Line::Ivh => self.ivh,
        }
    }

    pub fn set(&mut self, line: Line, amount: Decimal) {
        match line {
            Line::Co => self.co = amount,
            Line::Ivh => self.ivh = amount,
        }
    }
}

impl std::ops::Add for Amounts {
    type Output = Amounts;
    fn add(self, other: Amounts) -> Amounts {
        Amounts::new(self.co + other.co, self.ivh + other.ivh)
    }
}

impl std::iter::Sum for Amounts {
    fn sum<I: Iterator<Item = Amounts>>(iter: I) -> Amounts {
        iter.fold(Amounts::default(), |a, b| a + b)
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub usize);

        impl $name {
            pub fn index(self) -> usize {
                self.0
            }
        }
    };
}

id_type!(
    /// Index of a gemeente in [`Dataset::gemeenten`].
    GemeenteId
);
id_type!(
    /// Index of a jeugdregio in [`Dataset::jeugdregios`].
    JeugdregioId
);
id_type!(
    /// Index of a MEE-organisatie in [`Dataset::organisaties`].
    OrganisatieId
);
id_type!(
    /// Index of a gemeente formed after 2013 in [`Dataset::later`].
    LaterId
);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gemeente {
    pub naam: String,
    /// `fold(naam)`, computed once: names are matched on every keystroke and link.
    pub key: String,
    /// `compact(naam)`: for matching that ignores spaces, hyphens and punctuation.
    pub compact: String,
    pub jeugdregio: JeugdregioId,
    pub organisatie: OrganisatieId,
    pub budget_2014: Amounts,
}

/// A named set of gemeenten: a jeugdregio or a MEE-organisatie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub naam: String,
    /// `fold(naam)`, computed once.
    pub key: String,
    /// `compact(naam)`, computed once.
    pub compact: String,
    /// In the order of [`Dataset::gemeenten`] (alphabetical).
    pub gemeenten: Vec<GemeenteId>,
}

/// The whole 2014 table with its two groupings.
///
/// Invariants (checked by [`Dataset::parse_csv`] and the data tests): every gemeente is in
/// exactly one jeugdregio and one organisatie; groups are sorted by name and never empty;
/// gemeenten are sorted by `key`, and keys are unique (so names are unique ignoring case
/// and diacritics).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub gemeenten: Vec<Gemeente>,
    pub jeugdregios: Vec<Group>,
    pub organisaties: Vec<Group>,
    /// Every name a gemeente is found by, as `compact` text, sorted for binary search: its
    /// own, its other names ([`ALIASES`]) and, where unambiguous, its name without the
    /// qualifier Bijlage 5 adds. Built once, so a link naming hundreds of gemeenten is
    /// read in linear time.
    names: Vec<(String, GemeenteId)>,
    /// Other names a gemeente is suggested by, as written: the official name where Bijlage 5
    /// uses the common one ([`ALIASES`]), "aan den" for "a/d", and the names of later
    /// gemeenten that are only this gemeente under another name ([`herindeling::areas`]).
    /// Matched below the own names of all gemeenten, so "Alphen aan den Rijn" means the
    /// gemeente of that name formed in 2014 before it means the Alphen a/d Rijn of 2013.
    pub other_names: Vec<(String, GemeenteId)>,
    /// The gemeenten formed after 1 January 2013 from more than one 2013 gemeente, each as
    /// the set of them ([`herindeling`]); empty for a table other than the embedded one.
    pub later: Vec<herindeling::LaterGemeente>,
}

/// Other names of gemeenten in Bijlage 5: the official name where Bijlage 5 uses the
/// common one, or spells it differently.
pub const ALIASES: [(&str, &str); 3] =
    [("'s-Hertogenbosch", "Den Bosch"), ("'s-Gravenhage", "Den Haag"), ("Grootegast", "Groote gast")];

/// Common other forms of a name: both sides of [`ALIASES`], and "a/d" written out as
/// "aan den" or "aan de" (and back): "Alphen aan den Rijn" for "Alphen a/d Rijn".
pub fn short_forms(naam: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let wanted = compact(naam);
    for (official, common) in ALIASES {
        if wanted == compact(official) {
            forms.push(common.to_string());
        } else if wanted == compact(common) {
            forms.push(official.to_string());
        }
    }
    for long in [" aan den ", " aan de "] {
        if naam.contains(long) {
            forms.push(naam.replace(long, " a/d "));
        } else if naam.contains(" a/d ") {
            forms.push(naam.replace(" a/d ", long));
        }
    }
    forms
}

/// A name without the qualifier Bijlage 5 adds to tell gemeenten apart: "Hengelo (O.)".
pub fn without_qualifier(naam: &str) -> &str {
    naam.split(" (").next().unwrap_or(naam)
}

impl Dataset {
    /// The table compiled into this binary, parsed on first use.
    pub fn embedded() -> Result<&'static Dataset, &'static DataError> {
        static DATA: OnceLock<Result<Dataset, DataError>> = OnceLock::new();
        DATA.get_or_init(|| Dataset::parse_csv(EMBEDDED_CSV)?.with_later(herindeling::EMBEDDED_TSV)).as_ref()
    }

    /// Parses the CSV format of `public/data/mee-budgetten-2014.csv`.
    pub fn parse_csv(text: &str) -> Result<Dataset, DataError> {
        csv::parse(text)
    }

    /// The table from its parts, with the name index built.
    fn new(gemeenten: Vec<Gemeente>, jeugdregios: Vec<Group>, organisaties: Vec<Group>) -> Dataset {
        let mut names: Vec<(String, GemeenteId)> =
            gemeenten.iter().enumerate().map(|(i, g)| (g.compact.clone(), GemeenteId(i))).collect();
        let own = |wanted: &str| gemeenten.iter().position(|g| g.compact == wanted).map(GemeenteId);
        for (alias, naam) in ALIASES {
            if let Some(id) = own(&compact(naam)) {
                names.push((compact(alias), id));
            }
        }
        // "Hengelo" for "Hengelo (O.)", but not "Bergen" (Bergen (L.) and Bergen (NH.)).
        let unqualified: Vec<(String, GemeenteId)> = gemeenten
            .iter()
            .enumerate()
            .filter(|(_, g)| without_qualifier(&g.naam) != g.naam)
            .map(|(i, g)| (compact(without_qualifier(&g.naam)), GemeenteId(i)))
            .collect();
        for (name, id) in &unqualified {
            let ambiguous = unqualified.iter().filter(|(other, _)| other == name).count() > 1;
            if !ambiguous && own(name).is_none() {
                names.push((name.clone(), *id));
            }
        }
        let order = crate::model::sort::sorted_positions(names.len(), &|a, b| names[a].0.cmp(&names[b].0));
        let names = order.into_iter().map(|i| names[i].clone()).collect();
        let other_names = gemeenten
            .iter()
            .enumerate()
            .flat_map(|(i, g)| short_forms(&g.naam).into_iter().map(move |form| (form, GemeenteId(i))))
            .collect();
        Dataset { gemeenten, jeugdregios, organisaties, names, other_names, later: Vec::new() }
    }

    /// The gemeenten formed after 2013 (`herindeling-2013.tsv`), read against this table.
    fn with_later(mut self, tsv: &str) -> Result<Dataset, DataError> {
        let later = herindeling::parse(&self, tsv).map_err(|e| DataError { line: 0, message: e.to_string() })?;
        let (areas, renamed) = herindeling::areas(&self, later);
        for (naam, g) in renamed {
            if !self.other_names.iter().any(|(other, _)| compact(other) == compact(&naam)) {
                self.other_names.push((naam, g));
            }
        }
        self.later = areas;
        Ok(self)
    }

    pub fn later(&self, id: LaterId) -> &herindeling::LaterGemeente {
        &self.later[id.index()]
    }

    pub fn later_ids(&self) -> impl Iterator<Item = LaterId> + '_ {
        (0..self.later.len()).map(LaterId)
    }

    /// The gemeente with this `compact` name: its own, one of its other names, or its name
    /// without the qualifier Bijlage 5 adds where that is unambiguous.
    pub fn find_gemeente(&self, compact_name: &str) -> Option<GemeenteId> {
        self.names.binary_search_by(|(name, _)| name.as_str().cmp(compact_name)).ok().map(|i| self.names[i].1)
    }

    pub fn gemeente(&self, id: GemeenteId) -> &Gemeente {
        &self.gemeenten[id.index()]
    }

    pub fn jeugdregio(&self, id: JeugdregioId) -> &Group {
        &self.jeugdregios[id.index()]
    }

    pub fn organisatie(&self, id: OrganisatieId) -> &Group {
        &self.organisaties[id.index()]
    }

    pub fn gemeente_ids(&self) -> impl Iterator<Item = GemeenteId> + '_ {
        (0..self.gemeenten.len()).map(GemeenteId)
    }

    pub fn organisatie_ids(&self) -> impl Iterator<Item = OrganisatieId> + '_ {
        (0..self.organisaties.len()).map(OrganisatieId)
    }

    pub fn jeugdregio_ids(&self) -> impl Iterator<Item = JeugdregioId> + '_ {
        (0..self.jeugdregios.len()).map(JeugdregioId)
    }

    /// The 2014 budget of all of Nederland.
    pub fn total_2014(&self) -> Amounts {
        self.gemeenten.iter().map(|g| g.budget_2014).sum()
    }
}

/// The key by which names are sorted and matched: lower case, diacritics removed,
/// so that "sudwest" finds "Súdwest Fryslân" and "het Bildt" sorts under H.
///
/// Covers the Latin letters Dutch names use; other characters are kept as they are. (Full
/// Unicode case folding would add its tables, tens of kilobytes, to the wasm.)
pub fn fold(name: &str) -> String {
    name.chars().map(fold_char).collect()
}

/// `fold` with only letters and digits kept: "Súdwest-Fryslân", "sudwest fryslan" and
/// "SudwestFryslan" are the same name, and so are "Grootegast" and "Groote gast".
pub fn compact(name: &str) -> String {
    name.chars().map(fold_char).filter(char::is_ascii_alphanumeric).collect()
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_and_diacritics() {
        assert_eq!(fold("Súdwest Fryslân"), "sudwest fryslan");
        assert_eq!(fold("Gaasterlân-Sleat"), "gaasterlan-sleat");
        assert_eq!(fold("ÉÉN"), "een");
    }

    #[test]
    fn compact_ignores_spaces_hyphens_and_punctuation() {
        assert_eq!(compact("Súdwest-Fryslân"), compact("sudwest fryslan"));
        assert_eq!(compact("'s-Hertogenbosch"), "shertogenbosch");
        assert_eq!(compact("Hengelo (O.)"), "hengeloo");
    }

    #[test]
    fn amounts_sum_per_line() {
        let a = Amounts::new(Decimal::from(3), Decimal::from(1));
        let b = Amounts::new(Decimal::from(4), Decimal::from(2));
        assert_eq!([a, b].into_iter().sum::<Amounts>(), Amounts::new(7.into(), 3.into()));
        assert_eq!((a + b).total(), Decimal::from(10));
    }
}
