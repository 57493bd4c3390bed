//! The per-organisation table ("Per MEE-organisatie"): its columns, its order, its cells and the
//! sentence under it that says who is hit hardest as a share of budget, or that every
//! organisation is hit alike.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::calculation::{Figures, Outcome};
use crate::model::data::{Dataset, OrganisatieId};
use crate::model::selection::Selection;
use crate::model::weergave::Direction;
use crate::text::format;
use crate::view::measure::{Maat, Schaal};
use crate::view::sort::{ranked, share_key};

/// Below this spread (in percentage points) the organisations' shares count as the same.
const SAME_SHARE: Decimal = dec!(0.05);

pub use crate::model::weergave::{OrgColumn, Sort};

impl OrgColumn {
    /// Dutch heading; `wholly` when the area holds all of each organisation, so that "in dit
    /// gebied" would say nothing.
    pub const fn label(self, wholly: bool) -> &'static str {
        match (self, wholly) {
            (OrgColumn::Organisatie, _) => "MEE-organisatie",
            (OrgColumn::Budget2014, true) => "Budget 2014",
            (OrgColumn::Budget2014, false) => "Budget 2014 in dit gebied",
            (OrgColumn::Inkoop2015, true) => "Inkoop 2015",
            (OrgColumn::Inkoop2015, false) => "Inkoop 2015 in dit gebied",
            (OrgColumn::Frictiekosten, true) => "Frictiekosten",
            (OrgColumn::Frictiekosten, false) => "Frictiekosten dit gebied",
            (OrgColumn::FrictiekostenAandeel, _) => "Frictiekosten % van budget 2014",
            (OrgColumn::FteVerlies, true) => "Fte-verlies",
            (OrgColumn::FteVerlies, false) => "Fte-verlies dit gebied",
            (OrgColumn::FrictiekostenGeheel, _) => "Frictiekosten hele organisatie",
        }
    }

    /// The columns shown: every one, but the whole organisation's only where it differs
    /// from the area's part (not `wholly`).
    pub fn shown(wholly: bool) -> &'static [OrgColumn] {
        if wholly { &OrgColumn::ALL[..6] } else { &OrgColumn::ALL }
    }

    pub fn numeric(self) -> bool {
        self != OrgColumn::Organisatie
    }

    /// Names A–Z, numbers largest first.
    pub fn first_direction(self) -> Direction {
        if self.numeric() { Direction::Descending } else { Direction::Ascending }
    }
}

/// One organisation the area touches: the area's part of it and the whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgRow {
    pub organisatie: OrganisatieId,
    pub part: Figures,
    pub whole: Figures,
}

impl OrgRow {
    fn value(&self, column: OrgColumn) -> Decimal {
        match column {
            OrgColumn::Organisatie => Decimal::ZERO,
            OrgColumn::Budget2014 => self.part.budget_2014.total(),
            OrgColumn::Inkoop2015 => self.part.inkoop_2015.total(),
            OrgColumn::Frictiekosten => self.part.frictiekosten,
            OrgColumn::FrictiekostenAandeel => share_key(self.aandeel(Maat::Frictiekosten)),
            OrgColumn::FteVerlies => self.part.fte_verlies,
            OrgColumn::FrictiekostenGeheel => self.whole.frictiekosten,
        }
    }

    fn aandeel(&self, maat: Maat) -> Decimal {
        maat.value(&self.part, Schaal::Aandeel)
    }

    fn cell(&self, column: OrgColumn) -> String {
        match column {
            OrgColumn::Organisatie => String::new(),
            OrgColumn::FrictiekostenAandeel => {
                Maat::Frictiekosten.display(self.aandeel(Maat::Frictiekosten), Schaal::Aandeel)
            }
            OrgColumn::FteVerlies => format::fte(self.part.fte_verlies),
            other => format::euro(self.value(other)),
        }
    }
}

/// The per-organisation table of an area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgTable {
    /// The area holds every gemeente of each organisation it touches (Nederland, a
    /// MEE-organisatie): its part is the whole, and the whole is not a column of its own.
    pub wholly: bool,
    /// In organisation (name) order.
    pub rows: Vec<OrgRow>,
}

