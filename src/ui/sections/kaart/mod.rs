//! The map of the 408 gemeenten (`crate::view::kaart`), a way to look and a way to choose.
//!
//! The drawing (`crate::text::kaart`, ~17 KB brotli) is not part of the first load: it is
//! fetched from the site itself when the map first comes into view, or when a report is
//! printed. The 408 shapes are written once, as markup; what changes (a class, a name with
//! its value, whether a gemeente is chosen) is set on them by one effect, which
//! `scripts/bench.mjs` times as `kaart-kleuren`. Outlines, borders and the pointer sit in
//! a second drawing on top that ignores the pointer.
//!
//! For the keyboard the map is one listbox: one tab stop, the arrow keys move to the
//! neighbouring gemeente in that direction, typing a name jumps to it, Home and End go to
//! the first and last by name, Enter chooses.

mod drawing;
mod settings;

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::data::Dataset;
use crate::text::kaart::{Kaart, read};
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use drawing::Drawing;
use settings::Settings;

/// The drawing, relative to the page (copied into dist/ by index.html).
const FILE: &str = "kaart/gemeenten-2013.txt";

/// Where the drawing is.
#[derive(Clone)]
pub enum Loading {
    NotYet,
    Busy,
    Ready(Arc<Kaart>),
    Failed(String),
}

/// The map's drawing, shared with the printed report. What it shows is the session's
/// (`model::weergave`: in the link, and printed as on screen).
#[derive(Clone, Copy)]
pub struct KaartLoader {
    pub loading: RwSignal<Loading>,
}

impl KaartLoader {
    /// The page's one drawing, made on first use by the map, the report or the print button
    /// (all in chunks), so the first load does not carry it. Its signal belongs to a root of
    /// its own that lives as long as the page, not to the section that happened to ask first.
    pub fn shared() -> KaartLoader {
        thread_local! {
            static SHARED: (Owner, KaartLoader) = {
                let caller = Owner::current();
                // `new_root` makes itself the current owner; the caller's is put back, or
                // what the caller builds next would miss the page's context.
                let owner = Owner::new_root(None);
                let loader = owner.with(|| KaartLoader { loading: RwSignal::new(Loading::NotYet) });
                match caller {
                    Some(caller) => caller.set(),
                    None => owner.clone().unset(),
                }
                (owner, loader)
            };
        }
        SHARED.with(|(_, loader)| *loader)
    }

    /// Fetches the drawing, unless it is here, on its way or refused (it is also fetched
    /// when idle, for the browser's print: a failure stays until "Opnieuw proberen" sets
    /// `NotYet`, rather than being fetched again each time the map comes into view); `then`
    /// runs once it is here or has failed.
    pub fn load(self, data: &'static Dataset, then: impl FnOnce() + 'static) {
        if matches!(self.loading.get_untracked(), Loading::Ready(_) | Loading::Busy | Loading::Failed(_)) {
            return then();
        }
        self.loading.set(Loading::Busy);
        leptos::task::spawn_local(async move {
            let read = browser::fetch_text(FILE).await.and_then(|text| read(data, &text).map_err(|e| e.to_string()));
            self.loading.set(match read {
                Ok(kaart) => Loading::Ready(Arc::new(kaart)),
                Err(e) => Loading::Failed(e),
            });
            then();
        });
    }
}

/// The section: settings, the map, its legend and summary.
#[component]
pub fn KaartSection() -> impl IntoView {
    let calc = use_calculator();
    let loader = KaartLoader::shared();
    let section = NodeRef::<leptos::html::Section>::new();
    section.on_load(move |el| {
        browser::on_in_view(&el, move |seen| {
            if seen {
                loader.load(calc.data, || ());
            }
        })
    });
    let picks = calc.shown(|w| w.kaart_kies);
    // Whether the keyboard reached the map before its drawing: the drawing then takes focus.
    let focus = StoredValue::new(false);
    let retry = move |_| {
        loader.loading.set(Loading::NotYet);
        loader.load(calc.data, || ());
    };
    view! {
        <section class="kaart" id="kaart" aria-labelledby="kaart-titel" node_ref=section data-testid="kaart">
            <h2 id="kaart-titel" class="nl-heading nl-heading--level-2">"Kaart: waar valt de daling?"</h2>
            <p id="kaart-uitleg" class="section-intro nl-paragraph">
                "De 408 gemeenten van 1 januari 2013 (de indeling van de budgettabel), gekleurd naar wat de inkoop hierboven hen kost. Wijs een gemeente aan "
                "of ga er met de pijltjestoetsen heen (typ een naam om te springen); klik of druk op Enter om haar te kiezen. "
                "De tabellen ‘Per MEE-organisatie’ en ‘Per gemeente’ geven dezelfde cijfers als tekst."
            </p>
            <Settings picks=picks />
            {move || match loader.loading.get() {
                Loading::Ready(kaart) => view! { <Drawing kaart=kaart picks=picks focus=focus /> }.into_any(),
                Loading::Failed(e) => view! {
                    <div class="notice" role="alert" data-testid="kaart-fout">
                        <p>"De kaart kan niet worden getoond. " {e}</p>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=retry>
                            "Opnieuw proberen"
                        </button>
                    </div>
                }.into_any(),
                // The map's tab stop, kept while its drawing loads, so that Tab does not pass it.
                Loading::NotYet | Loading::Busy => view! {
                    <div class="kaart__laden" tabindex="0" role="img" aria-label="Kaart van de gemeenten, wordt geladen"
                        data-testid="kaart-laden"
                        on:focus=move |_| {
                            focus.set_value(true);
                            loader.load(calc.data, || ());
                        }>
                        <p role="status">"De kaart wordt geladen…"</p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
