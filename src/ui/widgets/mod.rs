//! Controls and pieces several sections use: the number field, the typed table parts, the
//! charts put in the page, the image download buttons.

pub(super) mod charts;
pub(super) mod field;
pub(super) mod images;
pub(super) mod table;
