//! The afbouwpad's table and verdict (docs/model.md §8): the figures per year, their total
//! over 2015–2018, the net change from 2014 to 2018 beside it, and the same final cut made
//! at once in 2015; then in one sentence what spreading the cut saves or costs, and what a
//! reader could misread: a year in which the inkoop rises, and own amounts per gemeente
//! that the path replaces.

use rust_decimal::Decimal;

use crate::model::calculation::{Figures, calculate};
use crate::model::data::{Dataset, Line};
use crate::model::inputs::Inputs;
use crate::model::pad::{self, YEARS};
use crate::text::format;
use crate::view::html::{self, class};

/// The figures of a path: per year, the total, and the same end point reached in 2015.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathFigures {
    pub per_year: [Figures; 4],
    pub total: Figures,
    pub at_once: Figures,
    /// The first year of the path that sets the area's cliëntondersteuning, and how many
    /// of its gemeenten had an amount of their own there (imported, or typed per
    /// gemeente), which that year replaces by the path's percentage.
    pub replaced: Option<(u16, usize)>,
}

impl PathFigures {
    /// The path of the inputs' selection; `None` when a year cannot be applied.
    pub fn of(data: &Dataset, inputs: &Inputs) -> Option<PathFigures> {
        let (selection, params) = (inputs.selection, &inputs.params);
        let years = pad::years(data, &inputs.scenario, selection, &inputs.pad).ok()?;
        let (per_year, total) = pad::selection_per_year(data, &pad::calculate_path(data, &years, params), selection);
        // The 2018 inkoop, bought from 2015 on: the same cut at once.
        let at_once = calculate(data, &years[3], params).selection(data, selection);
        let replaced = inputs.pad.iter().position(Option::is_some).and_then(|i| {
            let own = inputs.own_amounts_in_area(data, Line::Co);
            (own > 0).then_some((YEARS[i + 1], own))
        });
        Some(PathFigures { per_year, total, at_once, replaced })
    }

    /// The change of the inkoop from 2014 to 2018 in all: the 2014 budget minus the 2018
    /// inkoop (negative for a rise). What the summed omzetdaling overstates when the
    /// inkoop goes up and down again.
    pub fn net_daling(&self) -> Decimal {
        self.per_year[0].budget_2014.total() - self.per_year[3].inkoop_2015.total()
    }

    /// The years in which the inkoop rises against the year before (2015 against 2014).
    pub fn rises(&self) -> Vec<u16> {
        YEARS
            .iter()
            .zip(&self.per_year)
            .filter(|(_, f)| f.inkoop_2015.total() > f.budget_2014.total())
            .map(|(&y, _)| y)
            .collect()
    }