impl OrgTable {
    pub fn new(data: &Dataset, outcome: &Outcome, selection: Selection) -> OrgTable {
        let members = selection.gemeenten(data);
        let rows: Vec<OrgRow> = outcome
            .split_per_organisatie(data, selection)
            .into_iter()
            .map(|(organisatie, part)| OrgRow { organisatie, part, whole: *outcome.organisatie(organisatie) })
            .collect();
        let wholly = rows.iter().all(|r| {
            let here = members.iter().filter(|&&g| data.gemeente(g).organisatie == r.organisatie).count();
            here == data.organisatie(r.organisatie).gemeenten.len()
        });
        OrgTable { wholly, rows }
    }

    pub fn columns(&self) -> &'static [OrgColumn] {
        OrgColumn::shown(self.wholly)
    }

    /// The sort as it applies here: by the whole organisation's frictiekosten where that is
    /// not a column is by the frictiekosten shown, which are the same.
    pub fn effective(&self, sort: Sort<OrgColumn>) -> Sort<OrgColumn> {
        match sort.column {
            OrgColumn::FrictiekostenGeheel if self.wholly => Sort { column: OrgColumn::Frictiekosten, ..sort },
            _ => sort,
        }
    }

    /// The rows' positions in `sort` order.
    pub fn order(&self, sort: Sort<OrgColumn>) -> Vec<usize> {
        let sort = self.effective(sort);
        let values: Vec<Decimal> = match sort.column {
            OrgColumn::Organisatie => (0..self.rows.len()).map(Decimal::from).collect(),
            column => self.rows.iter().map(|r| r.value(column)).collect(),
        };
        ranked(&values, sort.direction)
    }

    /// The rows as the page writes them, in `sort` order: the name, then a cell per column
    /// after the first.
    pub fn body(&self, data: &Dataset, sort: Sort<OrgColumn>) -> Vec<(String, Vec<String>)> {
        self.order(sort)
            .into_iter()
            .map(|i| {
                let row = &self.rows[i];
                let cells = self.columns()[1..].iter().map(|&c| row.cell(c)).collect();
                (data.organisatie(row.organisatie).naam.clone(), cells)
            })
            .collect()
    }

    /// The body's rows as markup (for a `<tbody>`), in `sort` order; every name escaped.
    pub fn body_markup(&self, data: &Dataset, sort: Sort<OrgColumn>) -> String {
        let numeric: Vec<bool> = self.columns()[1..].iter().map(|c| c.numeric()).collect();
        crate::view::html::body(&numeric, &self.body(data, sort))
    }

    /// What a reader comparing organisations should know first, as a share of budget: that
    /// every one loses the same share, or which loses most. Nothing for a single organisation.
    pub fn summary(&self, data: &Dataset) -> Option<String> {
        if self.rows.len() < 2 {
            return None;
        }
        let here = if self.wholly { "" } else { " in dit gebied" };
        let omzet: Vec<Decimal> = self.rows.iter().map(|r| r.aandeel(Maat::Omzetdaling)).collect();
        let frictie: Vec<Decimal> = self.rows.iter().map(|r| r.aandeel(Maat::Frictiekosten)).collect();
        let naam = |i: usize| data.organisatie(self.rows[i].organisatie).naam.as_str();
        let pct = |d: Decimal| Maat::Omzetdaling.display(d, Schaal::Aandeel);
        if omzet.iter().all(|d| *d <= Decimal::ZERO) {
            return Some(format!("Geen MEE-organisatie verliest omzet{here}."));
        }
        if spread(&omzet) < SAME_SHARE {
            let mut text = format!(
                "Elke MEE-organisatie verliest{here} hetzelfde aandeel: {} van haar budget 2014.",
                pct(mean(&omzet))
            );
            if spread(&frictie) < SAME_SHARE {
                text += &format!(
                    " Ook de frictiekosten zijn bij elk {} van dat budget; in euro’s verschillen ze alleen door de omvang.",
                    pct(mean(&frictie))
                );
                return Some(text);
            }
            let top = ranked(&frictie.iter().map(|d| share_key(*d)).collect::<Vec<_>>(), Direction::Descending)[0];
            return Some(
                text + &format!(" De hoogste frictiekosten naar verhouding: {}, {}.", naam(top), pct(frictie[top])),
            );
        }
        // The hardest hit: the largest frictiekosten share, then the largest omzet share.
        let key: Vec<(Decimal, Decimal)> =
            frictie.iter().zip(&omzet).map(|(f, o)| (share_key(*f), share_key(*o))).collect();
        let order = crate::model::sort::sorted_positions(key.len(), &|i, j| key[j].cmp(&key[i]).then(i.cmp(&j)));
        let (top, bottom) = (order[0], order[order.len() - 1]);
        if frictie[top] <= Decimal::ZERO {
            return Some(format!(
                "Geen MEE-organisatie heeft frictiekosten{here}. Naar verhouding de grootste omzetdaling: {}, {} van haar budget 2014.",
                naam(top),
                pct(omzet[top])
            ));
        }
        Some(format!(
            "Naar verhouding het zwaarst getroffen{here}: {}, met frictiekosten van {} van haar budget 2014 (omzetdaling {}); \
             het minst: {}, {}.",
            naam(top),
            pct(frictie[top]),
            pct(omzet[top]),
            naam(bottom),
            pct(frictie[bottom])
        ))
    }
}

