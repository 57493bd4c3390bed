//! The parameter names of the link: one table, read by both the decoder and the encoder.

use std::fmt;

use crate::model::data::Line;
use crate::model::params::ParamKey;
use crate::model::selection::Kind;

/// A parameter of the link (README, "Links: the URL interface").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Gemeente,
    Regio,
    Mee,
    /// With `gemeente=`: the year of the indeling its name is meant in, for a gemeente
    /// formed after 2013 whose name alone means another area (`gemeente=Alkmaar&indeling=2015`).
    Indeling,
    LandelijkWijziging,
    LandelijkInkoop,
    LandelijkIvhWijziging,
    LandelijkIvh,
    Wijziging,
    Inkoop,
    IvhWijziging,
    Ivh,
    Gemeenten,
    Pad2016,
    Pad2017,
    Pad2018,
    Param(ParamKey),
    DoelOngedekt,
    Vergelijk,
    Onvolledig,
    Embed,
    Kaart,
    /// The origin of the page that embeds the calculator (`text::url::host`).
    Host,
    // What the page shows (`super::weergave`).
    KaartMaat,
    KaartSchaal,
    KaartKies,
    Bedragen,
    Sorteer,
    Filter,
    Groep,
    SorteerMee,
    Open,
    Dicht,
}

/// Every key but the parameters (whose names live in their `ParamSpec`), in the order the
/// encoder writes them.
const TABLE: [(Key, &str); 32] = [
    (Key::Gemeente, "gemeente"),
    (Key::Regio, "regio"),
    (Key::Mee, "mee"),
    (Key::Indeling, "indeling"),
    (Key::LandelijkWijziging, "landelijk_wijziging"),
    (Key::LandelijkInkoop, "landelijk_inkoop"),
    (Key::LandelijkIvhWijziging, "landelijk_ivh_wijziging"),
    (Key::LandelijkIvh, "landelijk_ivh"),
    (Key::Wijziging, "wijziging"),
    (Key::Inkoop, "inkoop"),
    (Key::IvhWijziging, "ivh_wijziging"),
    (Key::Ivh, "ivh"),
    (Key::Gemeenten, "gemeenten"),
    (Key::Pad2016, "pad_2016"),
    (Key::Pad2017, "pad_2017"),
    (Key::Pad2018, "pad_2018"),
    (Key::DoelOngedekt, "doel_ongedekt"),
    (Key::Vergelijk, "vergelijk"),
    (Key::Onvolledig, "onvolledig"),
    (Key::Embed, "embed"),
    (Key::Kaart, "kaart"),
    (Key::Host, "host"),
    (Key::KaartMaat, "kaart_maat"),
    (Key::KaartSchaal, "kaart_schaal"),
    (Key::KaartKies, "kaart_kies"),
    (Key::Bedragen, "bedragen"),
    (Key::Sorteer, "sorteer"),
    (Key::Filter, "filter"),
    (Key::Groep, "groep"),
    (Key::SorteerMee, "sorteer_mee"),
    (Key::Open, "open"),
    (Key::Dicht, "dicht"),
];

/// How many distinct keys there are: a slot each in the decoder.
pub const COUNT: usize = TABLE.len() + ParamKey::ALL.len();

impl Key {
    pub const AREAS: [Key; 3] = [Key::Gemeente, Key::Regio, Key::Mee];
    pub const PAD: [Key; 3] = [Key::Pad2016, Key::Pad2017, Key::Pad2018];
    /// What the page shows, in the order the encoder writes them.
    pub const WEERGAVE: [Key; 10] = [
        Key::KaartMaat,
        Key::KaartSchaal,
        Key::KaartKies,
        Key::Bedragen,
        Key::Sorteer,
        Key::Filter,
        Key::Groep,
        Key::SorteerMee,
        Key::Open,
        Key::Dicht,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Key::Param(p) => p.spec().url_name,
            other => TABLE.iter().find(|(k, _)| *k == other).map_or("", |(_, n)| n),
        }
    }

    pub fn from_name(name: &str) -> Option<Key> {
        TABLE
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(k, _)| *k)
            .or_else(|| ParamKey::from_url_name(name).map(Key::Param))
    }

    /// A dense index, for a slot per key.
    pub fn slot(self) -> usize {
        match self {
            Key::Param(p) => TABLE.len() + p as usize,
            other => TABLE.iter().position(|(k, _)| *k == other).unwrap_or(0),
        }
    }

    /// The kind of area an area key chooses.
    pub fn area_kind(self) -> Option<Kind> {
        match self {
            Key::Gemeente => Some(Kind::Gemeente),
            Key::Regio => Some(Kind::Jeugdregio),
            Key::Mee => Some(Kind::Organisatie),
            _ => None,
        }
    }

    /// The key that chooses an area of this kind (none for Nederland).
    pub fn for_area(kind: Kind) -> Option<Key> {
        Key::AREAS.into_iter().find(|k| k.area_kind() == Some(kind))
    }

    /// The area's change of a line as a percentage.
    pub fn percent(line: Line) -> Key {
        match line {
            Line::Co => Key::Wijziging,
            Line::Ivh => Key::IvhWijziging,
        }
    }

    /// The area's change of a line as a total in euros.
    pub fn amount(line: Line) -> Key {
        match line {
            Line::Co => Key::Inkoop,
            Line::Ivh => Key::Ivh,
        }
    }

    /// The percentage of a line for all of Nederland.
    pub fn landelijk_percent(line: Line) -> Key {
        match line {
            Line::Co => Key::LandelijkWijziging,
            Line::Ivh => Key::LandelijkIvhWijziging,
        }
    }

    /// The total of a line for all of Nederland, divided pro rata.
    pub fn landelijk_amount(line: Line) -> Key {
        match line {
            Line::Co => Key::LandelijkInkoop,
            Line::Ivh => Key::LandelijkIvh,
        }
    }

    /// The words of a view key, in the order of the values they name (`as usize`; for
    /// `kaart_kies`: gemeente, jeugdregio, organisatie).
    pub(super) fn words(self) -> &'static [&'static str] {
        match self {
            Key::KaartMaat => &["omzetdaling", "frictiekosten", "ongedekt", "fte_verlies"],
            Key::KaartSchaal => &["bedrag", "aandeel"],
            // As the area keys name them (`regio=`, `mee=`).
            Key::KaartKies => &["gemeente", "regio", "mee"],
            Key::Bedragen => &["co", "ivh"],
            Key::Sorteer => &[
                "gemeente",
                "budget_2014",
                "inkoop_2015",
                "wijziging",
                "frictiekosten",
                "frictiekosten_pct",
                "fte_verlies",
            ],
            Key::SorteerMee => &[
                "organisatie",
                "budget_2014",
                "inkoop_2015",
                "frictiekosten",
                "frictiekosten_pct",
                "fte_verlies",
                "frictiekosten_geheel",
            ],
            Key::Groep => &["mee"],
            Key::Open | Key::Dicht => &["berekening", "gemeenten", "afbouwpad", "aannames"],
            _ => &[],
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_one_name_and_one_slot() {
        let all: Vec<Key> = TABLE.iter().map(|(k, _)| *k).chain(ParamKey::ALL.map(Key::Param)).collect();
        assert_eq!(all.len(), COUNT);
        for (i, key) in all.iter().enumerate() {
            assert_eq!(Key::from_name(key.name()), Some(*key));
            assert_eq!(key.slot(), i);
        }
        assert_eq!(Key::from_name("onbekend"), None);
    }
}
