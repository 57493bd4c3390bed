//! Markup for the read-only panels: the view layer writes what a panel shows as HTML from
//! its values, and the UI puts it into the page as a whole (`inner_html`).
//!
//! Read-only figures redrawn as a whole cost the wasm a fraction of typed views per cell.
//! The price is that the markup must be safe whatever the text: a gemeente name from a
//! link, a scenario name from storage, a cell of an imported file, a line of the map's
//! file. So every text goes through [`escape`], the one escaping function, and the writers
//! here take text (`&str`, escaped) apart from markup they wrote themselves (`String`
//! returned by a writer). `tests/markup.rs` feeds them hostile names.

use std::fmt::Write as _;

/// Text made safe to put between tags or in a quoted attribute value: `&`, `<`, `>`, `"` and
/// `'` as character references, and control and bidirectional formatting characters
/// dropped (they would reverse or break the sentence around a name; see
/// `crate::text::untrusted`), and so are U+FFFE and U+FFFF, which are no characters in XML
/// (a downloaded SVG, `crate::view::image`, must parse).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::text::untrusted::is_layout_control(c) && c != '\n' => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            other => out.push(other),
        }
    }
    out
}

/// The NL Design System's table classes (`@utrecht/table-css`), for tables written here and
/// the typed tables of `ui::widgets::table`.
pub mod class {
    pub const TABLE: &str = "utrecht-table utrecht-table--html-table table";
    /// The per-gemeente table, with its own column widths.
    pub const TABLE_GEMEENTEN: &str = "utrecht-table utrecht-table--html-table table table--gemeenten";
    pub const HEAD: &str = "utrecht-table__header";
    pub const BODY: &str = "utrecht-table__body";
    pub const FOOT: &str = "utrecht-table__footer";
    pub const ROW: &str = "utrecht-table__row";
    pub const COLUMN_HEADER: &str = "utrecht-table__header-cell";
    pub const NUMERIC_COLUMN_HEADER: &str = "utrecht-table__header-cell utrecht-table__header-cell--numeric-column num";
    pub const ROW_HEADER: &str = "utrecht-table__header-cell";
    pub const CELL: &str = "utrecht-table__cell";
    pub const NUMERIC_CELL: &str = "utrecht-table__cell utrecht-table__cell--numeric-data num";
}

/// A table with a caption for screen readers: `headers[0]` heads the row names, and
/// `numeric[i]` says whether column `i + 1` holds numbers (right-aligned, tabular).
pub fn table(caption: &str, headers: &[&str], numeric: &[bool], rows: &[(String, Vec<String>)]) -> String {
    let is_numeric = |i: usize| i > 0 && numeric.get(i - 1).copied().unwrap_or(false);
    let mut html = format!(
        r#"<table class="{}"><caption class="visually-hidden">{}</caption><thead class="{}"><tr class="{}">"#,
        class::TABLE,
        escape(caption),
        class::HEAD,
        class::ROW
    );
    for (i, h) in headers.iter().enumerate() {
        let cell = if is_numeric(i) { class::NUMERIC_COLUMN_HEADER } else { class::COLUMN_HEADER };
        let _ = write!(html, r#"<th scope="col" class="{cell}">{}</th>"#, escape(h));
    }
    let _ = write!(html, r#"</tr></thead><tbody class="{}" translate="no">"#, class::BODY);
    html + &body(numeric, rows) + "</tbody></table>"
}

/// A row of figures whose cells name their columns in `data-label` (see `labelled`),
/// for a `<tfoot>` drawn by `inner_html`; an empty `labels[i]` is an empty cell.
pub fn labelled_row(header: &str, labels: &[&str], cells: &[String]) -> String {
    let mut html =
        format!(r#"<tr class="{}"><th scope="row" class="{}">{}</th>"#, class::ROW, class::ROW_HEADER, escape(header));
    for (label, cell) in labels.iter().zip(cells) {
        if label.is_empty() {
            let _ = write!(html, r#"<td class="{}"></td>"#, class::CELL);
        } else {
            let _ = write!(
                html,
                r#"<td class="{}" data-label="{}">{}</td>"#,
                class::NUMERIC_CELL,
                escape(label),
                escape(cell)
            );
        }
    }
    html + "</tr>"
}

/// The rows of a table body, for a `<tbody>` drawn by `inner_html`: each a row header
/// and cells; `numeric` as for [`table`].
pub fn body(numeric: &[bool], rows: &[(String, Vec<String>)]) -> String {
    let mut html = String::new();
    for (naam, cells) in rows {
        let _ = write!(
            html,
            r#"<tr class="{}"><th scope="row" class="{}">{}</th>"#,
            class::ROW,
            class::ROW_HEADER,
            escape(naam)
        );
        for (i, v) in cells.iter().enumerate() {
            let cell = if numeric.get(i).copied().unwrap_or(false) { class::NUMERIC_CELL } else { class::CELL };
            let _ = write!(html, r#"<td class="{cell}">{}</td>"#, escape(v));
        }
        html.push_str("</tr>");
    }
    html
}

/// A table inside a scroll region that a keyboard can reach and that screen readers name by
/// the heading with the id `labelled_by` (the markup of `ui::widgets::table::data_table`); `content`
/// is the table's inside, written by the writers here.
pub fn data_table(testid: &str, labelled_by: &str, classes: &str, content: &str) -> String {
    format!(
        r#"<div class="table-scroll" tabindex="0" role="region" aria-labelledby="{}"><table class="{}" data-testid="{}">{content}</table></div>"#,
        escape(labelled_by),
        escape(classes),
        escape(testid)
    )
}

/// A `<thead>` of one row of column headers; `numeric[i]` right-aligns header `i`, and
/// each header's content is markup a writer made (escape text first).
pub fn head(headers: &[(bool, String)]) -> String {
    let mut html = format!(r#"<thead class="{}"><tr class="{}">"#, class::HEAD, class::ROW);
    for (numeric, content) in headers {
        let cell = if *numeric { class::NUMERIC_COLUMN_HEADER } else { class::COLUMN_HEADER };
        let _ = write!(html, r#"<th scope="col" class="{cell}">{content}</th>"#);
    }
    html + "</tr></thead>"
}
