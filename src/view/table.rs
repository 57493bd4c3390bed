//! The per-gemeente table of a selection: which columns it has, which rows a filter by name
//! keeps, in what order they go and how they group by MEE-organisatie.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{Dataset, GemeenteId, Line, OrganisatieId, compact, fold};
use crate::text::format;
use crate::view::html;
use crate::view::measure::{Maat, Schaal};
use crate::view::sort::{ranked, share_key};

pub use crate::model::weergave::{Column, Direction};

impl Column {
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
        if self == Column::Gemeente { Direction::Ascending } else { Direction::Descending }
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

/// Rows on a page of the per-gemeente table. 30: every jeugdregio (the largest has 27
/// gemeenten) and all but two MEE-organisaties (36 and 41) fit on one page, so only those two
/// and Nederland (14 pages) are paged; a page is one or two screens on a desk; and a keystroke
/// while typing updates at most 30 rows, not 408.
pub const PAGE_SIZE: usize = 30;

/// How many pages `rows` rows fill; at least one, so an empty table still has page 1.
pub fn page_count(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

/// A body of the table as far as it is on a page: its organisation (when grouped), how
/// many rows the whole group has, whether the group began on an earlier page, and the rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageBlock {
    pub organisatie: Option<OrganisatieId>,
    pub group_size: usize,
    pub continued: bool,
    pub rows: Vec<GemeenteId>,
}

/// The bodies on page `page` (from 0; past the last, the last): the rows at positions
/// `page × PAGE_SIZE` up to the next page, in their blocks. A group cut by the page's edge
/// is on both pages, with its heading repeated on the second (`continued`).
pub fn page(blocks: &[Block], page: usize) -> Vec<PageBlock> {
    let total = blocks.iter().map(|b| b.1.len()).sum();
    let start = page.min(page_count(total) - 1) * PAGE_SIZE;
    let shown = start..start + PAGE_SIZE;
    blocks
        .iter()
        .filter_map(|(organisatie, rows)| {
            let on_page: Vec<GemeenteId> = rows.iter().filter(|(p, _)| shown.contains(p)).map(|(_, g)| *g).collect();
            let continued = rows.first().is_some_and(|(p, _)| *p < start);
            (!on_page.is_empty()).then_some(PageBlock {
                organisatie: *organisatie,
                group_size: rows.len(),
                continued,
                rows: on_page,
            })
        })
        .collect()
}

/// Which rows a page shows, for the status beside the pager: "Gemeenten 31–60 van 408".
pub fn page_status(page: usize, rows: usize) -> String {
    let start = page.min(page_count(rows) - 1) * PAGE_SIZE;
    let end = (start + PAGE_SIZE).min(rows);
    format!("Gemeenten {}–{end} van {rows}", start + 1)
}

/// The heading of a group's body: "MEE Plus (12 gemeenten)", and "vervolg" where the group
/// began on the page before.
pub fn group_heading(block: &PageBlock) -> String {
    let aantal =
        if block.group_size == 1 { "1 gemeente".to_string() } else { format!("{} gemeenten", block.group_size) };
    if block.continued { format!(" ({aantal}, vervolg)") } else { format!(" ({aantal})") }
}

/// Each cell's column in the foot, for the card layout on a phone; the first is under the
/// organisation column, where there is one.
const FOOT_LABELS: [&str; 7] = [
    "",
    Column::Budget2014.label(),
    Column::Inkoop2015.label(),
    Column::Wijziging.label(),
    Column::Frictiekosten.label(),
    Column::FrictiekostenAandeel.label(),
    Column::FteVerlies.label(),
];

/// The table's foot as markup: while a filter is on, first the totals of the rows it keeps
/// (`shown`: how many, and their figures), then those of the whole area (`total` gemeenten,
/// its % change on the line if it has one), each said in its row's header. `org_column`:
/// the table has an organisation column, so the foot has an empty cell under it.
pub fn foot_markup(
    line: Line,
    org_column: bool,
    shown: Option<(usize, &Figures)>,
    area: &Figures,
    area_change: Option<Decimal>,
    total: usize,
) -> String {
    let skip = usize::from(!org_column);
    let row = |header: &str, f: &Figures, wijziging: String| {
        let cells = [
            String::new(),
            format::euro(f.budget_2014.get(line)),
            format::euro(f.inkoop_2015.get(line)),
            wijziging,
            format::euro(f.frictiekosten),
            format::percent(aandeel(f)),
            format::fte(f.fte_verlies),
        ];
        html::labelled_row(header, &FOOT_LABELS[skip..], &cells[skip..])
    };
    let mut out = String::new();
    if let Some((n, f)) = shown {
        out += &row(&format!("Getoond: {n}"), f, format::percent_change(change(f, line)));
    }
    let header = if shown.is_some() { format!("Totaal alle {total}") } else { "Totaal".to_string() };
    out + &row(&header, area, area_change.map(format::percent_change).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::Dataset;
    use std::cmp::Ordering;

    fn is_ordered(by: impl Fn(GemeenteId) -> Decimal, rows: &[GemeenteId], direction: Direction) -> bool {
        rows.windows(2).all(|w| match by(w[0]).cmp(&by(w[1])) {
            Ordering::Equal => true,
            o => (o == Ordering::Less) == (direction == Direction::Ascending),
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
            for direction in [Direction::Ascending, Direction::Descending] {
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
        let first = order(&outcome, &members, Line::Co, Column::Gemeente, Direction::Ascending)[0];
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
        let rows = order(&outcome, &regio.gemeenten(data), Line::Co, Column::Budget2014, Direction::Descending);
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
            assert!(is_ordered(|g| data.gemeente(g).budget_2014.co, members, Direction::Descending));
        }
    }

    #[test]
    fn pages_of_25_cut_groups_and_say_which_rows_they_show() {
        let data = Dataset::embedded().unwrap();
        let all = Selection::Nederland.gemeenten(data);
        assert_eq!((page_count(408), page_count(30), page_count(31), page_count(0)), (14, 1, 2, 1));
        let flat = blocks(data, &all, false);
        let second = page(&flat, 1);
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].rows, all[30..60]);
        assert_eq!(page(&flat, 13)[0].rows, all[390..]);
        assert_eq!(page(&flat, 99), page(&flat, 13), "past the last page: the last");
        assert_eq!(page_status(1, 408), "Gemeenten 31–60 van 408");
        assert_eq!(page_status(13, 408), "Gemeenten 391–408 van 408");
        assert_eq!(page_status(0, 3), "Gemeenten 1–3 van 3");
        // Grouped: every row on exactly one page, in the grouped order, and a group cut by
        // a page's edge continues with its heading on the next.
        let grouped_blocks = blocks(data, &all, true);
        let pages: Vec<Vec<PageBlock>> = (0..14).map(|p| page(&grouped_blocks, p)).collect();
        let in_order: Vec<GemeenteId> = pages.iter().flatten().flat_map(|b| b.rows.clone()).collect();
        let grouped_order: Vec<GemeenteId> = grouped_blocks.iter().flat_map(|b| b.1.iter().map(|(_, g)| *g)).collect();
        assert_eq!(in_order, grouped_order);
        assert!(pages.iter().all(|p| p.iter().map(|b| b.rows.len()).sum::<usize>() <= PAGE_SIZE));
        let continued = pages[1].first().unwrap();
        assert!(continued.continued, "page 2 starts inside a group");
        assert_eq!(continued.organisatie, pages[0].last().unwrap().organisatie);
        assert!(group_heading(continued).ends_with(", vervolg)"));
        assert!(!pages[0][0].continued);
        assert_eq!(
            group_heading(&PageBlock { organisatie: None, group_size: 1, continued: false, rows: vec![] }),
            " (1 gemeente)"
        );
    }
}
