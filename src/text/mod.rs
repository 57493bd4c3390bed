//! Text in and out: Dutch numbers as people read and type them, the link (the public URL
//! interface), the stored scenarios and the CSV. Builds on the model only.

pub mod encoding;
pub mod export;
pub mod format;
pub mod import;
pub mod input;
pub mod kaart;
pub mod notation;
pub mod saved;
pub mod untrusted;
pub mod url;
