//! The person's inputs as one value: what is looked at and everything the figures are
//! computed from.
//!
//! [`Inputs`] is the calculator's single source of truth. The link codec, the presets, saved
//! scenarios, the comparison, the embed link and the copy the panels follow all take and
//! give this one value, so a new input cannot be forgotten by one of them: it is a field
//! here, or it is nowhere. [`Session`] adds what a link carries besides: the comparison, the
//! goal of "omgekeerd rekenen" and the view (`crate::model::weergave`); the page's layout,
//! [`PageMode`], is read from the first link only and kept apart.

use rust_decimal::Decimal;

use crate::model::calculation::{Outcome, calculate};
use crate::model::data::{Dataset, GemeenteId, Line};
use crate::model::pad::Path;
use crate::model::params::Parameters;
use crate::model::scenario::Scenario;
use crate::model::selection::Selection;
use crate::model::weergave::Weergave;

/// What the figures are computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    /// What is looked at; the area fields and the afbouwpad apply to it.
    pub selection: Selection,
    /// The 2015 inkoop of every gemeente, inside the selection or not.
    pub scenario: Scenario,
    pub params: Parameters,
    /// The selection's cliëntondersteuning in 2016–2018 (docs/model.md §8).
    pub pad: Path,
}

impl Inputs {
    /// Nederland, every gemeente buying what it had in 2014, the standard assumptions.
    pub fn new(data: &Dataset) -> Inputs {
        Inputs {
            selection: Selection::Nederland,
            scenario: Scenario::status_quo(data),
            params: Parameters::default(),
            pad: [None; 3],
        }
    }

    /// Every organisation and gemeente, for the 2015 inkoop.
    pub fn outcome(&self, data: &Dataset) -> Outcome {
        calculate(data, &self.scenario, &self.params)
    }

    /// The gemeenten outside the selection whose 2015 inkoop differs from 2014, in
    /// alphabetical order: edits that stay in force while another area is looked at.
    pub fn edited_outside(&self, data: &Dataset) -> Vec<GemeenteId> {
        data.gemeente_ids()
            .filter(|&g| !self.selection.contains(data, g) && self.scenario.inkoop(g) != data.gemeente(g).budget_2014)
            .collect()
    }

    /// Puts every gemeente outside the selection back at its 2014 budget.
    pub fn clear_outside(&mut self, data: &Dataset) {
        for g in self.edited_outside(data) {
            for line in Line::ALL {
                // The 2014 budget is always within the bounds.
                let _ = self.scenario.set_gemeente(data, g, line, data.gemeente(g).budget_2014.get(line));
            }
        }
    }

    /// How many gemeenten had an inkoop of their own in `before` (not their 2014 budget)
    /// that `self` replaced by another: what a step overwrote, for its undo notice.
    pub fn overwritten_since(&self, data: &Dataset, before: &Inputs) -> usize {
        data.gemeente_ids()
            .filter(|&g| {
                let was = before.scenario.inkoop(g);
                was != data.gemeente(g).budget_2014 && self.scenario.inkoop(g) != was
            })
            .count()
    }

    /// How many gemeenten of the selection have an amount of their own on this line, i.e.
    /// differ from the percentage most of the selection shares. An area-wide change
    /// replaces those amounts.
    pub fn own_amounts_in_area(&self, data: &Dataset, line: Line) -> usize {
        crate::model::layers::Layers::of(data, &self.scenario, self.selection).own_amounts_in(
            data,
            self.selection,
            line,
        )
    }
}

/// A scenario in a comparison: its name and its link's query string. Kept as text, as it
/// was saved, and read with the same lenient decoder as any link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compared {
    pub naam: String,
    pub query: String,
}

/// How the page is laid out: read once from the link that opened it and fixed for the
/// page's life. Not part of the [`Session`], so no step, undo, Back, saved scenario or
/// written link changes it (the address bar of an embedded calculator is never written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageMode {
    /// Compact layout for an iframe (`embed=1`).
    pub embed: bool,
    /// The map in an embedded calculator (`kaart=1`), which leaves it out unless asked: it
    /// is a screen tall. The full page always has it.
    pub kaart: bool,
}

/// Everything a link carries: the inputs and what the page shows beside them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub inputs: Inputs,
    /// Scenarios shown side by side with this one, at most three.
    pub vergelijk: Vec<Compared>,
    /// Omgekeerd rekenen: the target for the ongedekte frictiekosten, in euros.
    pub doel_ongedekt: Option<Decimal>,
    /// What the page shows of the figures: the map's measure, the tables' order, the open
    /// sections. Not saved or compared with a scenario, and not undone.
    pub weergave: Weergave,
}

impl Session {
    pub fn new(data: &Dataset) -> Session {
        Session::of(Inputs::new(data))
    }

    /// The inputs alone, as a session: what is saved, compared and reopened.
    pub fn of(inputs: Inputs) -> Session {
        Session { inputs, vergelijk: Vec::new(), doel_ongedekt: None, weergave: Weergave::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Change;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find};
    use rust_decimal_macros::dec;

    #[test]
    fn edits_outside_the_selection_are_found_and_cleared() {
        let d = data();
        let mut inputs = Inputs { selection: find(Kind::Organisatie, "MEE Drenthe"), ..Inputs::new(d) };
        let Selection::Gemeente(emmen) = find(Kind::Gemeente, "Emmen") else { unreachable!() };
        inputs.scenario.set_gemeente(d, emmen, Line::Co, dec!(1500000)).unwrap();
        assert!(inputs.edited_outside(d).is_empty(), "Emmen is in MEE Drenthe");
        inputs.selection = find(Kind::Gemeente, "Assen");
        inputs.scenario.apply(d, inputs.selection, Line::Co, Change::Total(dec!(300000))).unwrap();
        assert_eq!(inputs.edited_outside(d), vec![emmen]);
        inputs.clear_outside(d);
        assert!(inputs.edited_outside(d).is_empty());
        assert_eq!(inputs.scenario.inkoop_of(d, inputs.selection).co, dec!(300000), "the area keeps its own");
    }

    #[test]
    fn own_amounts_are_counted_against_the_areas_common_change() {
        let d = data();
        let regio = find(Kind::Jeugdregio, "Drenthe");
        let mut inputs = Inputs { selection: regio, ..Inputs::new(d) };
        inputs.scenario.apply(d, regio, Line::Co, Change::Percent(dec!(-10))).unwrap();
        assert_eq!(inputs.own_amounts_in_area(d, Line::Co), 0);
        let Selection::Gemeente(emmen) = find(Kind::Gemeente, "Emmen") else { unreachable!() };
        inputs.scenario.set_gemeente(d, emmen, Line::Co, dec!(1500000)).unwrap();
        assert_eq!(inputs.own_amounts_in_area(d, Line::Co), 1);
        assert_eq!(inputs.own_amounts_in_area(d, Line::Ivh), 0);
    }
}
