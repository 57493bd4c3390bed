//! The frame around an embedded calculator: its height and the figures told to the host page.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::closure::Closure;
use leptos::web_sys;

/// What `postMessage` carries; public/embed.js checks `source` and `type`.
const MESSAGE_SOURCE: &str = "mee-frictiekosten";

/// Posts the page height to the parent window whenever it changes. Does nothing when the
/// page is not in a frame. The observer lives as long as the page.
pub fn report_height_to_parent() {
    let Some(window) = web_sys::window() else { return };
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

/// Posts `message` to the parent window, addressed to `origin` alone (never `"*"`): the
/// browser delivers it only when the parent's origin is that one. Does nothing when the page
/// is not in a frame. The one place a Rust value is converted into a JavaScript object.
pub fn post_to_host<T: serde::Serialize>(message: &T, origin: &str) {
    let Some(window) = web_sys::window() else { return };
    let parent = match window.parent() {
        Ok(Some(parent)) if parent != window => parent,
        _ => return,
    };
    if let Ok(value) = serde_wasm_bindgen::to_value(message) {
        let _ = parent.post_message(&value, origin);
    }
}

/// This page's origin (`https://rekenhulp.example.nl`).
pub fn page_origin() -> String {
    window().location().origin().unwrap_or_default()
}