fn spread(values: &[Decimal]) -> Decimal {
    let max = values.iter().copied().max().unwrap_or_default();
    let min = values.iter().copied().min().unwrap_or_default();
    max - min
}

fn mean(values: &[Decimal]) -> Decimal {
    if values.is_empty() { Decimal::ZERO } else { values.iter().sum::<Decimal>() / Decimal::from(values.len()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::data::Line;
    use crate::model::params::Parameters;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::Kind;
    use crate::model::testing::data;

    fn outcome_with(cuts: &[(Selection, Decimal)]) -> Outcome {
        let data = data();
        let mut scenario = Scenario::status_quo(data);
        for &(selection, percent) in cuts {
            for line in Line::ALL {
                scenario.apply(data, selection, line, Change::Percent(percent)).unwrap();
            }
        }
        calculate(data, &scenario, &Parameters::default())
    }

    fn organisatie(naam: &str) -> Selection {
        Selection::find(data(), Kind::Organisatie, naam).unwrap()
    }

    #[test]
    fn a_click_sorts_then_flips() {
        let sort = OrgColumn::DEFAULT;
        let by_name = sort.clicked(OrgColumn::Organisatie, OrgColumn::Organisatie.first_direction());
        assert_eq!(by_name, Sort { column: OrgColumn::Organisatie, direction: Direction::Ascending });
        assert_eq!(by_name.clicked(OrgColumn::Organisatie, Direction::Ascending).direction, Direction::Descending);
        assert_eq!(by_name.aria(OrgColumn::Organisatie), "ascending");
        assert_eq!(by_name.aria(OrgColumn::Budget2014), "none");
        assert_eq!((by_name.icon(OrgColumn::Organisatie), by_name.icon(OrgColumn::FteVerlies)), ("▲", "↕"));
    }

    #[test]
    fn ranks_by_value_ties_in_list_order() {
        let values = [dec!(2), dec!(5), dec!(2), dec!(1)];
        assert_eq!(ranked(&values, Direction::Descending), vec![1, 0, 2, 3]);
        assert_eq!(ranked(&values, Direction::Ascending), vec![3, 0, 2, 1]);
    }

    #[test]
    fn nederland_has_each_column_once_and_a_regio_across_two_organisations_the_whole_too() {
        let data = data();
        let outcome = outcome_with(&[(Selection::Nederland, dec!(-20))]);
        let nederland = OrgTable::new(data, &outcome, Selection::Nederland);
        assert!(nederland.wholly);
        assert_eq!(nederland.rows.len(), 22);
        let labels: Vec<&str> = nederland.columns().iter().map(|c| c.label(true)).collect();
        assert_eq!(
            labels,
            [
                "MEE-organisatie",
                "Budget 2014",
                "Inkoop 2015",
                "Frictiekosten",
                "Frictiekosten % van budget 2014",
                "Fte-verlies"
            ]
        );
        assert!(OrgTable::new(data, &outcome, organisatie("MEE Drenthe")).wholly);
        let regio = Selection::find(data, Kind::Jeugdregio, "West-Brabant-Oost").unwrap();
        let split = OrgTable::new(data, &outcome, regio);
        assert!(!split.wholly);
        assert_eq!(split.rows.len(), 2);
        assert_eq!(split.columns().last(), Some(&OrgColumn::FrictiekostenGeheel));
        let mut labels: Vec<&str> = OrgColumn::ALL.iter().map(|c| c.label(false)).collect();
        labels.dedup();
        assert_eq!(labels.len(), 7);
        // Sorting by a column that is not shown sorts by the one that is the same.
        let geheel = Sort { column: OrgColumn::FrictiekostenGeheel, direction: Direction::Descending };
        assert_eq!(nederland.effective(geheel).column, OrgColumn::Frictiekosten);
        assert_eq!(split.effective(geheel), geheel);
    }

    #[test]
    fn sorts_by_every_column_both_ways() {
        let data = data();
        // A different cut per organisation, so that no column is all ties.
        let cuts: Vec<(Selection, Decimal)> = data
            .organisatie_ids()
            .map(|o| (Selection::Organisatie(o), Decimal::from(-5 - (o.index() as i64 * 7) % 30)))
            .collect();
        let outcome = outcome_with(&cuts);
        for selection in [Selection::Nederland, Selection::find(data, Kind::Jeugdregio, "West-Brabant-Oost").unwrap()] {
            let table = OrgTable::new(data, &outcome, selection);
            for &column in table.columns() {
                for direction in [Direction::Ascending, Direction::Descending] {
                    let order = table.order(Sort { column, direction });
                    assert_eq!(order.len(), table.rows.len());
                    let key = |i: usize| {
                        if column == OrgColumn::Organisatie { Decimal::from(i) } else { table.rows[i].value(column) }
                    };
                    assert!(
                        order.windows(2).all(|w| match direction {
                            Direction::Ascending => key(w[0]) <= key(w[1]),
                            Direction::Descending => key(w[0]) >= key(w[1]),
                        }),
                        "{column:?} {direction:?}"
                    );
                    let body = table.body(data, Sort { column, direction });
                    assert_eq!(body[0].0, data.organisatie(table.rows[order[0]].organisatie).naam);
                    assert_eq!(body[0].1.len(), table.columns().len() - 1);
                }
            }
        }
    }

    #[test]
    fn the_same_cut_everywhere_is_said_to_hit_everyone_alike() {
        let data = data();
        let outcome = outcome_with(&[(Selection::Nederland, dec!(-20))]);
        let table = OrgTable::new(data, &outcome, Selection::Nederland);
        let text = table.summary(data).unwrap();
        assert!(
            text.starts_with("Elke MEE-organisatie verliest hetzelfde aandeel: 20% van haar budget 2014."),
            "{text}"
        );
        assert!(text.contains("Ook de frictiekosten zijn bij elk "), "{text}");
        // Equal shares: the default order is by name, not by rounding noise.
        let names: Vec<String> = table.body(data, OrgColumn::DEFAULT).into_iter().map(|(n, _)| n).collect();
        let alphabetical: Vec<String> = data.organisatie_ids().map(|o| data.organisatie(o).naam.clone()).collect();
        assert_eq!(names, alphabetical);
        assert!(table.body(data, OrgColumn::DEFAULT)[0].1[3].ends_with('%'));
    }

    #[test]
    fn otherwise_the_hardest_hit_in_percent_is_named_and_first() {
        let data = data();
        let outcome = outcome_with(&[(Selection::Nederland, dec!(-10)), (organisatie("MEE Drenthe"), dec!(-30))]);
        let table = OrgTable::new(data, &outcome, Selection::Nederland);
        let text = table.summary(data).unwrap();
        assert!(
            text.starts_with("Naar verhouding het zwaarst getroffen: MEE Drenthe, met frictiekosten van "),
            "{text}"
        );
        assert!(text.contains("(omzetdaling 30%)"), "{text}");
        assert_eq!(table.body(data, OrgColumn::DEFAULT)[0].0, "MEE Drenthe");
        // One organisation: nothing to compare. None losing: said so.
        assert_eq!(OrgTable::new(data, &outcome, organisatie("MEE Drenthe")).summary(data), None);
        let none = OrgTable::new(data, &outcome_with(&[]), Selection::Nederland).summary(data);
        assert_eq!(none.as_deref(), Some("Geen MEE-organisatie verliest omzet."));
    }
}
