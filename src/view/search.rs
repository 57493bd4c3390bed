//! The search field's suggestions as the page lists them (`model::find` finds them).

use crate::model::data::Dataset;
pub use crate::model::find::Match as Suggestion;
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
