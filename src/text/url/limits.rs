//! The bounds of a link, read by the decoder, the encoder and the notices alike.

/// The most parts a link is read for. The calculator writes at most 35.
pub const MAX_PARTS: usize = 64;
/// The most entries of `gemeenten=` that are read: two per gemeente is already a mistake.
pub const MAX_GEMEENTEN: usize = 1000;
/// Notices are for people; a hostile link with a thousand bad parameters gets a few.
pub const MAX_NOTICES: usize = 8;

/// The longest link the calculator writes. nginx and Apache refuse request lines over
/// 8 KB by default; the origin and path of the page count too.
pub const MAX_LINK: usize = 8000;
