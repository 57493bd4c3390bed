//! What the map colours by and the rankings compare: a figure of an area (omzetdaling,
//! frictiekosten, ongedekt, fte-verlies), as an amount or as a share of the area's 2014
//! budget. The share is what makes areas of different size comparable: with the same cut
//! everywhere, every MEE-organisatie loses the same share, however large it is.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::Figures;
use crate::text::format;

pub use crate::model::weergave::{Maat, Schaal};

impl Maat {
    /// Dutch name, as in the results.
    pub const fn label(self) -> &'static str {
        match self {
            Maat::Omzetdaling => "Omzetdaling",
            Maat::Frictiekosten => "Frictiekosten",
            Maat::Ongedekt => "Ongedekt",
            Maat::FteVerlies => "Fte-verlies",
        }
    }

    /// The figure itself, in euros (fte for fte-verlies).
    pub fn amount(self, f: &Figures) -> Decimal {
        match self {
            Maat::Omzetdaling => f.omzetdaling,
            Maat::Frictiekosten => f.frictiekosten,
            Maat::Ongedekt => f.ongedekt,
            Maat::FteVerlies => f.fte_verlies,
        }
    }

    /// What the figure is a share of: the 2014 budget (co + ivh), or for fte the 2014
    /// formation (which is that budget divided by the cost per fte, so the same share).
    pub fn base(self, f: &Figures) -> Decimal {
        match self {
            Maat::FteVerlies => f.formatie_2014,
            _ => f.budget_2014.total(),
        }
    }

    /// The figure on a scale: as it is, or in % of its base (0 where the base is 0).
    pub fn value(self, f: &Figures, schaal: Schaal) -> Decimal {
        match schaal {
            Schaal::Bedrag => self.amount(f),
            Schaal::Aandeel => share(self.amount(f), self.base(f)),
        }
    }

    /// A value of this measure on this scale, as the page writes it.
    pub fn display(self, value: Decimal, schaal: Schaal) -> String {
        match (schaal, self) {
            (Schaal::Aandeel, _) => format::percent(value),
            (Schaal::Bedrag, Maat::FteVerlies) => format!("{} fte", format::fte(value)),
            (Schaal::Bedrag, _) => format::euro(value),
        }
    }

    /// "frictiekosten in % van het budget 2014": a heading or a legend's title.
    pub fn heading(self, schaal: Schaal) -> String {
        match (schaal, self) {
            (Schaal::Bedrag, Maat::FteVerlies) => "Fte-verlies in fte".to_string(),
            (Schaal::Bedrag, m) => format!("{} in euro", m.label()),
            (Schaal::Aandeel, Maat::FteVerlies) => "Fte-verlies in % van de formatie 2014".to_string(),
            (Schaal::Aandeel, m) => format!("{} in % van het budget 2014", m.label()),
        }
    }
}

/// `part` as a percentage of `whole`; 0 where the whole is 0 (a gemeente without budget
/// loses nothing).
pub fn share(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() { Decimal::ZERO } else { part / whole * dec!(100) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::data::Line;
    use crate::model::params::Parameters;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::Selection;
    use crate::model::testing::data;

    /// The claim in the module's doc: the same cut everywhere is the same share everywhere.
    #[test]
    fn the_same_cut_is_the_same_share_for_every_organisation() {
        let data = data();
        let mut scenario = Scenario::status_quo(data);
        for line in [Line::Co, Line::Ivh] {
            scenario.apply(data, Selection::Nederland, line, Change::Percent(dec!(-20))).unwrap();
        }
        let outcome = calculate(data, &scenario, &Parameters::default());
        for maat in Maat::ALL {
            let shares: Vec<Decimal> = data
                .organisatie_ids()
                .map(|o| maat.value(outcome.organisatie(o), Schaal::Aandeel).round_dp(6))
                .collect();
            assert!(shares.iter().all(|s| *s == shares[0] && *s > Decimal::ZERO), "{maat:?}: {shares:?}");
            let amounts: Vec<Decimal> = data.organisatie_ids().map(|o| maat.amount(outcome.organisatie(o))).collect();
            assert!(amounts.iter().any(|a| *a != amounts[0]), "{maat:?}: amounts differ by size");
        }
        let omzet = Maat::Omzetdaling.value(&outcome.selection(data, Selection::Nederland), Schaal::Aandeel);
        assert_eq!(omzet.round_dp(6), dec!(20));
    }

    #[test]
    fn no_budget_is_no_share() {
        assert_eq!(share(dec!(5), Decimal::ZERO), Decimal::ZERO);
        assert_eq!(share(dec!(5), dec!(20)), dec!(25));
    }

    #[test]
    fn display_and_heading_name_the_unit() {
        assert_eq!(Maat::Frictiekosten.display(dec!(1234.4), Schaal::Bedrag), "€\u{a0}1.234");
        assert_eq!(Maat::FteVerlies.display(dec!(2.25), Schaal::Bedrag), "2,3 fte");
        assert_eq!(Maat::Ongedekt.display(dec!(12.345), Schaal::Aandeel), "12,35%");
        assert_eq!(Maat::FteVerlies.heading(Schaal::Aandeel), "Fte-verlies in % van de formatie 2014");
    }
}
