//! The browser's localStorage, guarded: it may be missing, blocked (a third-party iframe,
//! private mode) or full, and any access may throw. Every failure is a Dutch message.

use crate::saved::{self, Saved};

const KEY: &str = "mee-frictiekosten/scenarios";

pub const UNAVAILABLE: &str =
    "Bewaren kan niet in deze browser (bijvoorbeeld in een ingebedde pagina of een privévenster).";

fn storage() -> Result<web_sys::Storage, &'static str> {
    leptos::web_sys::window().ok_or(UNAVAILABLE)?.local_storage().map_err(|_| UNAVAILABLE)?.ok_or(UNAVAILABLE)
}

/// The saved scenarios, and a notice about what could not be read.
pub fn load() -> Result<(Vec<Saved>, Option<String>), &'static str> {
    let text = storage()?.get_item(KEY).map_err(|_| UNAVAILABLE)?;
    Ok(text.map(|t| saved::parse(&t)).unwrap_or_default())
}

pub fn store(list: &[Saved]) -> Result<(), &'static str> {
    storage()?
        .set_item(KEY, &saved::serialize(list))
        .map_err(|_| "De browser weigert meer op te slaan (geheugen vol?). Verwijder een scenario of bewaar de link.")
}
