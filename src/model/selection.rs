//! What the calculator is looking at: one gemeente, one jeugdregio, one MEE-organisatie,
//! a gemeente formed after 2013 (as the 2013 gemeenten it was formed from), or all of
//! Nederland (docs/model.md §2).

use crate::model::data::{Dataset, GemeenteId, Group, JeugdregioId, LaterId, OrganisatieId, compact};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Selection {
    #[default]
    Nederland,
    Gemeente(GemeenteId),
    Jeugdregio(JeugdregioId),
    Organisatie(OrganisatieId),
    /// A gemeente formed after 1 January 2013: the 2013 gemeenten that count for it
    /// (`model::data::herindeling`). Its kind is [`Kind::Gemeente`].
    Later(LaterId),
}

/// The four kinds of selection, with their Dutch names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Nederland,
    Gemeente,
    Jeugdregio,
    Organisatie,
}

impl Kind {
    /// Dutch, at the start of a sentence: "Gemeente", "MEE-organisatie".
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Nederland => "Heel Nederland",
            Kind::Gemeente => "Gemeente",
            Kind::Jeugdregio => "Jeugdregio",
            Kind::Organisatie => "MEE-organisatie",
        }
    }

    /// Dutch, lower case, as in a sentence: "gemeente", "MEE-organisatie".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Nederland => "heel Nederland",
            Kind::Gemeente => "gemeente",
            Kind::Jeugdregio => "jeugdregio",
            Kind::Organisatie => "MEE-organisatie",
        }
    }
}

impl Selection {
    pub fn kind(self) -> Kind {
        match self {
            Selection::Nederland => Kind::Nederland,
            Selection::Gemeente(_) | Selection::Later(_) => Kind::Gemeente,
            Selection::Jeugdregio(_) => Kind::Jeugdregio,
            Selection::Organisatie(_) => Kind::Organisatie,
        }
    }

    pub fn naam(self, data: &Dataset) -> &str {
        match self {
            Selection::Nederland => "Nederland",
            Selection::Gemeente(g) => &data.gemeente(g).naam,
            Selection::Jeugdregio(r) => &data.jeugdregio(r).naam,
            Selection::Organisatie(o) => &data.organisatie(o).naam,
            Selection::Later(l) => &data.later(l).naam,
        }
    }

    /// What it is, lower case, as in "Groningen (gemeente)": its kind, and for a gemeente
    /// formed after 2013 when ("gemeente sinds 2014").
    pub fn label(self, data: &Dataset) -> String {
        match self {
            Selection::Later(l) => data.later(l).label(),
            other => other.kind().label().to_string(),
        }
    }

    /// "Groningen (gemeente)", "De Friese Meren (gemeente 2014–2015)"; "heel Nederland".
    pub fn described(self, data: &Dataset) -> String {
        match self {
            Selection::Nederland => Kind::Nederland.label().to_string(),
            other => format!("{} ({})", other.naam(data), other.label(data)),
        }
    }

    /// The gemeenten in the selection, in alphabetical order.
    pub fn gemeenten(self, data: &Dataset) -> Vec<GemeenteId> {
        match self {
            Selection::Nederland => data.gemeente_ids().collect(),
            Selection::Gemeente(g) => vec![g],
            Selection::Jeugdregio(r) => data.jeugdregio(r).gemeenten.clone(),
            Selection::Organisatie(o) => data.organisatie(o).gemeenten.clone(),
            Selection::Later(l) => data.later(l).gemeenten.clone(),
        }
    }

    pub fn contains(self, data: &Dataset, g: GemeenteId) -> bool {
        match self {
            Selection::Nederland => true,
            Selection::Gemeente(only) => only == g,
            Selection::Jeugdregio(r) => data.gemeente(g).jeugdregio == r,
            Selection::Organisatie(o) => data.gemeente(g).organisatie == o,
            Selection::Later(l) => data.later(l).gemeenten.binary_search(&g).is_ok(),
        }
    }

    /// The MEE-organisaties active in the selection, in alphabetical order. A jeugdregio
    /// may span several (West-Brabant-Oost: MEE Plus and MEE West-Brabant).
    pub fn organisaties(self, data: &Dataset) -> Vec<OrganisatieId> {
        let mut present = vec![false; data.organisaties.len()];
        for g in self.gemeenten(data) {
            present[data.gemeente(g).organisatie.index()] = true;
        }
        data.organisatie_ids().filter(|o| present[o.index()]).collect()
    }

    /// Finds a selection of the given kind by name, ignoring case, diacritics, spaces,
    /// hyphens and punctuation. A gemeente is also found by a known other name
    /// ('s-Hertogenbosch for Den Bosch), and without the qualifier Bijlage 5 adds to some
    /// names (Hengelo for Hengelo (O.)) when that is unambiguous.
    pub fn find(data: &Dataset, kind: Kind, naam: &str) -> Option<Selection> {
        let wanted = compact(naam);
        if wanted.is_empty() {
            return None;
        }
        let in_groups = |groups: &[Group]| groups.iter().position(|r| r.compact == wanted);
        match kind {
            Kind::Nederland => Some(Selection::Nederland),
            Kind::Gemeente => data.find_gemeente(&wanted).map(Selection::Gemeente),
            Kind::Jeugdregio => in_groups(&data.jeugdregios).map(|i| Selection::Jeugdregio(JeugdregioId(i))),
            Kind::Organisatie => in_groups(&data.organisaties).map(|i| Selection::Organisatie(OrganisatieId(i))),
        }
    }
}
