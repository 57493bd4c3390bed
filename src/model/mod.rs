//! The model: the 2014 table, what a person can choose, and the calculation of
//! docs/model.md. No I/O, no text formatting, no web dependency; everything above builds
//! on it, and it imports nothing above it.

pub mod analysis;
pub mod apportion;
pub mod calculation;
pub mod data;
pub mod find;
pub mod inputs;
pub mod layers;
pub mod pad;
pub mod params;
pub mod scenario;
pub mod selection;
pub mod sort;
// Fixtures for the unit tests here and the integration tests in tests/ (one copy for both);
// never used by the app, so the wasm build drops them.
#[doc(hidden)]
pub mod testing;
pub mod weergave;
