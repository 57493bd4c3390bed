//! What a step that overwrote earlier work says beside its "Ongedaan maken" button: whether
//! there is anything to say, and the Dutch sentence. The calculator (`ui::state::calculator`)
//! offers the undo; the words and the decision are here, where `cargo test` reaches them.

use crate::model::data::Dataset;
use crate::model::inputs::Inputs;
use crate::view::presets::Preset;

/// A change for the whole area replaced `own` amounts of single gemeenten in `area`.
pub fn own_amounts_replaced(own: usize, area: &str) -> Option<String> {
    match own {
        0 => None,
        1 => Some(format!(
            "Het eigen bedrag van 1 gemeente in {area} is vervangen door de wijziging voor het hele gebied."
        )),
        n => Some(format!(
            "De eigen bedragen van {n} gemeenten in {area} zijn vervangen door de wijziging voor het hele gebied."
        )),
    }
}

/// A preset took `before` to `after`: what it replaced (another area, amounts, an
/// afbouwpad), or nothing to say when it replaced nothing.
pub fn preset_applied(data: &Dataset, preset: Preset, before: &Inputs, after: &Inputs) -> Option<String> {
    let mut said = Vec::new();
    if after.selection != before.selection {
        said.push(format!(
            "Het gebied is nu {} in plaats van {}.",
            after.selection.naam(data),
            before.selection.naam(data)
        ));
    }
    let overwritten = after.overwritten_since(data, before);
    let pad_replaced = before.pad.iter().any(Option::is_some) && after.pad != before.pad;
    if overwritten > 0 || pad_replaced {
        said.push(match overwritten {
            0 => "Het eerdere afbouwpad is vervangen.".to_string(),
            1 => "Een eerdere wijziging van 1 gemeente is vervangen.".to_string(),
            n => format!("Eerdere wijzigingen van {n} gemeenten zijn vervangen."),
        });
    }
    (!said.is_empty()).then(|| format!("‘{}’ toegepast. {}", preset.label(), said.join(" ")))
}

/// A saved scenario replaced the calculation on screen.
pub fn saved_opened(naam: &str) -> String {
    format!("Scenario ‘{naam}’ geopend; de berekening van daarvoor is vervangen.")
}

/// The edits of `count` gemeenten outside `area` were put back at their 2014 budget.
pub fn outside_cleared(count: usize, area: &str) -> String {
    match count {
        1 => format!("De wijziging van 1 gemeente buiten {area} is gewist."),
        n => format!("De wijzigingen van {n} gemeenten buiten {area} zijn gewist."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::Line;
    use crate::model::scenario::Change;
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find, gemeente};
    use rust_decimal_macros::dec;

    #[test]
    fn counts_are_said_in_singular_and_plural() {
        assert_eq!(own_amounts_replaced(0, "Drenthe"), None);
        assert!(
            own_amounts_replaced(1, "Drenthe")
                .is_some_and(|m| m.starts_with("Het eigen bedrag van 1 gemeente in Drenthe"))
        );
        assert!(own_amounts_replaced(3, "Drenthe").is_some_and(|m| m.starts_with("De eigen bedragen van 3 gemeenten")));
        assert_eq!(outside_cleared(1, "Assen"), "De wijziging van 1 gemeente buiten Assen is gewist.");
        assert_eq!(outside_cleared(2, "Assen"), "De wijzigingen van 2 gemeenten buiten Assen zijn gewist.");
    }

    #[test]
    fn a_preset_says_what_it_replaced_and_nothing_when_it_replaced_nothing() {
        let d = data();
        let fresh = Inputs::new(d);
        let mut applied = fresh.clone();
        Preset::StatusQuo.apply(d, &mut applied);
        assert_eq!(preset_applied(d, Preset::StatusQuo, &fresh, &applied), None);

        let mut edited = Inputs { selection: find(Kind::Gemeente, "Assen"), ..fresh };
        edited.scenario.set_gemeente(d, gemeente("Assen"), Line::Co, dec!(1)).unwrap_or_default();
        let _ = edited.scenario.apply(d, find(Kind::Gemeente, "Groningen"), Line::Co, Change::Percent(dec!(-5)));
        let mut after = edited.clone();
        Preset::StatusQuo.apply(d, &mut after);
        let said = preset_applied(d, Preset::StatusQuo, &edited, &after).unwrap_or_default();
        assert!(said.starts_with("‘Status quo’ toegepast."), "{said}");
        assert!(said.contains("Eerdere wijzigingen van 2 gemeenten zijn vervangen."), "{said}");
    }
}
