//! The shape of the source tree that ARCHITECTURE.md promises: no two modules that import
//! each other (directly or round a longer circle), and no file longer than a sitting's
//! reading (400 lines, its test module not counted).

// Tests may sort as they like; the wasm is what clippy.toml keeps to one sort.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
#[path = "common/sources.rs"]
mod sources;

use sources::rust_files;
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 400;

/// The module a file under `src` is: `text/import/mod.rs` → `text::import`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let parts = match parts.last().map(String::as_str) {
        Some("mod") => &parts[..parts.len() - 1],
        _ => &parts[..],
    };
    parts.join("::")
}

/// The text of a file before its `#[cfg(test)]` module (which may import anything).
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |i| &text[..i])
}

/// The module paths named in `code` as `crate::a::b`, or `super::b` from module `own`.
fn paths_named(code: &str, own: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in code.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (prefix, base) in [("crate::", Vec::new()), ("super::", parent_of(own))] {
            for (i, _) in code.match_indices(prefix) {
                // Only a path's start: not the `crate::` of `$crate::` or a longer name.
                if i > 0 && code[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &code[i + prefix.len()..];
                let mut path = base.clone();
                for segment in rest.split("::") {
                    let name: String = segment.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_uppercase()) {
                        break;
                    }
                    path.push(name.clone());
                    if segment.len() != name.len() {
                        break;
                    }
                }
                out.push(path);
            }
        }
    }
    out
}

/// The module `super::` means in a file of module `own` (a folder's `mod.rs` is the
/// module itself, so its `super` is one up, as for any file).
fn parent_of(own: &str) -> Vec<String> {
    let mut parts: Vec<String> = own.split("::").map(str::to_string).collect();
    parts.pop();
    parts
}

/// Which modules each module imports, ancestors and descendants left out (a folder's
/// `mod.rs` and its files use each other by design).
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let own = module_of(src, file);
        let text = fs::read_to_string(file).unwrap_or_default();
        let mut uses = BTreeSet::new();
        for path in paths_named(without_tests(&text), &own) {
            // The longest prefix that is a module of the crate.
            let target = (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains(m));
            if let Some(target) = target {
                let related =
                    own == target || own.starts_with(&format!("{target}::")) || target.starts_with(&format!("{own}::"));
                if !related {
                    uses.insert(target);
                }
            }
        }
        graph.insert(own, uses);
    }
    graph
}

/// A circle of imports, if there is one: the modules along it.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = imports(&src());
    assert!(graph.len() > 50, "the sources were not read: {graph:?}");
    if let Some(found) = circle(&graph) {
        panic!("an import circle: {}", found.join(" → "));
    }
}

#[test]
fn the_check_sees_a_circle() {
    let dir = std::env::temp_dir().join(format!("structure-check-{}", std::process::id()));
    fs::create_dir_all(dir.join("model")).unwrap_or_default();
    fs::write(dir.join("model/a.rs"), "use crate::model::b::B;\n").unwrap_or_default();
    fs::write(dir.join("model/b.rs"), "pub struct B;\n").unwrap_or_default();
    fs::write(dir.join("model/mod.rs"), "pub mod a;\npub mod b;\n").unwrap_or_default();
    let before = circle(&imports(&dir));
    fs::write(dir.join("model/b.rs"), "use super::a::helper;\n").unwrap_or_default();
    let after = circle(&imports(&dir));
    fs::remove_dir_all(&dir).unwrap_or_default();
    assert_eq!(before, None);
    assert_eq!(after, Some(vec!["model::a".into(), "model::b".into(), "model::a".into()]));
}

#[test]
fn no_file_is_longer_than_a_sitting() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let text = fs::read_to_string(file).unwrap_or_default();
            let lines = without_tests(&text).lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    long.sort();
    assert!(long.is_empty(), "over {MAX_LINES} lines outside the test module:\n{}", long.join("\n"));
}

#[test]
fn rounding_is_half_away_from_zero_everywhere() {
    // `round()` and `round_dp()` round half to even; a figure must round as the page
    // shows it (`text::format::round`, or an explicit `MidpointAwayFromZero`).
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in without_tests(&text).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(".round()") || code.contains(".round_dp(") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "rounding half to even:\n{}", found.join("\n"));
}
