//! Running inside an iframe (`embed=1`): a link to the full page with the same state. (The
//! page's height is reported to the parent by `browser::report_height_to_parent`.)

use leptos::prelude::*;

use super::calculator::use_calculator;

/// A link to the full page in a new tab, with the state as it is: where the frame cannot do
/// what the page can (print a report: Ctrl+P in a frame prints the host page).
#[component]
pub fn OpenInFull(#[prop(into)] text: String, #[prop(optional)] testid: Option<&'static str>) -> impl IntoView {
    let calc = use_calculator();
    // The link as the panels follow it: written once typing pauses, not on every key.
    let href = move || {
        let query = calc.later.written().query;
        // Relative to this page, so it works under any path the calculator is served from.
        if query.is_empty() { "./".to_string() } else { format!("./?{query}") }
    };
    view! {
        <a class="nl-link" href=href target="_blank" rel="noopener" data-testid=testid>{text}</a>
    }
}
