//! The layers of ARCHITECTURE.md, checked: `model` < `text` < `view` < `ui`. A module may
//! use its own layer and the layers below it, never one above; this reads every source file
//! (tests and doc comments included) and fails on a path into a higher layer.

// Tests may sort as they like; the wasm is what clippy.toml keeps to one sort.
#![allow(clippy::disallowed_methods)]

#[path = "common/sources.rs"]
mod sources;

use sources::rust_files;
use std::fs;
use std::path::Path;

const LAYERS: [&str; 4] = ["model", "text", "view", "ui"];

/// The lines of the files under `root/<folder>`, for each folder of `order`, that name after
/// `prefix` a folder later in `order`, or one of `top` (which come after them all):
/// "file:line: text". `look_at` gives the part of a line that counts.
fn upward(root: &Path, prefix: &str, order: &[&str], top: &[&str], look_at: fn(&str) -> &str) -> Vec<String> {
    let rank = |name: &str| order.iter().position(|o| *o == name).or(top.contains(&name).then_some(order.len()));
    let mut found = Vec::new();
    for (own, folder) in order.iter().enumerate() {
        let mut files = Vec::new();
        rust_files(&root.join(folder), &mut files);
        assert!(!files.is_empty(), "no sources in {}", root.join(folder).display());
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let part = look_at(line);
                let above = part.match_indices(prefix).any(|(i, _)| {
                    let name =
                        part[i + prefix.len()..].split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next();
                    name.and_then(rank).is_some_and(|r| r > own)
                });
                if above {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// The paths into a higher layer in the sources under `root` (doc comments included: a
/// comment that sends the reader up a layer is as wrong as a `use`).
fn upward_imports(root: &Path) -> Vec<String> {
    upward(root, "crate::", &LAYERS, &[], |line| line)
}

#[test]
fn no_layer_uses_one_above_it() {
    let violations = upward_imports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(violations.is_empty(), "imports into a higher layer:\n{}", violations.join("\n"));
}

#[test]
fn every_module_lives_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut loose: Vec<String> = fs::read_dir(&src)
        .unwrap_or_else(|e| panic!("src: {e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !LAYERS.contains(&name.as_str()) && name != "lib.rs" && name != "main.rs")
        .collect();
    loose.sort();
    assert!(loose.is_empty(), "outside the layer folders: {loose:?}");
}

#[test]
fn the_check_sees_an_upward_import() {
    let dir = std::env::temp_dir().join(format!("layers-check-{}", std::process::id()));
    for layer in LAYERS {
        fs::create_dir_all(dir.join(layer)).unwrap_or_default();
        fs::write(dir.join(layer).join("mod.rs"), "use crate::model::data::Dataset;\n").unwrap_or_default();
    }
    assert!(upward_imports(&dir).is_empty());
    fs::write(dir.join("text").join("mod.rs"), "// see crate::view::chart\nuse crate::ui::App;\n").unwrap_or_default();
    let found = upward_imports(&dir);
    fs::remove_dir_all(&dir).unwrap_or_default();
    assert_eq!(found.len(), 2, "{found:?}");
}

/// What names the browser: its bindings, and Leptos' helpers that call it (timers, frames,
/// idle callbacks, the document).
const BROWSER_APIS: [&str; 11] = [
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "JsCast",
    "window()",
    "document()",
    "leptos_dom::helpers",
    "set_timeout",
    "set_interval",
    "request_animation_frame",
    "request_idle_callback",
];

#[test]
fn only_ui_browser_touches_the_browser_apis() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.to_string_lossy().contains("ui/browser/")) {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if BROWSER_APIS.iter().any(|api| code.contains(api)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "browser APIs outside ui/browser/:\n{}", found.join("\n"));
}

/// The groups of `ui/` in the order they may use each other: each uses only those before
/// it. `ui/mod.rs` and `ui/chunks.rs` name every section and sit above them all.
const UI_GROUPS: [&str; 5] = ["browser", "state", "split", "widgets", "sections"];

/// The code lines under `ui` that name a later group or the top (`crate::ui::chunks`).
fn ui_upward_imports(ui: &Path) -> Vec<String> {
    upward(ui, "crate::ui::", &UI_GROUPS, &["chunks"], |line| line.split("//").next().unwrap_or(""))
}

#[test]
fn each_ui_group_uses_only_those_before_it() {
    let found = ui_upward_imports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"));
    assert!(found.is_empty(), "a ui group naming a later one:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_ui_group_naming_a_later_one() {
    let dir = std::env::temp_dir().join(format!("ui-groups-check-{}", std::process::id()));
    for group in UI_GROUPS {
        fs::create_dir_all(dir.join(group)).unwrap_or_default();
        fs::write(dir.join(group).join("mod.rs"), "use crate::ui::browser::after;\n").unwrap_or_default();
    }
    let before = ui_upward_imports(&dir);
    fs::write(dir.join("state").join("mod.rs"), "use crate::ui::widgets::field;\n// crate::ui::chunks\n")
        .unwrap_or_default();
    fs::write(dir.join("sections").join("mod.rs"), "use crate::ui::chunks::parts;\n").unwrap_or_default();
    let after = ui_upward_imports(&dir);
    fs::remove_dir_all(&dir).unwrap_or_default();
    assert!(before.is_empty(), "{before:?}");
    assert_eq!(after.len(), 2, "{after:?}");
}
