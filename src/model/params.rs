//! The seven assumptions of the model (docs/model.md §3), each with its default and its source.
//!
//! Values are kept in the unit a person types: euros, months, or percent (`15` for 15 %).
//! The model asks for fractions through [`Parameters::fraction`]. Every value is checked
//! against a range on the way in, so the model never sees a negative month or a division
//! by a zero fte cost.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// What a parameter is measured in; decides its input field and how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Euro,
    Maanden,
    Procent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamKey {
    FteKosten,
    MaandenPersoneel,
    Huisvesting,
    MaandenHuisvesting,
    MensVolgtWerk,
    Verloop,
    Reserves,
}

/// Everything there is to say about one parameter: for the UI, the URL and the docs.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    pub key: ParamKey,
    /// The query parameter name (docs/model.md §7), also used as a stable identifier.
    pub url_name: &'static str,
    pub unit: Unit,
    pub default: Decimal,
    pub min: Decimal,
    pub max: Decimal,
    /// Short Dutch label for the input field.
    pub label: &'static str,
    /// One Dutch sentence: what the parameter means.
    pub uitleg: &'static str,
    /// Where the default comes from (document and figure), in Dutch.
    pub bron: &'static str,
}

impl ParamKey {
    pub const ALL: [ParamKey; 7] = [
        ParamKey::FteKosten,
        ParamKey::MaandenPersoneel,
        ParamKey::Huisvesting,
        ParamKey::MaandenHuisvesting,
        ParamKey::MensVolgtWerk,
        ParamKey::Verloop,
        ParamKey::Reserves,
    ];

    pub fn spec(self) -> &'static ParamSpec {
        &SPECS[self as usize]
    }

    pub fn from_url_name(name: &str) -> Option<ParamKey> {
        ParamKey::ALL.into_iter().find(|k| k.spec().url_name == name)
    }
}

/// In the order of [`ParamKey::ALL`], which is the order of the enum.
static SPECS: [ParamSpec; 7] = [
    ParamSpec {
        key: ParamKey::FteKosten,
        url_name: "fte_kosten",
        unit: Unit::Euro,
        default: dec!(64454),
        min: dec!(1000),
        max: dec!(1000000),
        label: "Integrale kosten per fte per jaar",
        uitleg: "Wat één fte MEE per jaar kost, inclusief overhead; hiermee wordt een budget omgerekend naar formatie.",
        bron: "Totaal budget 2014 (€\u{a0}178.669.214 + €\u{a0}1.802.511, Handreiking Cliëntondersteuning, Tabel 3) gedeeld door ca. 2.800 fte (Voortgangsmonitor 1 december 2014).",
    },
    ParamSpec {
        key: ParamKey::MaandenPersoneel,
        url_name: "maanden_personeel",
        unit: Unit::Maanden,
        default: dec!(6),
        min: dec!(0),
        max: dec!(60),
        label: "Maanden personeelskosten per boventallige fte",
        uitleg: "Hoeveel maanden volledige loonkosten MEE nog draagt voor een boventallige medewerker (opzegtermijn, wachtgeld, ontslagvergoeding).",
        bron: "Afgestemd op de Voortgangsmonitor van 1 december 2014: met 6 maanden personeelskosten en 12 maanden huisvesting leidt de landelijke omzetdaling van €\u{a0}32 miljoen tot €\u{a0}20,8 miljoen frictiekosten; de monitor meldt ca. €\u{a0}21 miljoen.",
    },
    ParamSpec {
        key: ParamKey::Huisvesting,
        url_name: "huisvesting",
        unit: Unit::Procent,
        default: dec!(15),
        min: dec!(0),
        max: dec!(100),
        label: "Aandeel huisvesting en kapitaallasten",
        uitleg: "Welk deel van het budget opgaat aan gebouwen, inventaris en ICT: kosten die doorlopen als het werk wegvalt.",
        bron: "Afgestemd op de Voortgangsmonitor van 1 december 2014; de Handreiking Cliëntondersteuning (§4.4) noemt deze kapitaallasten als frictiekosten.",
    },
    ParamSpec {
        key: ParamKey::MaandenHuisvesting,
        url_name: "maanden_huisvesting",
        unit: Unit::Maanden,
        default: dec!(12),
        min: dec!(0),
        max: dec!(60),
        label: "Maanden doorlopende huisvestingskosten",
        uitleg: "Hoe lang vrijgekomen huisvestings- en kapitaallasten nog doorlopen (huurcontracten, afschrijving).",
        bron: "Afgestemd op de Voortgangsmonitor van 1 december 2014 (ca. €\u{a0}21 miljoen frictiekosten bij €\u{a0}32 miljoen omzetdaling).",
    },
    ParamSpec {
        key: ParamKey::MensVolgtWerk,
        url_name: "mens_volgt_werk",
        unit: Unit::Procent,
        default: dec!(0),
        min: dec!(0),
        max: dec!(100),
        label: "Mens volgt werk",
        uitleg: "Welk deel van de vervallen fte de gemeente of een nieuwe aanbieder overneemt; die medewerkers worden niet boventallig.",
        bron: "Eigen keuze; de Handreiking Cliëntondersteuning (§4.4) noemt 'mens volgt werk' als manier om frictiekosten te vermijden.",
    },
    ParamSpec {
        key: ParamKey::Verloop,
        url_name: "verloop",
        unit: Unit::Procent,
        default: dec!(0),
        min: dec!(0),
        max: dec!(100),
        label: "Natuurlijk verloop",
        uitleg: "Welk deel van de formatie per jaar vertrekt zonder vervanging (in 2015 van de formatie 2014, in een afbouwpad elk jaar van die van het jaar ervoor); dat vangt vervallen fte op zonder ontslag.",
        bron: "Eigen keuze; de Handreiking Cliëntondersteuning (§4.4) noemt het benutten van natuurlijk verloop.",
    },
    ParamSpec {
        key: ParamKey::Reserves,
        url_name: "reserves",
        unit: Unit::Procent,
        default: dec!(25),
        min: dec!(0),
        max: dec!(100),
        label: "Dekking uit reserves van MEE",
        uitleg: "Welk deel van de frictiekosten MEE uit eigen reserves kan betalen; de rest is ongedekt.",
        bron: "Voortgangsmonitor 1 december 2014: 'waarvan waarschijnlijk slechts 25% uit reserves kan worden gedekt'.",
    },
];

