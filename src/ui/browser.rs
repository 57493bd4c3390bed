//! Everything the calculator asks of the browser, in one place: the address bar and the
//! session history, localStorage, file downloads, the date, focus and scrolling, the map's
//! file and shapes, performance marks, and the frame it may be embedded in.
//!
//! Each of these may be missing or refuse (a sandboxed iframe, private mode, a full disk,
//! an old browser), so every function here degrades to doing nothing or returns an error
//! value; none panics. The rest of `ui` never names `web_sys` or `js_sys`.

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys;

use crate::text::encoding::{self, Decoding, Encoding};

// ---- The address bar and the session history ----

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

// ---- localStorage ----

/// Storage cannot be used here (blocked in a third-party iframe or private window, absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// The browser refused to store (its quota is full).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

fn storage() -> Result<web_sys::Storage, Unavailable> {
    web_sys::window().ok_or(Unavailable)?.local_storage().map_err(|_| Unavailable)?.ok_or(Unavailable)
}

/// Whether localStorage can be used at all.
pub fn storage_available() -> bool {
    storage().and_then(|s| s.length().map_err(|_| Unavailable)).is_ok()
}

/// The text stored under `key`, `None` if there is none.
pub fn load(key: &str) -> Result<Option<String>, Unavailable> {
    storage()?.get_item(key).map_err(|_| Unavailable)
}

/// Every key that starts with `prefix`, with its text.
pub fn load_prefixed(prefix: &str) -> Result<Vec<(String, String)>, Unavailable> {
    let storage = storage()?;
    let mut found = Vec::new();
    for i in 0..storage.length().map_err(|_| Unavailable)? {
        // A key removed by another tab meanwhile is simply not there.
        let Some(key) = storage.key(i).map_err(|_| Unavailable)? else { continue };
        if key.starts_with(prefix)
            && let Some(text) = storage.get_item(&key).map_err(|_| Unavailable)?
        {
            found.push((key, text));
        }
    }
    Ok(found)
}

pub fn store(key: &str, text: &str) -> Result<(), Refused> {
    storage().map_err(|_| Refused)?.set_item(key, text).map_err(|_| Refused)
}

pub fn remove(key: &str) -> Result<(), Refused> {
    storage().map_err(|_| Refused)?.remove_item(key).map_err(|_| Refused)
}

/// Calls `changed` when another tab changes a key for which `relevant` says yes.
pub fn on_storage_change(relevant: impl Fn(&str) -> bool + 'static, changed: impl Fn() + 'static) {
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // `None`: the whole storage was cleared.
        if ev.key().is_none_or(|k| relevant(&k)) {
            changed();
        }
    });
}

/// The time in ms since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// An id no other tab will make: the time and a random part.
pub fn new_id() -> String {
    let (now, random) = (js_sys::Date::now() as u64, (js_sys::Math::random() * 1e12) as u64);
    format!("{now:x}-{random:x}")
}

// ---- Files and dates ----

/// Today's date as (dd-mm-jjjj, jjjj-mm-dd), in the user's time zone.
pub fn today() -> (String, String) {
    let now = js_sys::Date::new_0();
    let (d, m, y) = (now.get_date(), now.get_month() + 1, now.get_full_year());
    (format!("{d:02}-{m:02}-{y}"), format!("{y}-{m:02}-{d:02}"))
}

/// Offers `text` as a file download, made in the browser.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let offered = offer(name, &url);
    web_sys::Url::revoke_object_url(&url)?;
    offered
}

/// Clicks a link to `url` that downloads it as `name`.
fn offer(name: &str, url: &str) -> Result<(), JsValue> {
    let document = window().document().ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(name);
    link.click();
    Ok(())
}

/// Told whether something asynchronous could be done.
pub type Done = Box<dyn FnOnce(bool)>;

/// Draws `svg`, a standalone SVG of `width` × `height` CSS pixels, at twice that size and
/// offers it as the PNG download `name`; then `done` says whether it could. The SVG is read
/// from a `data:` address, which the page's CSP allows for images (`img-src 'self' data:`):
/// nothing is fetched. A browser that will not read an SVG into a canvas (one that calls the
/// canvas tainted) gives false.
pub fn download_png(name: &str, svg: &str, width: u32, height: u32, done: Done) {
    // Elements made with calls the page already imports, and `unchecked_into`, so that the
    // main module's JavaScript grows by only the four calls that draw (it holds every import).
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return done(false) };
    let (Ok(image), Ok(canvas)) = (document.create_element("img"), document.create_element("canvas")) else {
        return done(false);
    };
    let (w, h) = (width * 2, height * 2);
    let set = [
        image.set_attribute("src", &format!("data:image/svg+xml;charset=utf-8,{}", data_url_text(svg))),
        canvas.set_attribute("width", &w.to_string()),
        canvas.set_attribute("height", &h.to_string()),
    ];
    if set.iter().any(Result::is_err) {
        return done(false);
    }
    let image: web_sys::HtmlImageElement = image.unchecked_into();
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    let name = name.to_string();
    leptos::task::spawn_local(async move {
        let drawn = async {
            wasm_bindgen_futures::JsFuture::from(image.decode()).await?;
            let context: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
            context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(w), f64::from(h))?;
            // Throws where the canvas is tainted.
            let png = canvas.to_data_url_with_type("image/png")?;
            offer(&name, &png)
        };
        done(drawn.await.is_ok());
    });
}

