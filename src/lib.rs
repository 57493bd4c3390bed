//! Rekenhulp frictiekosten MEE 2015.
//!
//! In 2015 the money for cliëntondersteuning moved from the 22 MEE-organisaties to the 408
//! gemeenten. Where a gemeente bought less from MEE than MEE received for it in 2014, MEE
//! lost turnover, staff became redundant and housing kept costing: frictiekosten. This crate
//! computes them, following `model.md` as summarised in ARCHITECTURE.md.
//!
//! The calculation core (everything but `ui`) has no web dependency and no I/O; it is tested
//! natively with `cargo test`. The `ui` module exists only for the wasm32 target.

pub mod analysis;
pub mod apportion;
pub mod chart;
pub mod compare;
pub mod data;
pub mod export;
pub mod format;
pub mod input;
pub mod inputs;
pub mod layers;
pub mod model;
pub mod outside;
pub mod pad;
pub mod params;
pub mod presets;
pub mod saved;
pub mod scenario;
pub mod search;
pub mod selection;
pub mod sort;
pub mod table;
pub mod untrusted;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod ui;