    /// What the table alone does not say, one sentence each (empty when nothing needs it):
    /// a year that rises, and the own amounts the path replaces.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let rises = self.rises();
        if let Some((last, first)) = rises.split_last() {
            let years = if first.is_empty() {
                format!("In {last} stijgt de inkoop")
            } else {
                let first: Vec<String> = first.iter().map(u16::to_string).collect();
                format!("In {} en {last} stijgt de inkoop", first.join(", "))
            };
            let mut note = format!(
                "{years} ten opzichte van het jaar ervoor. In dit model maakt een stijging de frictiekosten \
                 van eerdere jaren niet ongedaan: wie al is afgevloeid, komt niet terug, en een daling daarna \
                 telt opnieuw als omzetdaling."
            );
            let (sum, net) = (format::round(self.total.omzetdaling, 0), format::round(self.net_daling(), 0));
            if sum > net {
                let net = if net > Decimal::ZERO {
                    format!("de netto daling van 2014 tot 2018 ({})", format::euro(net))
                } else {
                    "de netto daling van 2014 tot 2018 (geen: de inkoop van 2018 is niet lager dan in 2014)".to_string()
                };
                note.push_str(&format!(
                    " Opgeteld is de omzetdaling 2015–2018 daarom {}, meer dan {net}.",
                    format::euro(sum)
                ));
            }
            notes.push(note);
        }
        if let Some((year, own)) = self.replaced {
            let gemeenten = if own == 1 { "één gemeente".to_string() } else { format!("{own} gemeenten") };
            notes.push(format!(
                "Vanaf {year} zet het pad de cliëntondersteuning van elke gemeente van het gebied op hetzelfde \
                 percentage ten opzichte van 2014. De eigen bedragen van {gemeenten} (ingelezen of per gemeente \
                 ingevuld) gelden daarom alleen tot {}.",
                year - 1
            ));
        }
        notes
    }

    /// What spreading the cut saves in frictiekosten against making it at once, in words.
    pub fn verdict(&self) -> String {
        let saving = format::round(self.at_once.frictiekosten - self.total.frictiekosten, 0);
        if saving > Decimal::ZERO {
            format!(
                "Geleidelijk afbouwen bespaart {} aan frictiekosten ten opzichte van dezelfde korting in één keer.",
                format::euro(saving)
            )
        } else if saving < Decimal::ZERO {
            format!("Dit pad kost {} meer aan frictiekosten dan dezelfde korting in één keer.", format::euro(-saving))
        } else {
            "Zonder natuurlijk verloop kost geleidelijk afbouwen evenveel als dezelfde korting in één keer; het spreidt de kosten alleen over de jaren.".to_string()
        }
    }

    /// The table and the verdict as markup (`pad-tabel`, `pad-verschil`).
    pub fn markup(&self) -> String {
        const NUMERIC: [bool; 5] = [true; 5];
        let row = |label: &str, f: &Figures, inkoop: bool| {
            let inkoop = if inkoop { format::euro(f.inkoop_2015.total()) } else { String::new() };
            let cells = vec![
                inkoop,
                format::euro(f.omzetdaling),
                format::fte(f.fte_verlies),
                format::euro(f.frictiekosten),
                format::euro(f.ongedekt),
            ];
            (label.to_string(), cells)
        };
        let years: Vec<(String, Vec<String>)> =
            YEARS.iter().zip(&self.per_year).map(|(y, f)| row(&y.to_string(), f, true)).collect();
        let net = self.net_daling();
        let net_cells = vec![
            String::new(),
            if net < Decimal::ZERO { format!("geen (stijging {})", format::euro(-net)) } else { format::euro(net) },
            String::new(),
            String::new(),
            String::new(),
        ];
        let foot = [
            row("Totaal 2015–2018", &self.total, false),
            ("Netto 2014–2018".to_string(), net_cells),
            row("Zelfde korting in één keer (2015)", &self.at_once, false),
        ];
        let headers = ["Jaar", "Inkoop", "Omzetdaling", "Fte-verlies", "Frictiekosten", "Ongedekt"];
        let head: Vec<(bool, String)> = headers.iter().enumerate().map(|(i, h)| (i > 0, html::escape(h))).collect();
        let inside = format!(
            r#"{}<tbody class="{}" translate="no">{}</tbody><tfoot class="{}" translate="no">{}</tfoot>"#,
            html::head(&head),
            class::BODY,
            html::body(&NUMERIC, &years),
            class::FOOT,
            html::body(&NUMERIC, &foot)
        );
        let notes: String = self
            .notes()
            .iter()
            .map(|n| format!(r#"<p class="nl-paragraph pad__let-op" data-testid="pad-let-op">{}</p>"#, html::escape(n)))
            .collect();
        format!(
            r#"{}<p class="nl-paragraph pad__verdict" data-testid="pad-verschil" translate="no">{}</p>{notes}"#,
            html::data_table("pad-tabel", "afbouwpad-titel", class::TABLE, &inside),
            html::escape(&self.verdict())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Change;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find, gemeente};
    use rust_decimal_macros::dec;

    fn inputs(first: Decimal, pad: pad::Path) -> Inputs {
        let data = data();
        let mut inputs = Inputs { selection: find(Kind::Organisatie, "MEE Groningen"), pad, ..Inputs::new(data) };
        inputs.scenario.apply(data, inputs.selection, Line::Co, Change::Percent(first)).unwrap();
        inputs
    }

    /// 2015 at −25 % while the path stays −15/−20/−25.
    #[test]
    fn a_year_that_rises_is_said_with_the_net_change_beside_the_sum() {
        let f =
            PathFigures::of(data(), &inputs(dec!(-25), [Some(dec!(-15)), Some(dec!(-20)), Some(dec!(-25))])).unwrap();
        assert_eq!(f.rises(), vec![2016]);
        let (sum, net) = (f.total.omzetdaling.round(), f.net_daling().round());
        assert!(sum > net, "{sum} > {net}");
        let notes = f.notes();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("In 2016 stijgt de inkoop ten opzichte van het jaar ervoor."), "{}", notes[0]);
        assert!(notes[0].contains("maakt een stijging de frictiekosten van eerdere jaren niet ongedaan"));
        assert!(
            notes[0].ends_with(&format!(
                "Opgeteld is de omzetdaling 2015–2018 daarom {}, meer dan de netto daling van 2014 tot 2018 ({}).",
                format::euro(sum),
                format::euro(net)
            )),
            "{}",
            notes[0]
        );
        let markup = f.markup();
        assert!(
            markup.contains(&format!(
                "Netto 2014–2018</th><td class=\"{}\"></td><td class=\"{}\">{}",
                class::NUMERIC_CELL,
                class::NUMERIC_CELL,
                html::escape(&format::euro(net))
            )),
            "{markup}"
        );
        assert_eq!(markup.matches(r#"data-testid="pad-let-op""#).count(), 1);
        // A rise in 2015 itself, against 2014, counts too; and a net rise is no net daling.
        let up = PathFigures::of(data(), &inputs(dec!(10), [Some(dec!(-5)), None, Some(dec!(5))])).unwrap();
        assert_eq!(up.rises(), vec![2015, 2018]);
        assert!(up.notes()[0].starts_with("In 2015 en 2018 stijgt de inkoop"), "{:?}", up.notes());
        assert!(up.notes()[0].contains("(geen: de inkoop van 2018 is niet lager dan in 2014)"), "{:?}", up.notes());
        assert!(up.markup().contains("geen (stijging €"));
    }

    #[test]
    fn a_path_that_only_goes_down_needs_no_note() {
        let f =
            PathFigures::of(data(), &inputs(dec!(-5), [Some(dec!(-10)), Some(dec!(-15)), Some(dec!(-20))])).unwrap();
        assert!(f.rises().is_empty());
        assert_eq!(f.notes(), Vec::<String>::new());
        assert_eq!(f.total.omzetdaling.round_dp(2), f.net_daling().round_dp(2), "the sum is the net change");
        assert!(!f.markup().contains("pad-let-op"));
    }

    #[test]
    fn a_path_year_that_replaces_own_amounts_says_so() {
        let data = data();
        let mut own = inputs(dec!(-10), [None, Some(dec!(-20)), None]);
        own.scenario.set_gemeente(data, gemeente("Groningen"), Line::Co, dec!(1800000)).unwrap();
        let f = PathFigures::of(data, &own).unwrap();
        assert_eq!(f.replaced, Some((2017, 1)));
        assert_eq!(
            f.notes(),
            vec![
                "Vanaf 2017 zet het pad de cliëntondersteuning van elke gemeente van het gebied op hetzelfde \
                 percentage ten opzichte van 2014. De eigen bedragen van één gemeente (ingelezen of per gemeente \
                 ingevuld) gelden daarom alleen tot 2016."
                    .to_string()
            ]
        );
        // No path year, nothing replaced; a path over one percentage for all, nothing either.
        own.pad = [None; 3];
        assert_eq!(PathFigures::of(data, &own).unwrap().replaced, None);
        let plain = inputs(dec!(-10), [Some(dec!(-20)), None, None]);
        assert_eq!(PathFigures::of(data, &plain).unwrap().replaced, None);
    }
}
