//! Small table components: the NL Design System's table classes (`@utrecht/table-css`)
//! written once, so that every table of figures looks and reads alike: numbers right-aligned
//! in tabular figures, row headers for screen readers, a scroll region a keyboard can reach.
//! They are plain view functions, so a cell costs no more code than the markup it stands for.

use leptos::prelude::*;

pub use crate::view::html::class;

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

/// The header of a row: what the numbers beside it are about.
pub fn row_header(content: impl IntoView) -> impl IntoView {
    view! { <th scope="row" class=class::ROW_HEADER>{content}</th> }
}

/// A column header whose button sorts by it. `state` gives the header's `aria-sort` value
/// and the arrow beside the heading (`view::sort`: `Sort::aria` and `icon`).
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
