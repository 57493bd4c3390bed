//! Splitting the text into records and cells.
//!
//! Not `csv-core` (which reads the embedded table in `model::data::csv`): a list that people
//! bring needs what it does not tell, namely that a quote was left open (the rest of the file
//! became one cell, a row error here), how many lines a record spans (the line numbers of
//! the messages) and where its raw text ends (the row quoted in a message), and cells beyond
//! the header's width are counted, not kept.

use super::Separator;

/// The first line and the text after its line end (`\r\n`, `\n` or `\r`).
pub(super) fn split_line(text: &str) -> (&str, &str) {
    match text.find(['\r', '\n']) {
        Some(i) => {
            let end = if text[i..].starts_with("\r\n") { i + 2 } else { i + 1 };
            (&text[..i], &text[end..])
        }
        None => (text, ""),
    }
}

/// One record: its cells (at most `keep`), where its text ends and the next begins, how
/// many lines it spans (a quoted cell may hold line breaks), whether a quote was left open,
/// and whether a cell beyond `keep` has text.
pub(super) struct Record {
    pub(super) fields: Vec<String>,
    pub(super) end: usize,
    pub(super) next: usize,
    pub(super) lines: usize,
    pub(super) unclosed: bool,
    pub(super) overflow: bool,
}

/// Reads the record at the start of `text`: cells split by `separator`; a cell that starts
/// with `"` runs to the next lone `"`, with `""` for a quote in it (as `text::export`
/// writes it, and Excel).
pub(super) fn record(text: &str, separator: Separator, keep: usize) -> Record {
    let sep = separator.char();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut at_start, mut lines, mut overflow) = (false, true, 1, false);
    let mut chars = text.char_indices().peekable();
    let (mut end, mut next) = (text.len(), text.len());
    while let Some((i, c)) = chars.next() {
        if quoted {
            match c {
                '"' if chars.next_if(|&(_, n)| n == '"').is_some() => field.push('"'),
                '"' => quoted = false,
                _ => {
                    if c == '\n' || (c == '\r' && chars.peek().is_none_or(|&(_, n)| n != '\n')) {
                        lines += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_start => quoted = true,
            '\r' | '\n' => {
                end = i;
                next = if c == '\r' && chars.next_if(|&(_, n)| n == '\n').is_some() { i + 2 } else { i + 1 };
                break;
            }
            c if c == sep => {
                let done = std::mem::take(&mut field);
                if fields.len() < keep {
                    fields.push(done);
                } else {
                    overflow |= !done.trim().is_empty();
                }
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    if fields.len() < keep {
        fields.push(field);
    } else {
        overflow |= !field.trim().is_empty();
    }
    Record { fields, end, next, lines, unclosed: quoted, overflow }
}
