//! The browser UI: a thin layer over the calculation core. Exists only for wasm32.

use leptos::prelude::*;

use crate::data::Dataset;
use crate::format;

/// The whole calculator.
#[component]
pub fn App() -> impl IntoView {
    match Dataset::embedded() {
        Ok(data) => view! {
            <main>
                <h1>"Rekenhulp frictiekosten MEE 2015"</h1>
                <p>
                    "Budget MEE 2014, heel Nederland: "
                    <span data-testid="budget-2014">{format::euro(data.total_2014().total())}</span>
                </p>
            </main>
        }
        .into_any(),
        Err(error) => view! {
            <p role="alert">"De gegevens konden niet worden geladen: " {error.to_string()}</p>
        }
        .into_any(),
    }
}
