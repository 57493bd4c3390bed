//! The crate's source files, for the tests that read them as text (layers.rs,
//! structure.rs). Kept out of `common/mod.rs`, which the other test files include.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, appended to `out`.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
