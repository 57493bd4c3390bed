//! Everything the calculator asks of the browser, in one place: the address bar and the
//! session history, localStorage, file downloads, the date, focus and scrolling, the map's
//! file and shapes, performance marks, and the frame it may be embedded in.
//!
//! Each of these may be missing or refuse (a sandboxed iframe, private mode, a full disk,
//! an old browser), so every function here degrades to doing nothing or returns an error
//! value; none panics. The rest of `ui` never names `web_sys` or `js_sys`.

mod address;
mod clipboard;
mod elements;
mod files;
mod frame;
mod start;
mod storage;
mod timers;
mod viewport;

pub use address::*;
pub use clipboard::*;
pub use elements::*;
pub use files::*;
pub use frame::*;
pub use start::*;
pub use storage::*;
pub use timers::*;
pub use viewport::*;
