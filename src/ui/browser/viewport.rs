//! Whether an element is on screen or near it.

use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::closure::Closure;
use leptos::web_sys;

/// Calls `changed` with whether any of `element` is on screen, now and whenever that
/// changes, for as long as the page lives.
pub fn on_in_view(element: &web_sys::Element, changed: impl Fn(bool) + 'static) {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state of the one element observed.
        if let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            changed(entry.is_intersecting());
        }
    });
    if let Ok(observer) = web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref()) {
        observer.observe(element);
        on_change.forget();
    }
}

/// The elements waiting to come near the viewport, each with what it then calls.
type Waiting = Vec<(web_sys::Element, Box<dyn FnOnce()>)>;

thread_local! {
    /// One observer for every stand-in that waits to come near the viewport.
    static NEAR: std::cell::RefCell<Option<(web_sys::IntersectionObserver, Waiting)>> =
        const { std::cell::RefCell::new(None) };
}

/// Calls `near` once, when any of `element` comes within a screen's height of the
/// viewport (at once if it is there), then stops watching it. Where the browser has no
/// IntersectionObserver, at once.
pub fn when_near_view(element: &web_sys::Element, near: impl FnOnce() + 'static) {
    let mut near: Option<Box<dyn FnOnce()>> = Some(Box::new(near));
    let observer = NEAR.with_borrow_mut(|state| {
        if state.is_none() {
            let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                for entry in entries.iter().filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) {
                    if entry.is_intersecting() {
                        near_reached(&entry.target());
                    }
                }
            });
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin("100% 0px");
            let observer =
                web_sys::IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options).ok()?;
            on_change.forget();
            *state = Some((observer, Vec::new()));
        }
        let (observer, waiting) = state.as_mut()?;
        waiting.push((element.clone(), near.take()?));
        Some(observer.clone())
    });
    match (observer, near) {
        (Some(observer), _) => observer.observe(element),
        (None, Some(near)) => near(),
        (None, None) => {}
    }
}

/// `element` came near the viewport: stop watching it, and call what waited for it.
fn near_reached(element: &web_sys::Element) {
    let called = NEAR.with_borrow_mut(|state| {
        let (observer, waiting) = state.as_mut()?;
        observer.unobserve(element);
        let at = waiting.iter().position(|(e, _)| e == element)?;
        Some(waiting.swap_remove(at).1)
    });
    if let Some(near) = called {
        near();
    }
}
