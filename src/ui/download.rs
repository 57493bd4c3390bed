//! "Download CSV": the scenario per gemeente as a file, made in the browser (no server).

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

use super::state::use_calculator;
use crate::data::GemeenteId;
use crate::export::{About, csv, file_name};
use crate::selection::Selection;

/// Today's date as (dd-mm-jjjj, jjjj-mm-dd), in the user's time zone.
pub fn today() -> (String, String) {
    let now = js_sys::Date::new_0();
    let (d, m, y) = (now.get_date(), now.get_month() + 1, now.get_full_year());
    (format!("{d:02}-{m:02}-{y}"), format!("{y}-{m:02}-{d:02}"))
}

/// The full link to the current state, as it will be in the address bar.
pub fn full_link(query: &str) -> String {
    let location = window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    if query.is_empty() { base } else { format!("{base}?{query}") }
}

fn save(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = window().document().ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

#[component]
pub fn Download() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let failed = RwSignal::new(false);
    let download = move |all: bool| {
        let selection = calc.selection.get_untracked();
        let (gebied, gemeenten): (String, Vec<GemeenteId>) = match (all, selection) {
            (true, _) | (false, Selection::Nederland) => ("alle 408 gemeenten".into(), data.gemeente_ids().collect()),
            (false, s) => (format!("{} ({})", s.naam(data), s.kind().label()), s.gemeenten(data)),
        };
        let (datum, iso) = today();
        let link = full_link(&calc.link_query());
        let about = About { gebied: &gebied, datum: &datum, link: &link };
        let text = calc.outcome.with_untracked(|o| calc.params.with_untracked(|p| csv(data, o, p, &gemeenten, &about)));
        failed.set(save(&file_name(&gebied, &iso), &text).is_err());
    };
    let selection_label = move || match calc.selection.get() {
        Selection::Nederland => "Download CSV (alle 408 gemeenten)".to_string(),
        s => format!("Download CSV ({})", s.naam(data)),
    };
    view! {
        <section class="download" aria-labelledby="download-titel">
            <h2 id="download-titel" class="nl-heading nl-heading--level-2">"Meenemen"</h2>
            <p class="nl-paragraph section-intro">
                "De cijfers per gemeente als CSV voor Excel (met puntkomma's en decimale komma's), met de aannames en de link naar deze berekening. "
                "Afdrukken (Ctrl+P) geeft een verslag op A4."
            </p>
            <div class="download__buttons">
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| download(false)>
                    {selection_label}
                </button>
                <Show when=move || calc.selection.get() != Selection::Nederland>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| download(true)>
                        "Download CSV (alle 408 gemeenten)"
                    </button>
                </Show>
            </div>
            <p class="field__error" role="alert" hidden=move || !failed.get()>
                "Het bestand kon niet worden gemaakt in deze browser. Kopieer de link uit de adresregel om de berekening te bewaren."
            </p>
        </section>
    }
}

/// Shown only on paper: when and from which link the report was printed.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let calc = use_calculator();
    let stamp = RwSignal::new(String::new());
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| {
        calc.settle_now();
        let (datum, _) = today();
        stamp.set(format!("Afgedrukt op {datum}. Deze berekening opnieuw openen: {}", full_link(&calc.link_query())));
    });
    view! { <p class="print-only print-stamp" data-testid="afdruk-stempel">{stamp}</p> }
}
