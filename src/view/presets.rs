//! Ready-made scenarios: the status quo, the two documented ones from 2014, and the extreme.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::data::{Dataset, Line};
use crate::model::inputs::Inputs;
use crate::model::params::ParamKey;
use crate::model::scenario::{Change, Scenario};
use crate::model::selection::{Kind, Selection};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Every gemeente buys in 2015 what MEE received for it in 2014.
    StatusQuo,
    /// MEE Groningen's region, variant 2 of its 2014 proposal: −13 % cliëntondersteuning.
    GroningenVariant2,
    /// The national picture of the Voortgangsmonitor of 1 December 2014: € 32 mln omzetdaling.
    Monitor2014,
    /// The current selection buys nothing from MEE.
    NietsBijMee,
    /// The same −20 % cut at once or spread over 2015–2018, with natural attrition.
    Gespreid,
}

impl Preset {
    pub const ALL: [Preset; 5] =
        [Preset::StatusQuo, Preset::GroningenVariant2, Preset::Monitor2014, Preset::NietsBijMee, Preset::Gespreid];

    /// The button text (Dutch).
    pub fn label(self) -> &'static str {
        match self {
            Preset::StatusQuo => "Status quo",
            Preset::GroningenVariant2 => "Groningen variant 2: −13%",
            Preset::Monitor2014 => "Landelijk beeld monitor 1 dec 2014",
            Preset::NietsBijMee => "Niets bij MEE inkopen",
            Preset::Gespreid => "In één keer of gespreid",
        }
    }

    /// One Dutch sentence saying what the preset does, for the current selection.
    pub fn description(self, selection_naam: &str) -> String {
        match self {
            Preset::StatusQuo => "Alle gemeenten kopen in 2015 evenveel in als het budget 2014: geen frictiekosten.".into(),
            Preset::GroningenVariant2 => {
                "Alle gemeenten van MEE Groningen −13% cliëntondersteuning, zoals variant 2 van het regionale voorstel (april 2014).".into()
            }
            Preset::Monitor2014 => {
                "Alle gemeenten −17,73%: samen €\u{a0}32 miljoen omzetdaling, het landelijke beeld van de Voortgangsmonitor van 1 december 2014.".into()
            }
            Preset::NietsBijMee => format!("{selection_naam} koopt in 2015 niets meer bij MEE in (−100%)."),
            Preset::Gespreid => format!(
                "{selection_naam} bouwt af met −5% per jaar tot −20% in 2018, met 3% natuurlijk verloop; het afbouwpad zet dat naast −20% in één keer."
            ),
        }
    }

    /// Applies the preset. The two documented scenarios start from the status quo and select
    /// the area they describe; the others keep the selection and the rest of the scenario.
    pub fn apply(self, data: &Dataset, inputs: &mut Inputs) {
        let change_all = |scenario: &mut Scenario, on: Selection, lines: &[Line], p: Decimal| {
            for &line in lines {
                // Percentages from −100 % up are always valid.
                let _ = scenario.apply(data, on, line, Change::Percent(p));
            }
        };
        let selection = inputs.selection;
        match self {
            Preset::StatusQuo => inputs.scenario = Scenario::status_quo(data),
            Preset::GroningenVariant2 => {
                inputs.scenario = Scenario::status_quo(data);
                if let Some(mee) = Selection::find(data, Kind::Organisatie, "MEE Groningen") {
                    inputs.selection = mee;
                    change_all(&mut inputs.scenario, mee, &[Line::Co], dec!(-13));
                }
            }
            Preset::Monitor2014 => {
                inputs.scenario = Scenario::status_quo(data);
                inputs.selection = Selection::Nederland;
                change_all(
                    &mut inputs.scenario,
                    Selection::Nederland,
                    &Line::ALL,
                    crate::model::scenario::monitor_percentage(data),
                );
            }
            Preset::NietsBijMee => change_all(&mut inputs.scenario, selection, &Line::ALL, dec!(-100)),
            Preset::Gespreid => {
                change_all(&mut inputs.scenario, selection, &[Line::Co], dec!(-5));
                inputs.pad = [Some(dec!(-10)), Some(dec!(-15)), Some(dec!(-20))];
                if inputs.params.get(ParamKey::Verloop).is_zero() {
                    let _ = inputs.params.set(ParamKey::Verloop, dec!(3));
                }
            }
        }
        if self != Preset::Gespreid {
            inputs.pad = [None; 3];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::Figures;
    use crate::model::testing::data;
    use crate::text::format::euro;

    fn run(preset: Preset, start: Selection) -> (Selection, Figures) {
        let mut inputs = Inputs { selection: start, ..Inputs::new(data()) };
        preset.apply(data(), &mut inputs);
        (inputs.selection, inputs.outcome(data()).selection(data(), inputs.selection))
    }

    #[test]
    fn monitor_reproduces_20_8_million() {
        let (selection, f) = run(Preset::Monitor2014, Selection::Nederland);
        assert_eq!(selection, Selection::Nederland);
        assert_eq!(euro(f.omzetdaling), "€\u{a0}32.000.000");
        assert_eq!(euro(f.frictiekosten), "€\u{a0}20.800.000");
    }

    #[test]
    fn groningen_variant_2_reproduces_the_worked_example() {
        let (selection, f) = run(Preset::GroningenVariant2, Selection::Nederland);
        assert_eq!(selection.naam(data()), "MEE Groningen");
        assert_eq!(euro(f.frictiekosten), "€\u{a0}471.034");
    }

    #[test]
    fn niets_bij_mee_applies_to_the_selection_only() {
        let drenthe = Selection::find(data(), Kind::Jeugdregio, "Drenthe").unwrap();
        let mut inputs = Inputs { selection: drenthe, ..Inputs::new(data()) };
        Preset::NietsBijMee.apply(data(), &mut inputs);
        let outcome = inputs.outcome(data());
        assert_eq!(outcome.selection(data(), drenthe).inkoop_2015.total(), Decimal::ZERO);
        let nl = outcome.selection(data(), Selection::Nederland);
        let drenthe_budget = outcome.selection(data(), drenthe).budget_2014.total();
        assert_eq!(nl.inkoop_2015.total(), data().total_2014().total() - drenthe_budget, "the rest buys as in 2014");
    }

    #[test]
    fn gespreid_sets_a_path_and_verloop_and_other_presets_clear_the_path() {
        let mut inputs = Inputs::new(data());
        Preset::Gespreid.apply(data(), &mut inputs);
        assert_eq!(inputs.pad, [Some(dec!(-10)), Some(dec!(-15)), Some(dec!(-20))]);
        assert_eq!(inputs.params.get(ParamKey::Verloop), dec!(3));
        assert_eq!(inputs.scenario.percent_of(data(), inputs.selection, Line::Co), Some(dec!(-5)));
        Preset::StatusQuo.apply(data(), &mut inputs);
        assert_eq!(inputs.pad, [None; 3]);
    }

    #[test]
    fn status_quo_costs_nothing() {
        let (_, f) = run(Preset::StatusQuo, Selection::Nederland);
        assert_eq!(f.frictiekosten, Decimal::ZERO);
    }
}
