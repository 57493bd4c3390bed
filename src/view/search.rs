//! The search field's suggestions as the page lists them (`model::find` finds them).

use crate::model::data::Dataset;
pub use crate::model::find::Match as Suggestion;
use crate::model::selection::{Kind, Selection};
use crate::view::html::escape;

/// At most `limit` suggestions for what was typed, best first.
pub fn suggestions(data: &Dataset, query: &str, limit: usize) -> Vec<Suggestion> {
    crate::model::find::matches(data, query, limit)
}

/// The id of the `index`-th suggestion, for `aria-activedescendant`.
pub fn option_id(index: usize) -> String {
    format!("zoek-optie-{index}")
}

/// The suggestions as the listbox's options (`active`: the one the arrow keys are on); each
/// carries its position in `data-i`, which a click on it reports. A gemeente formed after
/// 2013 says when ("gemeente sinds 2014").
pub fn options_markup(data: &Dataset, found: &[Suggestion], active: Option<usize>) -> String {
    let mut html = String::new();
    for (i, s) in found.iter().enumerate() {
        html += &format!(
            r#"<li id="{}" role="option" class="picker__option" aria-selected="{}" data-i="{i}"><span class="picker__name" translate="no">{}</span> <span class="picker__kind">{}</span></li>"#,
            option_id(i),
            active == Some(i),
            escape(&s.naam),
            escape(&s.selection.label(data))
        );
    }
    html
}

/// What the search field holds when no one is typing in it: the chosen area's name, so that
/// a screen reader landing on the field hears what the figures are about (empty for all of
/// Nederland, which has its own button).
pub fn field_text(data: &Dataset, selection: Selection) -> String {
    match selection {
        Selection::Nederland => String::new(),
        s => s.naam(data).to_string(),
    }
}

/// The field's status line, spoken politely: the number of suggestions while typing, and
/// which area is chosen otherwise (also when a click on the map, a link or "ongedaan maken"
/// chose it).
pub fn status(data: &Dataset, typed: Option<&str>, found: usize, selection: Selection) -> String {
    match typed.map(str::trim) {
        Some("") => String::new(),
        Some(_) => match found {
            0 => "Geen gemeente, jeugdregio of MEE-organisatie gevonden.".to_string(),
            1 => "1 suggestie; kies met de pijltjestoetsen en Enter.".to_string(),
            n => format!("{n} suggesties; kies met de pijltjestoetsen en Enter."),
        },
        None => match selection.kind() {
            Kind::Nederland => "Gekozen: heel Nederland.".to_string(),
            kind => format!("Gekozen: {} {}.", kind.label(), selection.naam(data)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::data;

    #[test]
    fn the_chosen_area_is_said_and_kept_in_the_field() {
        let data = data();
        let groningen = Selection::Gemeente(crate::model::testing::gemeente("Groningen"));
        assert_eq!(field_text(data, groningen), "Groningen");
        assert_eq!(status(data, None, 0, groningen), "Gekozen: gemeente Groningen.");
        assert_eq!(field_text(data, Selection::Nederland), "");
        assert_eq!(status(data, None, 0, Selection::Nederland), "Gekozen: heel Nederland.");
    }

    #[test]
    fn while_typing_the_status_counts_the_suggestions() {
        let data = data();
        assert_eq!(status(data, Some("  "), 3, Selection::Nederland), "");
        assert_eq!(
            status(data, Some("xq"), 0, Selection::Nederland),
            "Geen gemeente, jeugdregio of MEE-organisatie gevonden."
        );
        assert_eq!(
            status(data, Some("gron"), 1, Selection::Nederland),
            "1 suggestie; kies met de pijltjestoetsen en Enter."
        );
        assert_eq!(
            status(data, Some("gron"), 4, Selection::Nederland),
            "4 suggesties; kies met de pijltjestoetsen en Enter."
        );
    }
}
