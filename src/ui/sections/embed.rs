//! Running inside an iframe (`embed=1`): a link to the full page with the same state, and
//! the figures told to the host page. (The page's height is reported to the parent by
//! `browser::report_height_to_parent`.)

use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::state::calculator::{Calculator, use_calculator};
use crate::view::embed_message::{Message, message};

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

/// Tells the host page what the frame shows (`view::embed_message`), whenever the figures
/// settle and the message differs from the last: posted to `origin` alone, the origin
/// `embed.js` named in `host=`. Runs from the `bericht` chunk, fetched after the figures.
pub fn report_figures(calc: Calculator, origin: String) {
    let data = calc.data;
    let base = browser::page_base();
    let last = StoredValue::new(None::<Message>);
    Effect::new(move |_| {
        let query = calc.later.written().query;
        let message = message(data, calc.later.selection(), &calc.later.figures(), &query, &base);
        if last.with_value(|l| l.as_ref() != Some(&message)) {
            browser::post_to_host(&message, &origin);
            last.set_value(Some(message));
            // For the browser tests: a message was posted (delivered or not).
            browser::mark("bericht-verzonden");
        }
    });
}