/// A value outside a parameter's range. The text layer says it in Dutch, with the range
/// in the parameter's unit (`text::input`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    pub key: ParamKey,
}

/// One value per parameter, in the unit of its [`ParamSpec`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parameters {
    values: [Decimal; 7],
}

impl Default for Parameters {
    fn default() -> Self {
        Parameters { values: SPECS.map(|s| s.default) }
    }
}

impl Parameters {
    pub fn get(&self, key: ParamKey) -> Decimal {
        self.values[key as usize]
    }

    /// Sets a value after checking it against the parameter's range.
    pub fn set(&mut self, key: ParamKey, value: Decimal) -> Result<(), OutOfRange> {
        let spec = key.spec();
        if value < spec.min || value > spec.max {
            return Err(OutOfRange { key });
        }
        self.values[key as usize] = value;
        Ok(())
    }

    /// A builder-style [`Parameters::set`], for tests and presets.
    pub fn with(mut self, key: ParamKey, value: Decimal) -> Result<Self, OutOfRange> {
        self.set(key, value)?;
        Ok(self)
    }

    pub fn reset(&mut self, key: ParamKey) {
        self.values[key as usize] = key.spec().default;
    }

    pub fn is_default(&self, key: ParamKey) -> bool {
        self.get(key) == key.spec().default
    }

    /// The value as the model uses it: a percentage as a fraction, anything else as is.
    pub fn fraction(&self, key: ParamKey) -> Decimal {
        let value = self.get(key);
        match key.spec().unit {
            Unit::Procent => value / dec!(100),
            Unit::Euro | Unit::Maanden => value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_are_in_key_order_with_unique_url_names() {
        for (i, key) in ParamKey::ALL.into_iter().enumerate() {
            assert_eq!(SPECS[i].key, key);
            assert_eq!(ParamKey::from_url_name(SPECS[i].url_name), Some(key));
            assert!(SPECS[i].min <= SPECS[i].default && SPECS[i].default <= SPECS[i].max);
        }
        assert_eq!(ParamKey::from_url_name("onbekend"), None);
    }

    #[test]
    fn defaults_are_those_of_model_md() {
        let p = Parameters::default();
        assert_eq!(p.get(ParamKey::FteKosten), dec!(64454));
        assert_eq!(p.get(ParamKey::MaandenPersoneel), dec!(6));
        assert_eq!(p.fraction(ParamKey::Huisvesting), dec!(0.15));
        assert_eq!(p.get(ParamKey::MaandenHuisvesting), dec!(12));
        assert_eq!(p.fraction(ParamKey::MensVolgtWerk), dec!(0));
        assert_eq!(p.fraction(ParamKey::Verloop), dec!(0));
        assert_eq!(p.fraction(ParamKey::Reserves), dec!(0.25));
    }

    #[test]
    fn fte_kosten_default_is_the_2014_budget_over_2800_fte() {
        let per_fte = dec!(180471725) / dec!(2800);
        assert_eq!(per_fte.round(), Parameters::default().get(ParamKey::FteKosten));
    }

    #[test]
    fn refuses_values_out_of_range() {
        let mut p = Parameters::default();
        assert_eq!(p.set(ParamKey::Reserves, dec!(101)), Err(OutOfRange { key: ParamKey::Reserves }));
        assert_eq!(p.set(ParamKey::FteKosten, dec!(0)), Err(OutOfRange { key: ParamKey::FteKosten }));
        assert!(p.set(ParamKey::MaandenPersoneel, dec!(-1)).is_err());
        assert!(p.set(ParamKey::MaandenPersoneel, dec!(0)).is_ok(), "the bounds themselves are in range");
        assert_eq!(p.with(ParamKey::MaandenPersoneel, dec!(6)).unwrap(), Parameters::default());
    }

    #[test]
    fn reset_restores_the_default() {
        let mut p = Parameters::default().with(ParamKey::Verloop, dec!(5)).unwrap();
        assert!(!p.is_default(ParamKey::Verloop));
        p.reset(ParamKey::Verloop);
        assert!(p.is_default(ParamKey::Verloop));
    }
}
