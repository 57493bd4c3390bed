//! Rekenhulp frictiekosten MEE 2015.
//!
//! In 2015 the money for cliëntondersteuning moved from the 22 MEE-organisaties to the 408
//! gemeenten. Where a gemeente bought less from MEE than MEE received for it in 2014, MEE
//! lost turnover, staff became redundant and housing kept costing: frictiekosten. This crate
//! computes them, following docs/model.md.
//!
//! Four layers, each importing only the ones before it (ARCHITECTURE.md; `tests/layers.rs`
//! checks it):
//! - [`model`]: the data, the inputs and the calculation;
//! - [`text`]: Dutch numbers, links, stored scenarios and the CSV;
//! - [`view`]: what the page shows, as values;
//! - `ui`: the Leptos components, for the wasm32 target only.

pub mod model;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
