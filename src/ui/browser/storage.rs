//! localStorage, and the clock and ids that what is stored carries.

use leptos::prelude::*;
use leptos::web_sys;

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
