//! The sections of the page, one module each (the map a folder): what a person sees and
//! does, reading the Calculator from context. Those below the figures are built from their
//! chunks (`crate::ui::split`).

pub(super) mod analysis;
pub(super) mod compare;
pub(super) mod delen;
pub(super) mod download;
pub(super) mod embed;
pub(super) mod gemeenten;
pub(super) mod import;
pub(super) mod inkoop;
pub(super) mod insluiten;
pub(super) mod kaart;
pub(super) mod memo;
pub(super) mod method;
pub(super) mod notices;
pub(super) mod pad;
pub(super) mod params;
pub(super) mod presets;
pub(super) mod report;
pub(super) mod results;
pub(super) mod scenarios;
pub(super) mod search;
pub(super) mod selection;
pub(super) mod worked;
