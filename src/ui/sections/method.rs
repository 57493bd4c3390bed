//! "Hoe rekenen we?", the model in plain Dutch with its formulas and sources, and the
//! accessibility statement: static text, written as markup by `crate::view::method`.

use leptos::prelude::*;

use crate::view::method::{ACCESSIBILITY, METHOD};

#[component]
pub fn Method() -> impl IntoView {
    view! { <section class="method" aria-labelledby="methode-titel" inner_html=METHOD></section> }
}

#[component]
pub fn Toegankelijkheid() -> impl IntoView {
    view! {
        <section
            class="method method--a11y"
            aria-labelledby="toegankelijkheid-titel"
            id="toegankelijkheid"
            data-testid="toegankelijkheidsverklaring"
            inner_html=ACCESSIBILITY
        ></section>
    }
}
