//! The per-gemeente table of a selection: which columns it has, which rows a filter by name
//! keeps, in what order they go and how they group by MEE-organisatie.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{Dataset, GemeenteId, Line, OrganisatieId, compact, fold};
use crate::view::measure::{Maat, Schaal};
use crate::view::ranking::{ranked, share_key};

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

    /// Dutch column heading.
    pub const fn label(self) -> &'static str {
        match self {
            Column::Gemeente => "Gemeente",
            Column::Budget2014 => "Budget 2014",
            Column::Inkoop2015 => "Inkoop 2015",
            Column::Wijziging => "Wijziging",
            Column::Frictiekosten => "Frictiekosten",
            Column::FrictiekostenAandeel => "Frictiekosten % van budget 2014",
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

/// A gemeente's frictiekosten in % of its 2014 budget (both lines; 0 without budget).
pub fn aandeel(f: &Figures) -> Decimal {
    Maat::Frictiekosten.value(f, Schaal::Aandeel)
}

/// The gemeenten in the order of a column; ties, and the name column, alphabetically.
pub fn order(
    outcome: &Outcome,
    gemeenten: &[GemeenteId],
    line: Line,
    column: Column,
    direction: Direction,
) -> Vec<GemeenteId> {
    // Ids follow alphabetical order (see `Dataset`), so they are the name order.
    let value = |g: GemeenteId| -> Decimal {
        let f = outcome.gemeente(g);
        match column {
            Column::Gemeente => Decimal::from(g.index()),
            Column::Budget2014 => f.budget_2014.get(line),
            Column::Inkoop2015 => f.inkoop_2015.get(line),
            Column::Wijziging => wijziging(outcome, g, line),
            Column::Frictiekosten => f.frictiekosten,
            Column::FrictiekostenAandeel => share_key(aandeel(f)),
            Column::FteVerlies => f.fte_verlies,
        }
    };
    // Values once per row, not once per comparison.
    let values: Vec<Decimal> = gemeenten.iter().map(|&g| value(g)).collect();
    ranked(&values, direction).into_iter().map(|i| gemeenten[i]).collect()
}

/// The gemeenten whose name holds `query` as a person means it: ignoring case, accents,
/// and spaces or hyphens ("sudwest-fryslan" finds "Súdwest Fryslân"); all for an empty query.
pub fn filter(data: &Dataset, gemeenten: &[GemeenteId], query: &str) -> Vec<GemeenteId> {
    let (folded, compacted) = (fold(query.trim()), compact(query));
    if folded.is_empty() {
        return gemeenten.to_vec();
    }
    let keeps = |g: GemeenteId| {
        let gemeente = data.gemeente(g);
        gemeente.key.contains(&folded) || (!compacted.is_empty() && gemeente.compact.contains(&compacted))
    };
    gemeenten.iter().copied().filter(|&g| keeps(g)).collect()
}

/// What the filter found: "12 van 408 gemeenten", or why the table is empty. Nothing
/// without a filter.
pub fn filter_status(query: &str, shown: usize, total: usize) -> String {
    let query = query.trim();
    match shown {
        _ if query.is_empty() => String::new(),
        0 => format!("Geen van de {total} gemeenten heeft ‘{query}’ in de naam. Pas het filter aan of maak het leeg."),
        1 => format!("1 van {total} gemeenten"),
        n => format!("{n} van {total} gemeenten"),
    }
}

/// Rows grouped by MEE-organisatie: the organisations by name, within each the rows in
/// the order given.
pub fn grouped(data: &Dataset, rows: &[GemeenteId]) -> Vec<(OrganisatieId, Vec<GemeenteId>)> {
    let mut groups: Vec<Vec<GemeenteId>> = vec![Vec::new(); data.organisaties.len()];
    for &g in rows {
        groups[data.gemeente(g).organisatie.index()].push(g);
    }
    data.organisatie_ids().zip(groups).filter(|(_, rows)| !rows.is_empty()).collect()
}

/// The rows of one `<tbody>`: all of them, or one organisation's when grouped; each with
/// its position in the table.
pub type Block = (Option<OrganisatieId>, Vec<(usize, GemeenteId)>);

/// The table's bodies: one, or one per organisation (see [`grouped`]).
pub fn blocks(data: &Dataset, rows: &[GemeenteId], by_organisatie: bool) -> Vec<Block> {
    let groups = if by_organisatie {
        grouped(data, rows).into_iter().map(|(o, r)| (Some(o), r)).collect()
    } else {
        vec![(None, rows.to_vec())]
    };
    let mut position = 0..;
    groups.into_iter().map(|(o, r)| (o, r.into_iter().zip(&mut position).map(|(g, p)| (p, g)).collect())).collect()
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
                    Column::FrictiekostenAandeel => share_key(aandeel(outcome.gemeente(g))),
                    Column::FteVerlies => outcome.gemeente(g).fte_verlies,
                };
                assert!(is_ordered(by, &rows, direction), "{column:?} {direction:?}");
            }
        }
        let first = order(&outcome, &members, Line::Co, Column::Gemeente, Direction::Oplopend)[0];
        assert_eq!(data.gemeente(first).naam, "Appingedam");
    }

    fn names(data: &Dataset, rows: &[GemeenteId]) -> Vec<String> {
        rows.iter().map(|&g| data.gemeente(g).naam.clone()).collect()
    }

    #[test]
    fn the_filter_ignores_case_accents_and_hyphens() {
        let data = Dataset::embedded().unwrap();
        let all = Selection::Nederland.gemeenten(data);
        assert_eq!(names(data, &filter(data, &all, "SÚDWEST")), ["Súdwest Fryslân"]);
        assert_eq!(names(data, &filter(data, &all, "sudwest-fryslan")), ["Súdwest Fryslân"]);
        assert_eq!(names(data, &filter(data, &all, " BOSCH ")), ["Den Bosch"]);
        let dam = filter(data, &all, "dam");
        assert!(dam.len() > 5 && dam.len() < all.len(), "{}", dam.len());
        assert!(names(data, &dam).iter().all(|n| fold(n).contains("dam")));
        assert_eq!(filter(data, &all, "  ").len(), all.len());
        assert!(filter(data, &all, "xyzzy").is_empty());
    }

    #[test]
    fn the_filter_says_what_it_found() {
        assert_eq!(filter_status("", 408, 408), "");
        assert_eq!(filter_status("dam", 12, 408), "12 van 408 gemeenten");
        assert_eq!(
            filter_status(" xyzzy ", 0, 408),
            "Geen van de 408 gemeenten heeft ‘xyzzy’ in de naam. Pas het filter aan of maak het leeg."
        );
    }

    #[test]
    fn groups_by_organisation_keeping_the_order_within() {
        let data = Dataset::embedded().unwrap();
        let regio = Selection::find(data, Kind::Jeugdregio, "West-Brabant-Oost").unwrap();
        let outcome = calculate(data, &Scenario::status_quo(data), &Parameters::default());
        let rows = order(&outcome, &regio.gemeenten(data), Line::Co, Column::Budget2014, Direction::Aflopend);
        let groups = grouped(data, &rows);
        let orgs: Vec<&str> = groups.iter().map(|(o, _)| data.organisatie(*o).naam.as_str()).collect();
        assert_eq!(orgs, ["MEE Plus", "MEE West-Brabant"]);
        assert_eq!(groups.iter().map(|(_, r)| r.len()).sum::<usize>(), rows.len());
        let bodies = blocks(data, &rows, true);
        let positions: Vec<usize> = bodies.iter().flat_map(|(_, r)| r.iter().map(|(p, _)| *p)).collect();
        assert_eq!(positions, (0..rows.len()).collect::<Vec<_>>());
        assert_eq!(bodies[0].0, Some(groups[0].0));
        assert_eq!(blocks(data, &rows, false), vec![(None, rows.iter().copied().enumerate().collect())]);
        for (o, members) in &groups {
            assert!(members.iter().all(|&g| data.gemeente(g).organisatie == *o));
            assert!(is_ordered(|g| data.gemeente(g).budget_2014.co, members, Direction::Aflopend));
        }
    }
}
