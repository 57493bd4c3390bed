//! The docs the code cites exist: every `docs/model.md §n` in the sources names a section
//! of docs/model.md, the figures the page lists are the ones its §7 names, and
//! ARCHITECTURE.md's code map names every source folder, file and test file.

// Tests may sort as they like; the wasm is what clippy.toml keeps to one sort.
#![allow(clippy::disallowed_methods)]

use std::fs;
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), fs::read_to_string(&path).unwrap_or_default()));
        }
    }
}

#[test]
fn every_cited_section_of_the_model_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let model = fs::read_to_string(root.join("docs/model.md")).expect("docs/model.md is in the repository");
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut cited = 0;
    for (file, text) in &files {
        for (i, _) in text.match_indices("docs/model.md §") {
            let section: String =
                text[i + "docs/model.md §".len()..].chars().take_while(char::is_ascii_digit).collect();
            assert!(
                model.contains(&format!("\n## {section}. ")),
                "{file} cites docs/model.md §{section}, which has no such section"
            );
            cited += 1;
        }
    }
    assert!(cited > 10, "the code cites the model ({cited} times)");
}

#[test]
fn the_page_lists_the_figures_model_md_names() {
    let model = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/model.md")).unwrap_or_default();
    let start = model.find("The selection's results carry these `data-testid`s").expect("docs/model.md §7 lists them");
    let list = &model[start..];
    let list = &list[list.find(":\n").unwrap_or(0)..list.find(".\n").unwrap_or(list.len())];
    let named: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    let shown: Vec<&str> = mee_frictiekosten::view::figures::ROWS.iter().map(|row| row.testid).collect();
    assert_eq!(shown, named);
}

/// The lines of the code map under the entry `name/` at `indent` spaces: that entry's own
/// line and every deeper-indented line after it.
fn entry<'a>(map: &'a str, indent: usize, name: &str) -> Vec<&'a str> {
    let head = format!("{}{name}/ ", " ".repeat(indent));
    let mut lines = map.lines().skip_while(|l| !l.starts_with(&head) && l.trim_end() != head.trim_end());
    let first = lines.next().into_iter();
    first.chain(lines.take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > indent)).collect()
}

/// What the code map of ARCHITECTURE.md does not name, each under its own folder's entry:
/// every file and folder directly in `src/model`, `src/text`, `src/view`, `src/ui` and the
/// groups of `src/ui`, and every native test file. One added without a line fails here.
fn unmapped(root: &Path, map: &str) -> Vec<String> {
    let names_in = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                if e.path().is_dir() { format!("{name}/") } else { name }
            })
            .filter(|name| (name.ends_with('/') || name.ends_with(".rs")) && name != "mod.rs")
            .collect();
        names.sort();
        names
    };
    let mut entries: Vec<(String, usize, &str)> =
        ["model", "text", "view", "ui"].iter().map(|l| (format!("src/{l}"), 2, *l)).collect();
    entries.extend(["browser", "state", "split", "widgets", "sections"].iter().map(|g| (format!("src/ui/{g}"), 4, *g)));
    entries.push(("tests".into(), 0, "tests"));
    let mut missing = Vec::new();
    for (dir, indent, name) in entries {
        let text = entry(map, indent, name).join("\n");
        // The sections are listed as the page names them: by their module name.
        let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '_')).collect();
        for file in names_in(&root.join(&dir)) {
            let skip =
                dir == "tests" && ["e2e/", "server/", "deploy/", "fuzz-corpus/", "common/"].contains(&file.as_str());
            let stem = file.trim_end_matches('/').trim_end_matches(".rs");
            let named = text.contains(&file) || (dir == "src/ui/sections" && words.contains(&stem));
            if !skip && !named {
                missing.push(format!("{dir}/{file}"));
            }
        }
    }
    missing
}

#[test]
fn the_code_map_names_every_source_folder_file_and_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap_or_default();
    let map = architecture.split("## Codemap").nth(1).and_then(|rest| rest.split("\n## ").next()).unwrap_or("");
    assert!(map.contains("src/"), "ARCHITECTURE.md has no code map");
    let missing = unmapped(root, map);
    assert!(missing.is_empty(), "not in ARCHITECTURE.md's code map:\n{}", missing.join("\n"));
    // And it can see one missing.
    assert_eq!(unmapped(root, &map.replace("calculation.rs", "")), ["src/model/calculation.rs"]);
}
