//! The browser UI: a thin layer over the calculation core. Exists only for wasm32.
//!
//! Every component reads the one [`Calculator`] from context; what a person chooses goes
//! into its one session signal, and everything shown is a memo or closure over it.

mod analysis;
mod browser;
mod calculator;
mod charts;
mod compare;
mod debounce;
mod download;
mod embed;
mod field;
mod gemeenten;
mod import;
mod inkoop;
mod kaart;
mod later;
mod method;
mod notices;
mod pad;
mod params;
mod presets;
mod report;
mod results;
mod scenarios;
mod search;
mod selection;
mod table;
mod worked;

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::data::Dataset;
pub use browser::show_crash_message;

/// Starts the calculator in the page.
pub fn mount() {
    browser::mount(|| view! { <App /> }.into_any());
}
pub use calculator::Calculator;

/// The whole calculator. Any error rendered below shows a readable message instead.
#[component]
pub fn App() -> impl IntoView {
    // Debug builds only: `?paniek=1` panics on purpose, so the browser tests can prove that a
    // panic shows the crash message (tests/e2e/panic.spec.mjs). Not in the release build.
    #[cfg(debug_assertions)]
    if browser::current_query().contains("paniek=1") {
        panic!("opzettelijke paniek, om de foutmelding te testen");
    }
    view! {
        <ErrorBoundary fallback=|errors| {
            view! {
                <div class="crash" role="alert">
                    <h1 class="nl-heading nl-heading--level-1">"De rekenhulp kan niet starten"</h1>
                    <ul>
                        {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
                    </ul>
                    <p>"Herlaad de pagina. Blijft dit gebeuren, meld het dan met deze tekst erbij."</p>
                </div>
            }
        }>
            {Dataset::embedded().map(|data| view! { <Page data=data /> }).map_err(|e| e.clone())}
        </ErrorBoundary>
    }
}

#[component]
fn Page(data: &'static Dataset) -> impl IntoView {
    let (calc, notices) = Calculator::from_link(data, &browser::starting_query());
    provide_context(calc);
    provide_context(results::PanelInView(RwSignal::new(false)));
    provide_context(kaart::KaartKeuze::new());
    calc.follow_history();
    let embed = calc.embed;
    let with_map = !embed || calc.kaart;
    let below = NodeRef::new();
    render_after_first_paint(below, move || {
        let panels = view! {
                <worked::WorkedCalculation />
                <charts::Charts />
                {(with_map && !embed).then(|| view! { <kaart::KaartSectie /> })}
                <analysis::OmgekeerdRekenen />
                <selection::OrganisatieSplit />
                <gemeenten::GemeentenTable />
                <import::Import />
                <pad::Afbouwpad />
                <compare::Compare />
                <params::ParametersPanel />
                <download::Download />
                <scenarios::Scenarios />
        };
        // In a frame on someone else's page the figures are what it is for: the rest folds
        // away under one heading, so the frame is a few screens tall instead of thirty.
        if embed {
            Either::Left(view! {
                // Asked for with `kaart=1` (data-kaart on the host element): shown, not folded.
                {with_map.then(|| view! { <kaart::KaartSectie /> })}
                <details class="embed-more" data-testid="embed-meer">
                    <summary>
                        <h2 class="nl-heading nl-heading--level-2">"Meer: voorbeelden, grafieken, per gemeente, aannames"</h2>
                    </summary>
                    <presets::Presets />
                    {panels}
                </details>
            })
        } else {
            Either::Right(view! {
                <presets::Presets />
                {panels}
                <method::Method />
                <method::Toegankelijkheid />
            })
        }
    });
    if embed {
        browser::report_height_to_parent();
    }
    // The header and intro are the app shell's (index.html): painted before the wasm arrives,
    // hidden in an iframe by the shell's own first lines.
    view! {
            <main class="page__main">
                <report::PrintReport />
                {embed.then(|| view! {
                    <p class="embed-bar">
                        <embed::OpenInFull text="Open de rekenhulp in een nieuw tabblad" testid="open-volledig" />
                    </p>
                })}
                <notices::LinkNotices notices=notices />
                <notices::IncompleteLink />
                <notices::UndoNotice />
                <div class="layout">
                    <div class="layout__input">
                        <section class="choose" aria-labelledby="kies-titel">
                            <h2 id="kies-titel" class="nl-heading nl-heading--level-2 visually-hidden">"Kies een gebied"</h2>
                            <search::SelectionPicker />
                            <selection::SelectionSummary />
                        </section>
                        <section class="inkoop" aria-labelledby="inkoop-titel">
                            <h2 id="inkoop-titel" class="nl-heading nl-heading--level-2">"Inkoop 2015 bij MEE"</h2>
                            <p class="section-intro nl-paragraph">
                                "Geldt voor alle gemeenten in het gekozen gebied. Vul een percentage of een bedrag in; het andere rekent mee."
                            </p>
                            <inkoop::InkoopControls />
                        </section>
                    </div>
                    <div class="layout__output">
                        <results::Results />
                    </div>
                </div>
                <div class="page__below" node_ref=below></div>
            </main>
            // In an iframe the page is as tall as its content, so a bar fixed to the bottom
            // of the frame would sit below everything: only in the full page.
            {(!embed).then(|| view! {
                <results::KeyFigures bar=true />
            })}
            {(!embed).then(|| view! {
                <footer class="page__footer">
                    <p>
                        "Bron: Handreiking Cliëntondersteuning (TransitieBureau Wmo, maart 2014), Bijlage 5 en Tabel 3; "
                        "Voortgangsmonitor bestuurlijke afspraken, 1 december 2014. Kaart: © CBS/PDOK, gemeentegrenzen 2013. "
                        <a class="nl-link" href="#toegankelijkheid">"Toegankelijkheidsverklaring"</a>
                    </p>
                </footer>
            })}
    }
}

/// Builds `view` into `host` once the browser has painted the page without it: the figures
/// come a frame sooner, and the sections below them (about 60 % of building the page)
/// follow. Built under the page's owner, so the calculator in context is there.
///
/// Not `<Show>` or a closure returning an `Option` of the view: those make the tree
/// rebuildable, and that code costs the wasm 17–25 KB for a tree this size.
fn render_after_first_paint<V: IntoView + 'static>(
    host: NodeRef<leptos::html::Div>,
    view: impl FnOnce() -> V + 'static,
) {
    use leptos::tachys::view::{Mountable, Render};
    let owner = Owner::current();
    // A timeout scheduled from an animation frame runs after that frame is painted.
    request_animation_frame(move || {
        set_timeout(
            move || {
                let (Some(owner), Some(host)) = (owner, host.get_untracked()) else { return };
                owner.with(|| {
                    let mut state = view().into_view().build();
                    state.mount(&host, None);
                    // Lives as long as the page: dropping it would end its effects.
                    std::mem::forget(state);
                });
            },
            std::time::Duration::ZERO,
        )
    });
}
