//! Running inside an iframe (`embed=1`): a link to the full page with the same state, and
//! the page's height reported to the parent so the iframe can fit it (see public/embed.js).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::closure::Closure;

use super::state::use_calculator;
use crate::url::{self, UrlState};

/// What `postMessage` carries; embed.js checks `source` and `type`.
const MESSAGE_SOURCE: &str = "mee-frictiekosten";

#[component]
pub fn OpenInFull() -> impl IntoView {
    let calc = use_calculator();
    let href = Memo::new(move |_| {
        let state = UrlState {
            selection: calc.selection.get(),
            scenario: calc.scenario.get(),
            params: calc.params.get(),
            embed: false,
            pad: calc.pad.get(),
            vergelijk: calc.vergelijk.get(),
            doel_ongedekt: calc.doel_ongedekt.get(),
        };
        let query = url::encode(calc.data, &state);
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

/// Posts the page height to the parent window whenever it changes. Does nothing when the
/// page is not in a frame. The observer lives as long as the page.
pub fn report_height_to_parent() {
    let Some(window) = leptos::web_sys::window() else { return };
    let parent = match window.parent() {
        Ok(Some(parent)) if parent != window => parent,
        _ => return,
    };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let last = StoredValue::new(0u32);
    let measured = body.clone();
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        // The body has no margin (style/main.css), so its offset height is the page's.
        let height = measured.offset_height().max(0) as u32;
        if height == last.get_value() {
            return;
        }
        last.set_value(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"source".into(), &MESSAGE_SOURCE.into());
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Any origin may embed the calculator; the message holds nothing but a height.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        on_resize.forget();
    }
}
