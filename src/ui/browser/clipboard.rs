//! The clipboard, and selecting text for Ctrl+C where it is blocked.

use leptos::prelude::*;
use leptos::web_sys;

use super::*;

/// Puts `text` on the clipboard, then calls `done` with whether it could (no clipboard,
/// not allowed, or not a secure context: false).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object());
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Selects all text of the text area with this id and focuses it, so that Ctrl+C copies it.
pub fn select_all(id: &str) {
    if let Some(area) = element::<web_sys::HtmlTextAreaElement>(id) {
        let _ = area.focus();
        area.select();
    }
}
