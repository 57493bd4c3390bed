//! Elements: focus and scrolling, and what an event's target tells.

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;

pub(super) fn element<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into::<T>().ok()
}

/// Moves keyboard focus to the element with this id, if it is there.
pub fn focus(id: &str) {
    if let Some(element) = element::<web_sys::HtmlElement>(id) {
        let _ = element.focus();
    }
}

/// Focuses `element` if focus is nowhere (on the body), as after the focused element was
/// replaced: a stand-in's place in the tab order passes on to what replaces it.
pub fn focus_if_lost(element: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let lost = document.active_element().is_none_or(|a| document.body().is_some_and(|b| *b == a));
    if lost {
        // `focus` is called on the object itself, so this works for an SVG element too.
        let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Scrolls the element with this id into view and focuses it.
pub fn show(id: &str) {
    if let Some(element) = element::<web_sys::HtmlElement>(id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Opens the `<details>` with this id, scrolls it into view and focuses its summary.
pub fn open_details(id: &str) {
    let Some(details) = element::<web_sys::Element>(id) else { return };
    let _ = details.set_attribute("open", "");
    details.scroll_into_view();
    if let Some(summary) =
        details.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

/// Scrolls the list `list_id`, and only the list, so that the element `item_id` is visible.
pub fn keep_in_list_view(list_id: &str, item_id: &str) {
    let (Some(list), Some(item)) = (element::<web_sys::Element>(list_id), element::<web_sys::HtmlElement>(item_id))
    else {
        return;
    };
    let (top, bottom) = (item.offset_top(), item.offset_top() + item.offset_height());
    if top < list.scroll_top() {
        list.set_scroll_top(top);
    } else if bottom > list.scroll_top() + list.client_height() {
        list.set_scroll_top(bottom - list.client_height());
    }
}

/// Selects the text of the input an event came from.
pub fn select_text(ev: &leptos::ev::Event) {
    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    }
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn details_open(ev: &leptos::ev::Event) -> Option<bool> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).map(|d| d.open())
}

/// The index in the `data-i` attribute of the element an event came from, or of the
/// nearest element around it that has one (a shape on the map, a search suggestion).
pub fn data_index(ev: &leptos::ev::Event) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("[data-i]").ok()??.get_attribute("data-i")?.parse().ok()
}

/// Selects the text of the input an event came from (on focus: typing then replaces it).
pub fn select_field_text(ev: &leptos::ev::FocusEvent) {
    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    }
}

/// Sets attribute `name` of the i-th element child of `parent` to `value(i)`, for each
/// child; a value that is already there is left alone, so an unchanged shape costs the
/// browser no restyle.
pub fn set_on_children(parent: &web_sys::Element, name: &str, value: impl Fn(usize) -> String) {
    let children = parent.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        let value = value(i as usize);
        if child.get_attribute(name).as_deref() != Some(value.as_str()) {
            let _ = child.set_attribute(name, &value);
        }
    }
}