/// `text` as the data of a `data:` address: every byte but letters, digits and a few safe
/// marks percent-encoded (`#` would end the address, `%` begin an escape).
fn data_url_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b" -_.=:/,;()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// Why a chosen file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than the limit given: not read at all.
    TooLarge,
    /// The browser could not read it (removed, no permission).
    Unreadable,
}

/// A chosen file, read: its name, its text, and the encoding it was read in.
pub type ChosenFile = (String, String, Encoding);

/// Reads the file chosen in the file input `ev` comes from, as text, and calls `done` with
/// it. The encoding is decided by `text::encoding` (a UTF-16 byte order mark, else UTF-8
/// when the bytes are valid UTF-8, else Windows-1252, as older Excel saves a CSV); the
/// browser's `TextDecoder` decodes, at no cost in wasm. A file over `max_bytes` is refused
/// before it is read. The input is cleared, so choosing the same file again reads it again.
pub fn read_chosen_file(
    ev: &leptos::ev::Event,
    max_bytes: usize,
    done: impl FnOnce(Result<ChosenFile, FileProblem>) + 'static,
) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    input.set_value("");
    if file.size() > max_bytes as f64 {
        return done(Err(FileProblem::TooLarge));
    }
    let Ok(reader) = web_sys::FileReader::new() else { return done(Err(FileProblem::Unreadable)) };
    let name = file.name();
    let read = reader.clone();
    // Called once, then freed by wasm-bindgen.
    let on_load = Closure::once_into_js(move || {
        let text = read.result().ok().and_then(|buffer| decode(&js_sys::Uint8Array::new(&buffer).to_vec()));
        done(text.map(|(text, encoding)| (name, text, encoding)).ok_or(FileProblem::Unreadable));
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    if reader.read_as_array_buffer(&file).is_err() {
        reader.set_onloadend(None);
    }
}

fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
    let Decoding { encoding, bom } = encoding::detect(bytes);
    let decoder = web_sys::TextDecoder::new_with_label(encoding.label()).ok()?;
    let text = decoder.decode_with_u8_array(bytes.get(bom..)?).ok()?;
    Some((text, encoding))
}

// ---- Elements ----

fn element<T: JsCast>(id: &str) -> Option<T> {
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

/// Runs `f` once the browser has painted the page as it is now: a timeout scheduled from an
/// animation frame runs after that frame is painted.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Runs `f` when the browser is idle, and at the latest after [`IDLE_DEADLINE`] (as
/// `requestIdleCallback`'s `timeout` would): a page that is never idle, such as a frame on
/// a busy host page, still gets its turn. Where there is no `requestIdleCallback` (Safari),
/// after a moment.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let deadline = if leptos::leptos_dom::helpers::request_idle_callback_with_handle(run).is_ok() {
        IDLE_DEADLINE
    } else {
        std::time::Duration::from_millis(50)
    };
    set_timeout(move || once.take().map_or((), |f| f()), deadline);
}

/// How long [`when_idle`] waits for the browser to be idle.
const IDLE_DEADLINE: std::time::Duration = std::time::Duration::from_millis(1500);

/// A performance mark named `name`, for `scripts/bench.mjs` and the browser tests.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` between two performance marks and measures it as `name`, for
/// `scripts/bench.mjs` to read (`performance.getEntriesByName`). Costs nothing to look at.
pub fn measured<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let performance = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
    result
}

// ---- Fetching ----

/// The text of a file of the site itself (a path relative to the page), or why not, in
/// Dutch.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    use leptos::wasm_bindgen::JsCast as _;
    use wasm_bindgen_futures::JsFuture;
    let offline = || format!("{path} kon niet worden opgehaald: geen verbinding met de website.");
    let window = web_sys::window().ok_or_else(offline)?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| offline())?.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        return Err(format!("{path} kon niet worden opgehaald: de website antwoordt {}.", response.status()));
    }
    let text = response.text().map_err(|_| offline())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(offline)
}

// ---- The frame around an embedded calculator ----

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
