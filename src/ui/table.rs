//! Small table components: the NL Design System's table classes (`@utrecht/table-css`)
//! written once, so that every table of figures looks and reads alike: numbers right-aligned
//! in tabular figures, row headers for screen readers, a scroll region a keyboard can reach.
//! They are plain view functions, so a cell costs no more code than the markup it stands for.

use leptos::prelude::*;

/// The classes, for the few tables written as markup (`ui::charts`) and the elements
/// without a component of their own (head, body, foot, rows).
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

/// A table inside a scroll region that a keyboard can reach and that screen readers name
/// by the heading with the id `labelled_by`; `classes` are the table's (`class::TABLE` or a
/// variant).
pub fn data_table(
    testid: &'static str,
    labelled_by: &'static str,
    classes: &'static str,
    content: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled_by>
            <table class=classes data-testid=testid>{content}</table>
        </div>
    }
}

// View functions rather than `#[component]`s: a component's children are a boxed closure
// per use, which cost the wasm 0,9 KB brotli over the plain markup for the four tables
// (BENCHMARKS.md); a function call costs nothing.

/// A column header; `numeric` right-aligns it over a column of numbers.
pub fn col_header(numeric: bool, content: impl IntoView) -> impl IntoView {
    let classes = if numeric { class::NUMERIC_COLUMN_HEADER } else { class::COLUMN_HEADER };
    view! { <th scope="col" class=classes>{content}</th> }
}

/// The header of a row: what the numbers beside it are about.
pub fn row_header(content: impl IntoView) -> impl IntoView {
    view! { <th scope="row" class=class::ROW_HEADER>{content}</th> }
}

/// A cell with a number: right-aligned, in tabular figures.
pub fn num(content: impl IntoView) -> impl IntoView {
    view! { <td class=class::NUMERIC_CELL>{content}</td> }
}

/// A column header whose button sorts by it. `state` gives the header's `aria-sort` value
/// and the arrow beside the heading (`view::ranking::Sort::aria` and `icon`).
pub fn sort_header(
    numeric: bool,
    label: &'static str,
    state: Signal<(&'static str, &'static str)>,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    let classes = if numeric { class::NUMERIC_COLUMN_HEADER } else { class::COLUMN_HEADER };
    view! {
        <th scope="col" class=classes aria-sort=move || state.get().0>
            <button type="button" class="sort" on:click=move |_| on_click()>
                // The space lets the arrow wrap under a long heading, so the column can be
                // as narrow as its longest word.
                {label} " "
                <span class="sort__icon" aria-hidden="true">{move || state.get().1}</span>
            </button>
        </th>
    }
}

/// A cell that names its column in `data-label`: where a narrow screen shows each row as a
/// card, the stylesheet writes the name above the value.
pub fn labelled(numeric: bool, label: &'static str, content: impl IntoView) -> impl IntoView {
    let classes = if numeric { class::NUMERIC_CELL } else { class::CELL };
    view! { <td class=classes data-label=label>{content}</td> }
}

/// Tables written as markup, for read-only figures that are redrawn as a whole
/// (`ui::charts`, `ui::worked`): cheaper in the wasm than a typed view per cell.
pub mod markup {
    use std::fmt::Write as _;

    use super::class;

    /// Escapes text for SVG and HTML: names such as "MEE Utrecht Gooi & Vecht" contain `&`.
    pub fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                other => out.push(other),
            }
        }
        out
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
        let mut html = format!(
            r#"<tr class="{}"><th scope="row" class="{}">{}</th>"#,
            class::ROW,
            class::ROW_HEADER,
            escape(header)
        );
        for (label, cell) in labels.iter().zip(cells) {
            if label.is_empty() {
                let _ = write!(html, r#"<td class="{}"></td>"#, class::CELL);
            } else {
                let _ =
                    write!(html, r#"<td class="{}" data-label="{label}">{}</td>"#, class::NUMERIC_CELL, escape(cell));
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
}
