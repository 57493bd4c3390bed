//! View-models: what the page shows, as plain values computed from the model and written
//! with `text`: charts as bars and labels, table order, search suggestions, the presets,
//! the comparison, the edits outside an area, the rows of figures, the worked calculation; and
//! the read-only panels as markup (`html`, one escaping function). No Leptos; tested
//! natively. The `ui` layer draws them.

pub mod analysis;
pub mod area;
pub mod chart;
pub mod chart_image;
pub mod compare;
pub mod embed_message;
pub mod embed_snippet;
pub mod figures;
pub mod html;
pub mod image;
pub mod import;
pub mod import_words;
pub mod kaart;
pub mod kaart_image;
pub mod kaart_klassen;
pub mod kaart_markup;
pub mod measure;
pub mod memo;
pub mod method;
pub mod outside;
pub mod pad;
pub mod presets;
pub mod ranking;
pub mod report;
pub mod search;
pub mod sort;
pub mod table;
pub mod undo;
pub mod worked;
