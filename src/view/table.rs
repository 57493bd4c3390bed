//! The per-gemeente table of a selection: which columns it has and in what order its rows go.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{GemeenteId, Line};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Gemeente,
    Budget2014,
    Inkoop2015,
    Wijziging,
    Frictiekosten,
    FteVerlies,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Gemeente,
        Column::Budget2014,
        Column::Inkoop2015,
        Column::Wijziging,
        Column::Frictiekosten,
        Column::FteVerlies,
    ];

    /// Dutch column heading.
    pub const fn label(self) -> &'static str {
        match self {
            Column::Gemeente => "Gemeente",
            Column::Budget2014 => "Budget 2014",
            Column::Inkoop2015 => "Inkoop 2015",
            Column::Wijziging => "Wijziging",
            Column::Frictiekosten => "Frictiekosten",
            Column::FteVerlies => "Fte-verlies",
        }
    }

    /// Names ascending, numbers largest first: what a person sorting by it usually wants.
    pub fn first_direction(self) -> Direction {
        if self == Column::Gemeente { Direction::Oplopend } else { Direction::Aflopend }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Oplopend,
    Aflopend,
}

impl Direction {
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Oplopend => Direction::Aflopend,
            Direction::Aflopend => Direction::Oplopend,
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Oplopend => "ascending",
            Direction::Aflopend => "descending",
        }
    }
}

/// A gemeente's % change on a line (0 where its 2014 budget was 0).
pub fn wijziging(outcome: &Outcome, g: GemeenteId, line: Line) -> Decimal {
    change(outcome.gemeente(g), line)
}

/// The % change on a line of these figures' inkoop against their budget (0 where the budget
/// was 0).
pub fn change(f: &Figures, line: Line) -> Decimal {
    let (budget, inkoop) = (f.budget_2014.get(line), f.inkoop_2015.get(line));
    if budget.is_zero() { Decimal::ZERO } else { (inkoop / budget - Decimal::ONE) * dec!(100) }
}

/// The gemeenten in the order of a column; ties, and the name column, alphabetically.
pub fn order(
    outcome: &Outcome,
    gemeenten: &[GemeenteId],
    line: Line,
    column: Column,
    direction: Direction,
) -> Vec<GemeenteId> {
    let value = |g: GemeenteId| -> Decimal {
        let f = outcome.gemeente(g);
        match column {
            Column::Gemeente => Decimal::ZERO,
            Column::Budget2014 => f.budget_2014.get(line),
            Column::Inkoop2015 => f.inkoop_2015.get(line),
            Column::Wijziging => wijziging(outcome, g, line),
            Column::Frictiekosten => f.frictiekosten,
            Column::FteVerlies => f.fte_verlies,
        }
    };
    // Values once per row, not once per comparison.
    let values: Vec<Decimal> = gemeenten.iter().map(|&g| value(g)).collect();
    // Ids follow alphabetical order (see `Dataset`), so they are the name order.
    let order = crate::model::sort::sorted_positions(gemeenten.len(), &|i, j| {
        let (a, b) = (gemeenten[i], gemeenten[j]);
        let by_value = values[i].cmp(&values[j]);
        let ordered = match direction {
            Direction::Oplopend => by_value.then(a.cmp(&b)),
            Direction::Aflopend => by_value.reverse().then(a.cmp(&b)),
        };
        if column == Column::Gemeente && direction == Direction::Aflopend { b.cmp(&a) } else { ordered }
    });
    order.into_iter().map(|i| gemeenten[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::Dataset;
    use std::cmp::Ordering;

    fn is_ordered(by: impl Fn(GemeenteId) -> Decimal, rows: &[GemeenteId], direction: Direction) -> bool {
        rows.windows(2).all(|w| match by(w[0]).cmp(&by(w[1])) {
            Ordering::Equal => true,
            o => (o == Ordering::Less) == (direction == Direction::Oplopend),
        })
    }
    use crate::model::calculation::calculate;
    use crate::model::params::Parameters;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::{Kind, Selection};

    #[test]
    fn sorts_by_every_column_both_ways() {
        let data = Dataset::embedded().unwrap();
        let regio = Selection::find(data, Kind::Jeugdregio, "Groningen").unwrap();
        let members = regio.gemeenten(data);
        let mut scenario = Scenario::status_quo(data);
        for (i, &g) in members.iter().enumerate() {
            let p = Decimal::from(-(i as i64 % 7) * 3);
            scenario.apply(data, Selection::Gemeente(g), Line::Co, Change::Percent(p)).unwrap();
        }
        let outcome = calculate(data, &scenario, &Parameters::default());
        for column in Column::ALL {
            for direction in [Direction::Oplopend, Direction::Aflopend] {
                let rows = order(&outcome, &members, Line::Co, column, direction);
                assert_eq!(rows.len(), members.len());
                let by = |g: GemeenteId| match column {
                    Column::Gemeente => Decimal::from(g.index() as u64),
                    Column::Budget2014 => data.gemeente(g).budget_2014.co,
                    Column::Inkoop2015 => outcome.gemeente(g).inkoop_2015.co,
                    Column::Wijziging => wijziging(&outcome, g, Line::Co),
                    Column::Frictiekosten => outcome.gemeente(g).frictiekosten,
                    Column::FteVerlies => outcome.gemeente(g).fte_verlies,
                };
                assert!(is_ordered(by, &rows, direction), "{column:?} {direction:?}");
            }
        }
        let first = order(&outcome, &members, Line::Co, Column::Gemeente, Direction::Oplopend)[0];
        assert_eq!(data.gemeente(first).naam, "Appingedam");
    }
}
