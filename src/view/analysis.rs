//! The analyst tools of docs/model.md §9 as the page shows them: the bandbreedte beside the
//! results (markup), the tornado's rows, and the answers of "Omgekeerd rekenen" in words.

use rust_decimal::Decimal;

use crate::model::analysis::{self, MensVolgtWerk, Range};
use crate::model::calculation::{Figures, calculate};
use crate::model::data::{Dataset, Line};
use crate::model::params::{ParamKey, Parameters};
use crate::model::scenario::{Change, Scenario};
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::chart::Swing;
use crate::view::html::escape;

/// "€ 1.234 – € 5.678".
fn shown(r: Range) -> String {
    format::range(&format::euro(r.low), &format::euro(r.high))
}

/// The range of frictiekosten and of ongedekt over the uncertain assumptions, and what it
/// means (`bandbreedte-frictiekosten`, `bandbreedte-ongedekt`).
pub fn bandbreedte_markup(frictiekosten: Range, ongedekt: Range) -> String {
    format!(
        concat!(
            r#"<p class="bandbreedte__line">Bandbreedte frictiekosten: <strong data-testid="bandbreedte-frictiekosten">{}</strong></p>"#,
            r#"<p class="bandbreedte__line">Bandbreedte ongedekt: <strong data-testid="bandbreedte-ongedekt">{}</strong></p>"#,
            r#"<p class="result__uitleg">De aannames zijn schattingen. Met de lage en hoge waarden van de onzekere aannames (maanden "#,
            "personeel, aandeel en maanden huisvesting, reserves) ligt de uitkomst binnen deze band. De kosten ",
            "per fte veranderen alleen de fte-cijfers, niet de bedragen: zie ‘Zo is dit berekend’.</p>"
        ),
        escape(&shown(frictiekosten)),
        escape(&shown(ongedekt))
    )
}

/// The tornado's rows: a short name beside each bar with its range (the euro sign once), so
/// a row stays one line on a phone; the full name for the table under the chart.
pub fn tornado_rows(swings: &[analysis::Swing]) -> Vec<Swing> {
    swings
        .iter()
        .map(|s| {
            let unit = s.key.spec().unit;
            let short = match s.key {
                ParamKey::FteKosten => "Kosten/fte",
                ParamKey::MaandenPersoneel => "Maanden personeel",
                ParamKey::Huisvesting => "Deel huisvesting",
                ParamKey::MaandenHuisvesting => "Maanden huisvesting",
                _ => "Reserves",
            };
            let (low, high) = (format::value(s.low_value, unit), format::value(s.high_value, unit));
            let full = format!("{} ({})", s.key.spec().label, format::range(&low, &high));
            let high_short = high.strip_prefix('€').map(|h| h.trim_start_matches(format::NBSP)).unwrap_or(&high);
            Swing { short: format!("{short} {low}–{high_short}"), full, at_low: s.at_low, at_high: s.at_high }
        })
        .collect()
}

/// "Omgekeerd rekenen" answered for a target of ongedekte frictiekosten: the deepest cut of
/// the area's cliëntondersteuning that keeps to it (and the figures after that cut), and how
/// much personnel has to move with the work.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeek {
    /// The change of cliëntondersteuning, in percent (zero or negative).
    pub cut: Decimal,
    pub after: Figures,
    pub mens_volgt_werk: MensVolgtWerk,
}

impl GoalSeek {
    pub fn of(
        data: &Dataset,
        scenario: &Scenario,
        selection: Selection,
        params: &Parameters,
        target: Decimal,
    ) -> GoalSeek {
        let cut = analysis::deepest_cut(data, scenario, selection, params, target);
        let mut applied = scenario.clone();
        let _ = applied.apply(data, selection, Line::Co, Change::Percent(cut));
        let after = calculate(data, &applied, params).selection(data, selection);
        let mens_volgt_werk = analysis::mens_volgt_werk_needed(data, scenario, selection, params, target);
        GoalSeek { cut, after, mens_volgt_werk }
    }

    /// The answer to "how far can the inkoop go down?" in words: a cut is "verlagen met
    /// 25,7%", not "wijzigen met −25,7%".
    pub fn cut_sentence(&self, naam: &str) -> String {
        let (inkoop, ongedekt) = (format::euro(self.after.inkoop_2015.co), format::euro(self.after.ongedekt));
        if self.cut.is_sign_negative() && !self.cut.is_zero() {
            format!(
                "{naam} kan de inkoop van cliëntondersteuning met hoogstens {} verlagen: inkoop {inkoop}, ongedekt {ongedekt}.",
                format::percent(self.cut.abs())
            )
        } else {
            format!(
                "{naam} kan de inkoop van cliëntondersteuning niet verlagen zonder boven dit bedrag uit te komen: inkoop {inkoop}, ongedekt {ongedekt}."
            )
        }
    }

    /// The answer to "how much mens-volgt-werk is needed?" in words.
    pub fn mens_volgt_werk_sentence(&self) -> String {
        match self.mens_volgt_werk {
            MensVolgtWerk::Needed(share) => {
                format!("Minstens {} van de vervallen fte moet met het werk meegaan.", format::percent(share))
            }
            MensVolgtWerk::NotEnough { ongedekt_at_100 } => format!(
                "Zelfs als al het personeel meegaat (100%) blijft {} ongedekt: de huisvestingskosten blijven.",
                format::euro(ongedekt_at_100)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find};
    use rust_decimal_macros::dec;

    #[test]
    fn a_cut_is_said_as_lowering_and_no_cut_as_such() {
        let d = data();
        let groningen = find(Kind::Gemeente, "Groningen");
        let scenario = Scenario::status_quo(d);
        let generous = GoalSeek::of(d, &scenario, groningen, &Parameters::default(), dec!(50000));
        assert!(generous.cut < Decimal::ZERO);
        let said = generous.cut_sentence("Groningen");
        assert!(said.starts_with("Groningen kan de inkoop van cliëntondersteuning met hoogstens "), "{said}");
        assert!(!said.contains('−'), "a cut is said as lowering, without a minus: {said}");
        assert!(generous.after.ongedekt <= dec!(50000));
        let none = GoalSeek::of(d, &scenario, groningen, &Parameters::default(), Decimal::ZERO);
        assert!(none.cut_sentence("Groningen").contains("niet verlagen"), "{}", none.cut_sentence("Groningen"));
    }

    #[test]
    fn mens_volgt_werk_says_the_share_or_what_stays() {
        let needed = GoalSeek {
            cut: Decimal::ZERO,
            after: Figures::default(),
            mens_volgt_werk: MensVolgtWerk::Needed(dec!(42.5)),
        };
        assert_eq!(needed.mens_volgt_werk_sentence(), "Minstens 42,5% van de vervallen fte moet met het werk meegaan.");
        let short = GoalSeek { mens_volgt_werk: MensVolgtWerk::NotEnough { ongedekt_at_100: dec!(1000) }, ..needed };
        assert!(short.mens_volgt_werk_sentence().starts_with("Zelfs als al het personeel meegaat (100%) blijft €"));
    }
}
