//! Starting the calculator in the page, or saying why it cannot or why it stopped.

use leptos::prelude::*;
use leptos::web_sys;

use super::*;

/// Mounts the calculator into the app shell's `#app` (index.html), below its header; into
/// the body if the page has no shell.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    match element::<web_sys::HtmlElement>("app") {
        Some(root) => leptos::mount::mount_to(root, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// Shown when the calculator cannot start (its built-in table cannot be read), with the
/// reason, in the app shell's place.
pub fn show_start_failure(reason: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(app) = document.get_element_by_id("app").or_else(|| document.body().map(Into::into)) else { return };
    let Ok(message) = document.create_element("div") else { return };
    message.set_class_name("crash");
    let _ = message.set_attribute("role", "alert");
    for (tag, text) in [
        ("h1", "De rekenhulp kan niet starten"),
        ("p", reason),
        ("p", "Herlaad de pagina. Blijft dit gebeuren, meld het dan met deze tekst erbij."),
    ] {
        if let Ok(element) = document.create_element(tag) {
            element.set_text_content(Some(text));
            let _ = message.append_child(&element);
        }
    }
    app.set_inner_html("");
    let _ = app.append_child(&message);
}

/// Shown by the panic hook: a crash must never leave a blank page. Plain DOM, because the
/// reactive system is not to be trusted after a panic.
pub fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    if let Ok(message) = document.create_element("div") {
        message.set_id("crash");
        message.set_class_name("crash");
        let _ = message.set_attribute("role", "alert");
        message.set_text_content(Some(
            "Er ging iets mis in de rekenhulp. Herlaad de pagina; uw invoer staat in de adresregel.",
        ));
        let _ = body.prepend_with_node_1(&message);
    }
}
