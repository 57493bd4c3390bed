//! A paragraph for a memo or a raadsvoorstel: the area's inkoop and what it costs MEE, in
//! plain Dutch, with where and when it was calculated, so that it can be pasted as it is.
//!
//! Every amount in it is the one the page shows (`text::format` of the same [`Figures`]),
//! so the paragraph and the figures above it can never disagree.

use crate::model::calculation::Figures;
use crate::model::data::{Dataset, Line};
use crate::model::selection::Selection;
use crate::text::format;
use crate::view::table::change;

/// What every figure rests on, as the paragraph and the downloaded images
/// (`crate::view::image::bron`) say it.
pub const GRONDSLAG: &str = "de budgetten 2014 uit de Handreiking Cliëntondersteuning (Bijlage 5) en de aannames \
     van de Voortgangsmonitor van 1 december 2014";

/// Where the paragraph says it comes from: the date it was made and the link that reopens
/// this calculation.
pub struct Origin<'a> {
    pub datum: &'a str,
    pub link: &'a str,
}

/// The area as the subject of "Als … inkoopt": "Groningen", "de gemeenten van jeugdregio
/// Groningen", "alle gemeenten".
fn subject(data: &Dataset, selection: Selection) -> String {
    match selection {
        Selection::Nederland => "alle gemeenten samen".to_string(),
        Selection::Gemeente(_) | Selection::Later(_) => selection.naam(data).to_string(),
        s => format!("de gemeenten van {} {}", s.kind().label(), s.naam(data)),
    }
}

/// The paragraph for the figures `f` of `selection`.
pub fn memo(data: &Dataset, selection: Selection, f: &Figures, origin: &Origin) -> String {
    let line = |line: Line, naam: &str| {
        let percent = change(f, line);
        let how = if format::round(percent, 2).is_zero() {
            "evenveel als in 2014".to_string()
        } else {
            format!("{} ten opzichte van 2014", format::percent_change(percent))
        };
        format!("voor {} {naam} ({how})", format::euro(f.inkoop_2015.get(line)))
    };
    let opening = format!(
        "Als {} in 2015 bij MEE {} inkoopt en {}",
        subject(data, selection),
        line(Line::Co, "cliëntondersteuning"),
        line(Line::Ivh, "Integrale Vroeghulp")
    );
    let gevolg = if f.omzetdaling.is_zero() {
        ", heeft MEE daardoor geen omzetdaling en dus geen frictiekosten.".to_string()
    } else {
        let ongedekt = if f.ongedekt.is_zero() {
            ", die MEE geheel uit haar reserves kan dekken".to_string()
        } else {
            format!(
                ", waarvan {} ongedekt na {} dekking uit de reserves van MEE",
                format::euro(f.ongedekt),
                format::euro(f.dekking_reserves)
            )
        };
        format!(
            ", leidt dat bij MEE tot een omzetdaling van {} en een verlies van {} fte. \
             Dat brengt frictiekosten met zich mee van {}{ongedekt}.",
            format::euro(f.omzetdaling),
            format::fte(f.fte_verlies),
            format::euro(f.frictiekosten)
        )
    };
    format!(
        "{opening}{gevolg} Berekend op {} met de Rekenhulp frictiekosten MEE 2015, op basis van {GRONDSLAG}: {}",
        origin.datum, origin.link
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::Inputs;
    use crate::model::scenario::Change;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find, gemeente};
    use rust_decimal_macros::dec;

    const ORIGIN: Origin =
        Origin { datum: "05-12-2026", link: "https://rekenhulp.example/?gemeente=Groningen&wijziging=-13" };

    fn figures(selection: Selection, wijziging: rust_decimal::Decimal) -> Figures {
        let mut inputs = Inputs::new(data());
        inputs.selection = selection;
        inputs.scenario.apply(data(), selection, Line::Co, Change::Percent(wijziging)).expect("a valid change");
        inputs.outcome(data()).selection(data(), selection)
    }

    #[test]
    fn a_cut_names_every_figure_the_page_shows_and_where_it_comes_from() {
        let groningen = Selection::Gemeente(gemeente("Groningen"));
        let f = figures(groningen, dec!(-13));
        let text = memo(data(), groningen, &f, &ORIGIN);
        // As read, without the no-break spaces that keep "€" with its amount.
        let read = text.replace('\u{a0}', " ");
        assert!(
            read.starts_with(
                "Als Groningen in 2015 bij MEE voor € 1.668.122 cliëntondersteuning (−13% ten opzichte van 2014) inkoopt \
                 en voor € 22.364 Integrale Vroeghulp (evenveel als in 2014), leidt dat"
            ),
            "{read}"
        );
        for shown in [
            format::euro(f.omzetdaling),
            format::euro(f.frictiekosten),
            format::euro(f.ongedekt),
            format::fte(f.fte_verlies),
        ] {
            assert!(text.contains(&shown), "{shown} in {text}");
        }
        assert!(read.contains("frictiekosten met zich mee van € 162.019, waarvan € 121.514 ongedekt"), "{read}");
        assert!(
            text.ends_with(
                "Voortgangsmonitor van 1 december 2014: https://rekenhulp.example/?gemeente=Groningen&wijziging=-13"
            ),
            "{text}"
        );
        assert!(text.contains("Berekend op 05-12-2026"), "{text}");
    }

    #[test]
    fn a_rise_says_there_is_no_omzetdaling_and_no_frictiekosten() {
        let groningen = Selection::Gemeente(gemeente("Groningen"));
        let text = memo(data(), groningen, &figures(groningen, dec!(5)), &ORIGIN);
        assert!(text.contains("cliëntondersteuning (+5% ten opzichte van 2014)"), "{text}");
        assert!(text.contains("geen omzetdaling en dus geen frictiekosten"), "{text}");
        assert!(!text.contains("ongedekt"), "{text}");
    }

    #[test]
    fn an_area_of_several_gemeenten_is_named_as_such() {
        let regio = find(Kind::Jeugdregio, "Groningen");
        let text = memo(data(), regio, &figures(regio, dec!(-10)), &ORIGIN);
        assert!(text.starts_with("Als de gemeenten van jeugdregio Groningen in 2015"), "{text}");
        let text = memo(data(), Selection::Nederland, &figures(Selection::Nederland, dec!(-10)), &ORIGIN);
        assert!(text.starts_with("Als alle gemeenten samen in 2015"), "{text}");
    }
}
