//! What the page shows of the figures, as the person set it: the map's measure, scale and
//! what a click on it chooses; the order, filter and grouping of the tables; which sections
//! are open. Part of the [`Session`](crate::model::inputs::Session), so that a link opens
//! the page as it was looked at; no figure depends on it.
//!
//! The values are plain here; what they mean on the page (labels, headings, the order of
//! rows) is the view layer's, in `impl` blocks beside the code that draws them.

use crate::model::data::Line;
use crate::model::selection::Kind;

/// The most characters of the per-gemeente table's name filter (the longest name has 29).
pub const MAX_FILTER: usize = 60;

/// The figure the map colours by (and the rankings compare).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Maat {
    Omzetdaling,
    Frictiekosten,
    Ongedekt,
    FteVerlies,
}

impl Maat {
    pub const ALL: [Maat; 4] = [Maat::Omzetdaling, Maat::Frictiekosten, Maat::Ongedekt, Maat::FteVerlies];
}

/// An amount (euros or fte), or a share of the 2014 budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Schaal {
    Bedrag,
    Aandeel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ascending,
    Descending,
}

/// A column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort<C> {
    pub column: C,
    pub direction: Direction,
}

/// The columns of the per-gemeente table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Gemeente,
    Budget2014,
    Inkoop2015,
    Wijziging,
    Frictiekosten,
    /// Frictiekosten in % of the 2014 budget (both lines): comparable across sizes.
    FrictiekostenAandeel,
    FteVerlies,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Gemeente,
        Column::Budget2014,
        Column::Inkoop2015,
        Column::Wijziging,
        Column::Frictiekosten,
        Column::FrictiekostenAandeel,
        Column::FteVerlies,
    ];
}

/// The columns of the per-organisation table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrgColumn {
    Organisatie,
    Budget2014,
    Inkoop2015,
    Frictiekosten,
    FrictiekostenAandeel,
    FteVerlies,
    /// The whole organisation's frictiekosten, where the area has only part of it.
    FrictiekostenGeheel,
}

impl OrgColumn {
    pub const ALL: [OrgColumn; 7] = [
        OrgColumn::Organisatie,
        OrgColumn::Budget2014,
        OrgColumn::Inkoop2015,
        OrgColumn::Frictiekosten,
        OrgColumn::FrictiekostenAandeel,
        OrgColumn::FteVerlies,
        OrgColumn::FrictiekostenGeheel,
    ];

    /// The order the table starts in: the hardest hit, as a share of budget, on top.
    pub const DEFAULT: Sort<OrgColumn> =
        Sort { column: OrgColumn::FrictiekostenAandeel, direction: Direction::Descending };
}

/// A section that folds open and shut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fold {
    /// "Zo is dit berekend": shut unless asked.
    Berekening,
    /// "Per gemeente": open for a small area.
    Gemeenten,
    /// "Afbouwpad 2015–2018": open when a path is set.
    Afbouwpad,
    /// "Aannames": open.
    Aannames,
}

impl Fold {
    pub const ALL: [Fold; 4] = [Fold::Berekening, Fold::Gemeenten, Fold::Afbouwpad, Fold::Aannames];
}

/// The view as the person set it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weergave {
    pub kaart_maat: Maat,
    pub kaart_schaal: Schaal,
    /// What a click on the map chooses: the gemeente, her jeugdregio or her MEE-organisatie.
    pub kaart_kies: Kind,
    /// The line whose amounts the per-gemeente table shows.
    pub bedragen: Line,
    pub sorteer: Sort<Column>,
    /// The per-gemeente table's filter by name, as typed (at most [`MAX_FILTER`] characters).
    pub filter: String,
    /// The per-gemeente table grouped by MEE-organisatie.
    pub groep: bool,
    pub sorteer_mee: Sort<OrgColumn>,
    /// Per [`Fold`]: opened or shut by the person, or as the page opens it (`None`).
    pub open: [Option<bool>; 4],
}

impl Default for Weergave {
    fn default() -> Weergave {
        Weergave {
            kaart_maat: Maat::Frictiekosten,
            kaart_schaal: Schaal::Aandeel,
            kaart_kies: Kind::Gemeente,
            bedragen: Line::Co,
            sorteer: Sort { column: Column::Gemeente, direction: Direction::Ascending },
            filter: String::new(),
            groep: false,
            sorteer_mee: OrgColumn::DEFAULT,
            open: [None; 4],
        }
    }
}

impl Weergave {
    /// Whether `fold` is open, where the page would open it by itself when `usual`.
    pub fn is_open(&self, fold: Fold, usual: bool) -> bool {
        self.open[fold as usize].unwrap_or(usual)
    }

    /// `fold` opened or shut; as the page has it by itself (`usual`), nothing is kept.
    pub fn set_open(&mut self, fold: Fold, open: bool, usual: bool) {
        self.open[fold as usize] = (open != usual).then_some(open);
    }

    /// The filter as typed, at most [`MAX_FILTER`] characters.
    pub fn set_filter(&mut self, text: &str) {
        self.filter = text.chars().take(MAX_FILTER).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fold_keeps_only_what_differs_from_how_the_page_opens_it() {
        let mut w = Weergave::default();
        assert!(w.is_open(Fold::Aannames, true) && !w.is_open(Fold::Berekening, false));
        w.set_open(Fold::Berekening, true, false);
        w.set_open(Fold::Aannames, true, true);
        assert_eq!(w.open, [Some(true), None, None, None]);
        assert!(w.is_open(Fold::Berekening, false));
        w.set_open(Fold::Berekening, false, false);
        assert_eq!(w, Weergave::default());
    }

    #[test]
    fn the_filter_is_bounded() {
        let mut w = Weergave::default();
        w.set_filter(&"é".repeat(100));
        assert_eq!(w.filter.chars().count(), MAX_FILTER);
    }
}
