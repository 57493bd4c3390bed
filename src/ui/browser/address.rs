//! The address bar and the session history, printing, and the page's root style.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys;

/// The query string of the page as it is now (with its `?`, or empty).
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's address without query or fragment: what a link to this calculator starts with.
pub fn page_base() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The full link for a query string (without `?`).
pub fn full_link(query: &str) -> String {
    let base = page_base();
    if query.is_empty() { base } else { format!("{base}?{query}") }
}

/// The full query the current history entry was written with, when the address bar holds
/// less of it (a link too long for a server): kept in the entry's state, which survives a
/// reload and Back/Forward.
fn entry_full_query(state: &JsValue) -> Option<String> {
    js_sys::Reflect::get(state, &"volledig".into()).ok()?.as_string()
}

/// The query to start from: the address bar's, or the fuller one its history entry keeps
/// when the address bar was written shortened.
pub fn starting_query() -> String {
    let state = window().history().and_then(|h| h.state()).unwrap_or(JsValue::NULL);
    entry_full_query(&state).unwrap_or_else(current_query)
}

/// Writes the address bar: a new history entry (`push`) or the current one replaced. `full`
/// is the whole query when `query` had to leave something out. Nothing is written when the
/// entry already holds this; returns whether something was.
pub fn write_history(query: &str, full: Option<&str>, push: bool) -> bool {
    let window = window();
    let Ok(history) = window.history() else { return false };
    let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
    let held = entry_full_query(&history.state().unwrap_or(JsValue::NULL));
    if window.location().search().unwrap_or_default() == wanted && held.as_deref() == full {
        return false;
    }
    let state = match full {
        Some(full) => {
            let object = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&object, &"volledig".into(), &full.into());
            object.into()
        }
        None => JsValue::NULL,
    };
    let location = window.location();
    let url = format!("{}{wanted}{}", location.pathname().unwrap_or_default(), location.hash().unwrap_or_default());
    let written = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
    written.is_ok()
}

/// Calls `restore` with the query of the entry Back or Forward went to.
pub fn on_history_move(restore: impl Fn(String) + 'static) {
    let _ = window_event_listener(leptos::ev::popstate, move |ev: web_sys::PopStateEvent| {
        restore(entry_full_query(&ev.state()).unwrap_or_else(current_query));
    });
}

/// Calls `flush` when the page is hidden (a tab closed or switched, a reload).
pub fn on_page_hide(flush: impl Fn() + 'static) {
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
}

/// Opens the browser's print dialog (which fires `beforeprint` first).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Calls `prepare` just before the page is printed.
pub fn on_before_print(prepare: impl Fn() + 'static) {
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| prepare());
}

/// Sets a custom property on the root element, through the CSSOM (which the CSP allows, as
/// it does not allow a `style` attribute): text that the print rules put in the margins of
/// every page, which inherit from the root element only.
pub fn set_root_property(name: &str, value: &str) {
    let root = window().document().and_then(|d| d.document_element());
    if let Some(root) = root.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = root.style().set_property(name, value);
    }
}
