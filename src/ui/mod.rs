//! The browser UI: a thin layer over the calculation core. Exists only for wasm32.
//!
//! Every component reads the one [`Calculator`] from context; what a person chooses goes
//! into its one session signal, and everything shown is a memo or closure over it.

mod browser;
mod chunks;
mod sections;
mod split;
mod state;
mod widgets;

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::data::Dataset;
pub use browser::show_crash_message;
use sections::{embed, inkoop, notices, results, search, selection};
use split::lazy::Load;
use split::parts::Part;

/// Starts the calculator in the page, or says why it cannot.
pub fn mount() {
    // Debug builds only: `?paniek=1` panics on purpose, so the browser tests can prove that a
    // panic shows the crash message (tests/e2e/panic.spec.mjs). Not in the release build.
    #[cfg(debug_assertions)]
    if browser::current_query().contains("paniek=1") {
        panic!("opzettelijke paniek, om de foutmelding te testen");
    }
    // The one error that can stop it: the built-in table cannot be read (a build that broke
    // it; tests/data.rs keeps that from landing). Said in plain DOM, not as a view: a view
    // that is either the page or an error makes the whole page's view rebuildable, which
    // costs the first load 12 KB of wasm for this one case.
    match Dataset::embedded() {
        Ok(data) => browser::mount(move || view! { <Page data=data /> }),
        Err(e) => browser::show_start_failure(&e.to_string()),
    }
}
pub use state::calculator::Calculator;

#[component]
fn Page(data: &'static Dataset) -> impl IntoView {
    let (calc, notices) = Calculator::from_link(data, &browser::starting_query());
    provide_context(calc);
    provide_context(results::PanelInView(RwSignal::new(false)));
    let parts = chunks::parts();
    provide_context(parts);
    calc.follow_history();
    let embed = calc.mode.embed;
    let with_map = !embed || calc.mode.kaart;
    // In a frame whose embed.js named its host page: the figures are told to that page.
    let host = embed.then(|| crate::text::url::host(&browser::starting_query())).flatten();
    if let Some(origin) = host.clone() {
        let bericht = parts.bericht;
        Effect::new(move |_| {
            if let Load::Ready(report) = bericht.state() {
                report(calc, origin.clone());
            }
        });
    }
    // The rest of the page comes once the figures are painted and the browser is idle. In a
    // frame only what it shows: the map if asked for, the message if a host is named, the
    // rest when "Meer" is opened.
    browser::after_paint(move || {
        browser::when_idle(move || {
            if !embed {
                parts.start_all();
            } else {
                if host.is_some() {
                    parts.bericht.start();
                }
                if with_map {
                    parts.get(Part::Kaart).start();
                }
            }
        })
    });
    // A link that opens a section loads it first, without waiting for the browser to be idle.
    calc.with_untracked(|s| {
        if !s.vergelijk.is_empty() {
            parts.get(Part::Vergelijking).start();
        }
        if s.doel_ongedekt.is_some() {
            parts.get(Part::Omgekeerd).start();
        }
        if s.inputs.pad.iter().any(Option::is_some) {
            parts.get(Part::Afbouwpad).start();
        }
    });
    // Below the figures, every section in its place. In a frame on someone else's page the
    // figures are what it is for: the rest folds away under one heading (the map stays out
    // unless asked for with `kaart=1`), so the frame is a few screens tall instead of thirty.
    let placed = |wanted: &dyn Fn(Part) -> bool| {
        calc.with_untracked(|s| {
            Part::ALL.into_iter().filter(|&p| wanted(p)).map(|p| parts.place(p, s)).collect::<Vec<_>>()
        })
    };
    let below = if embed {
        let on_open = move |ev: leptos::ev::Event| {
            if browser::details_open(&ev) == Some(true) {
                parts.start_all();
            }
        };
        let folded = placed(&|p| {
            !matches!(p, Part::Kaart | Part::Bandbreedte | Part::Insluiten | Part::Methode | Part::Verslag)
        });
        Either::Left(view! {
            {with_map.then(|| parts.place(Part::Kaart, &calc.with_untracked(Clone::clone)))}
            <details class="embed-more" data-testid="embed-meer" on:toggle=on_open>
                <summary>
                    <h2 class="nl-heading nl-heading--level-2">"Meer: voorbeelden, grafieken, per gemeente, aannames"</h2>
                </summary>
                {folded}
            </details>
        })
    } else {
        Either::Right(placed(&|p| !matches!(p, Part::Bandbreedte | Part::Verslag)))
    };
    if embed {
        browser::report_height_to_parent();
    }
    // The header and intro are the app shell's (index.html): painted before the wasm arrives,
    // hidden in an iframe by the shell's own first lines.
    view! {
            <main class="page__main">
                // The printed report: nothing on screen; its code comes with the rest.
                {move || match parts.get(Part::Verslag).state() {
                    Load::Ready(build) => Some(build()),
                    _ => None,
                }}
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
                <div class="page__below">{below}</div>
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
                        "Voortgangsmonitor bestuurlijke afspraken, 1 december 2014. "
                        // On paper only with the map (style/main.css): a report printed
                        // without it does not credit it.
                        <span class="page__footer-kaart">"Kaart: © CBS/PDOK, gemeentegrenzen 2013. "</span>
                        <a class="nl-link" href="#toegankelijkheid">"Toegankelijkheidsverklaring"</a>
                    </p>
                </footer>
            })}
    }
}
