//! The selection's figures (docs/model.md §7 `data-testid`s), each with a one-line explanation,
//! and a polite summary for screen readers once typing pauses.

use std::time::Duration;

use leptos::prelude::*;

use crate::text::format;
use crate::ui::browser;
use crate::ui::split::parts::Parts;
use crate::ui::state::calculator::use_calculator;
use crate::ui::state::debounce::Debounce;
use crate::view::figures::{key_markup, list_markup};

#[component]
pub fn Results() -> impl IntoView {
    let calc = use_calculator();
    // What the app updates is kept from page translators, whose <font> wrappers would
    // otherwise keep showing the old name; the words around it stay translatable.
    let naam = move || calc.selection.get().naam(calc.data).to_string();
    let parts = crate::ui::state::provided::<Parts>();
    view! {
        <section class="results" aria-labelledby="uitkomst-titel">
            <h2 id="uitkomst-titel" class="nl-heading nl-heading--level-2">"Gevolgen voor " <span translate="no">{naam}</span></h2>
            <KeyFigures />
            <dl class="results__list" inner_html=move || calc.figures.with(list_markup)></dl>
            <super::worked::ShowWorked />
            // Computed at 32 corners, in the analysis chunk; until it is there, its place.
            {crate::ui::split::lazy::section(parts.get(crate::ui::split::parts::Part::Bandbreedte), "", None, "bandbreedte bandbreedte--laden")}
            <Announcer />
        </section>
    }
}

/// Whether the key figures at the top of the results are on screen: the bar would then
/// show the same three figures twice.
#[derive(Clone, Copy)]
pub struct PanelInView(pub RwSignal<bool>);

/// The three figures people look for first. At the top of the results, and also in a bar
/// at the bottom of the screen while those are out of view, so the effect of typing is
/// visible wherever the field is. The bar repeats what is on the page, so screen readers
/// skip it. With an afbouwpad set, both show its totals over 2015–2018, as labelled.
#[component]
pub fn KeyFigures(#[prop(optional)] bar: bool) -> impl IntoView {
    let calc = use_calculator();
    let path = calc.path_total;
    let html = move || match path.get() {
        Some(total) => key_markup(&total, true),
        None => calc.figures.with(|f| key_markup(f, false)),
    };
    let in_view = use_context::<PanelInView>().map(|p| p.0);
    let node = NodeRef::<leptos::html::Div>::new();
    if let (false, Some(in_view)) = (bar, in_view) {
        Effect::new(move |_| {
            if let Some(element) = node.get() {
                browser::on_in_view(&element, move |seen| in_view.set(seen));
            }
        });
    }
    let hidden = move || bar && in_view.is_some_and(|s| s.get());
    view! {
        <div class="key-figures" class:key-figures--bar=bar aria-hidden=bar.then_some("true") hidden=hidden node_ref=node inner_html=html>
        </div>
    }
}

/// A polite live region that speaks a short summary once the figures have been still for a
/// moment, so a screen reader is not flooded while someone types.
#[component]
fn Announcer() -> impl IntoView {
    let calc = use_calculator();
    let spoken = RwSignal::new(String::new());
    let timer = Debounce::new(Duration::from_millis(800));
    // An effect, not a memo: the announcement is deliberately late, set by a timer.
    Effect::new(move |previous: Option<()>| {
        let summary = calc.figures.with(|f| {
            format!(
                "{}: frictiekosten {}, waarvan ongedekt {}; fte-verlies {}.",
                calc.selection.get_untracked().naam(calc.data),
                format::euro(f.frictiekosten),
                format::euro(f.ongedekt),
                format::fte(f.fte_verlies)
            )
        });
        if previous.is_none() {
            return; // nothing to announce on page load
        }
        timer.restart(move || spoken.set(summary));
    });
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="aankondiging">{spoken}</p> }
}
