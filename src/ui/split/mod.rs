//! The lazily loaded parts of the page: what the page knows of them (parts) and a chunk's
//! value loaded once, with its stand-in until it is there (lazy). The split points that put
//! each section's code in a chunk name every section, so they sit above the sections, in
//! `crate::ui::chunks`.

pub(super) mod lazy;
pub(super) mod parts;
