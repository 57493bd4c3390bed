//! The docs the code cites exist: every `docs/model.md §n` in the sources names a section
//! of docs/model.md, and the figures the page lists are the ones its §7 names.

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
