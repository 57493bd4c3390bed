//! Running inside an iframe (`embed=1`): a link to the full page with the same state. (The
//! page's height is reported to the parent by `browser::report_height_to_parent`.)

use leptos::prelude::*;

use super::calculator::use_calculator;

#[component]
pub fn OpenInFull() -> impl IntoView {
    let calc = use_calculator();
    // The link as the panels follow it: written once typing pauses, not on every key.
    let href = Memo::new(move |_| {
        let query = calc.later.written().query;
        // Relative to this page, so it works under any path the calculator is served from.
        if query.is_empty() { "./".to_string() } else { format!("./?{query}") }
    });
    view! {
        <p class="embed-bar">
            <a class="nl-link" href=move || href.get() target="_blank" rel="noopener" data-testid="open-volledig">
                "Open de rekenhulp in een nieuw tabblad"
            </a>
        </p>
    }
}
