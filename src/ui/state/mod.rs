//! The session and its time: the one Calculator, the copy the panels follow once typing
//! pauses (Later), and the restartable timer both use.

pub(super) mod calculator;
pub(super) mod debounce;
pub(super) mod later;

use leptos::prelude::use_context;

/// A value the page provides to every section (the Calculator, the Parts). Not Leptos'
/// `expect_context`: its message formats the type's name and the caller's location with
/// `Debug`, which pulls string escaping into the first load (about 1 KB of wasm) for a
/// panic that only a broken build reaches.
pub fn provided<T: Clone + 'static>() -> T {
    use_context::<T>().unwrap_or_else(|| panic!("{} is not provided by the page", std::any::type_name::<T>()))
}
