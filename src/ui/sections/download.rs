//! "Meenemen": the link to the page as it is looked at (`delen`), the scenario per gemeente
//! as a CSV file, made in the browser (no server), and the way to the printed report.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::data::GemeenteId;
use crate::model::selection::Selection;
use crate::text::export::{About, csv, file_name};
use crate::ui::browser;
use crate::ui::state::calculator::{Calculator, use_calculator};
use crate::view::outside::outside;

/// Offers the CSV of the area (or of all 408 gemeenten) as a download. The file says which
/// edits outside the area stay in force, and links to this state.
pub fn download_csv(calc: Calculator, all: bool) -> bool {
    let data = calc.data;
    calc.settle_now();
    let inputs = calc.inputs_untracked();
    let (gebied, gemeenten): (String, Vec<GemeenteId>) = match (all, inputs.selection) {
        (true, _) | (false, Selection::Nederland) => ("alle 408 gemeenten".into(), data.gemeente_ids().collect()),
        (false, s) => (s.described(data), s.gemeenten(data)),
    };
    let ook_gewijzigd: Vec<String> =
        if all { Vec::new() } else { outside(data, &inputs, usize::MAX).lines.into_iter().map(|l| l.text).collect() };
    let (datum, iso) = browser::today();
    let link = browser::full_link(&calc.later.written_untracked().query);
    let about = About { gebied: &gebied, datum: &datum, link: &link, ook_gewijzigd: &ook_gewijzigd };
    let text = calc.outcome.with_untracked(|o| csv(data, o, &inputs.params, &gemeenten, &about));
    browser::download(&file_name(&gebied, &iso), &text, "text/csv;charset=utf-8").is_ok()
}

#[component]
pub fn Download() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let failed = RwSignal::new(false);
    let selection_label = move || match calc.selection.get() {
        Selection::Nederland => "(alle gemeenten)".to_string(),
        s => format!("({})", s.naam(data)),
    };
    view! {
        <section class="download" id="meenemen" aria-labelledby="download-titel">
            <h2 id="download-titel" class="nl-heading nl-heading--level-2">"Meenemen"</h2>
            <p class="nl-paragraph section-intro">
                "De cijfers per gemeente als CSV voor Excel (met puntkomma's en decimale komma's), met de aannames en de link naar deze berekening. "
                {if calc.mode.embed {
                    // Printing from a frame prints the page around it.
                    Either::Left(view! {
                        "Voor een verslag op A4: "
                        <super::embed::OpenInFull text="open de rekenhulp in een nieuw tabblad" testid="open-om-af-te-drukken" />
                        " en druk daar af."
                    })
                } else {
                    Either::Right("Of druk een verslag af op A4: de uitkomsten, de kaart, de berekening, de aannames met hun bronnen en de gemeenten.")
                }}
            </p>
            <super::delen::LinkDelen />
            <super::memo::MemoText />
            <div class="download__buttons">
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| failed.set(!download_csv(calc, false))>
                    // Kept from page translators, which would keep showing the old name.
                    "Download CSV " <span translate="no">{selection_label}</span>
                </button>
                <Show when=move || calc.selection.get() != Selection::Nederland>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| failed.set(!download_csv(calc, true))>
                        "Download CSV (alle gemeenten)"
                    </button>
                </Show>
                {(!calc.mode.embed).then(|| view! {
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| print_with_map(calc.data)>
                        "Verslag afdrukken"
                    </button>
                })}
            </div>
            <p class="field__error" role="alert" hidden=move || !failed.get()>
                "Het bestand kon niet worden gemaakt in deze browser. Kopieer de link uit de adresregel om de berekening te bewaren."
            </p>
        </section>
    }
}

/// Prints the report with the map in it: the map's drawing is fetched first if no one has
/// scrolled to it yet.
fn print_with_map(data: &'static crate::model::data::Dataset) {
    super::kaart::KaartLoader::shared().load(data, browser::print);
}
