//! The selection's figures (model.md §7 `data-testid`s), each with a one-line explanation,
//! and a polite summary for screen readers once typing pauses.

use std::time::Duration;

use leptos::prelude::*;

use super::calculator::use_calculator;
use super::debounce::Debounce;
use crate::format;
use crate::model::Figures;

/// One line of the results: its test id, Dutch label and explanation, and its display text.
pub(super) struct Row {
    pub(super) testid: &'static str,
    pub(super) label: &'static str,
    pub(super) uitleg: &'static str,
    pub(super) shown: fn(&Figures) -> String,
    pub(super) emphasis: bool,
}

pub(super) const ROWS: [Row; 11] = [
    Row {
        testid: "budget-2014",
        label: "Budget 2014",
        uitleg: "Wat MEE in 2014 voor dit gebied ontving: cliëntondersteuning plus Integrale Vroeghulp.",
        shown: |f| format::euro(f.budget_2014.total()),
        emphasis: false,
    },
    Row {
        testid: "inkoop-2015",
        label: "Inkoop 2015",
        uitleg: "Wat de gemeenten in 2015 bij MEE inkopen, volgens uw invoer.",
        shown: |f| format::euro(f.inkoop_2015.total()),
        emphasis: false,
    },
    Row {
        testid: "formatie-2014",
        label: "Formatie 2014 (fte)",
        uitleg: "Geschatte personeelsomvang: budget 2014 gedeeld door de kosten per fte.",
        shown: |f| format::fte(f.formatie_2014),
        emphasis: false,
    },
    Row {
        testid: "omzetdaling",
        label: "Omzetdaling",
        uitleg: "De daling die MEE treft, na verrekening met stijgingen bij andere gemeenten van dezelfde MEE-organisatie.",
        shown: |f| format::euro(f.omzetdaling),
        emphasis: false,
    },
    Row {
        testid: "fte-verlies",
        label: "Fte-verlies",
        uitleg: "Formatie die MEE niet meer kan betalen: omzetdaling gedeeld door de kosten per fte.",
        shown: |f| format::fte(f.fte_verlies),
        emphasis: false,
    },
    Row {
        testid: "fte-boventallig",
        label: "Boventallige fte",
        uitleg: "Vervallen fte die niet met het werk meegaan en niet door natuurlijk verloop vertrekken.",
        shown: |f| format::fte(f.fte_boventallig),
        emphasis: false,
    },
    Row {
        testid: "frictiekosten-personeel",
        label: "Frictiekosten personeel",
        uitleg: "Loonkosten van boventallige medewerkers: opzegtermijn, wachtgeld, ontslagvergoeding.",
        shown: |f| format::euro(f.frictiekosten_personeel),
        emphasis: false,
    },
    Row {
        testid: "frictiekosten-huisvesting",
        label: "Frictiekosten huisvesting",
        uitleg: "Doorlopende kosten van gebouwen, inventaris en ICT die MEE niet meer nodig heeft.",
        shown: |f| format::euro(f.frictiekosten_huisvesting),
        emphasis: false,
    },
    Row {
        testid: "frictiekosten",
        label: "Frictiekosten totaal",
        uitleg: "Personeel plus huisvesting: wat de overgang MEE kost.",
        shown: |f| format::euro(f.frictiekosten),
        emphasis: true,
    },
    Row {
        testid: "dekking-reserves",
        label: "Dekking uit reserves",
        uitleg: "Het deel van de frictiekosten dat MEE uit eigen reserves kan betalen.",
        shown: |f| format::euro(f.dekking_reserves),
        emphasis: false,
    },
    Row {
        testid: "frictiekosten-ongedekt",
        label: "Ongedekt",
        uitleg: "Frictiekosten waarvoor nog geen dekking is.",
        shown: |f| format::euro(f.ongedekt),
        emphasis: true,
    },
];

#[component]
pub fn Results() -> impl IntoView {
    let calc = use_calculator();
    // What the app updates is kept from page translators, whose <font> wrappers would
    // otherwise keep showing the old name; the words around it stay translatable.
    let naam = move || calc.selection.get().naam(calc.data).to_string();
    let bandbreedte = NodeRef::new();
    super::render_after_first_paint(bandbreedte, super::analysis::Bandbreedte);
    view! {
        <section class="results" aria-labelledby="uitkomst-titel">
            <h2 id="uitkomst-titel" class="nl-heading nl-heading--level-2">"Gevolgen voor " <span translate="no">{naam}</span></h2>
            <KeyFigures />
            <dl class="results__list">
                {ROWS
                    .iter()
                    .map(|row| {
                        let shown = row.shown;
                        view! {
                            <div class="result" class:result--emphasis=row.emphasis>
                                <dt class="result__label">{row.label}</dt>
                                <dd class="result__value" data-testid=row.testid translate="no">
                                    {move || calc.figures.with(shown)}
                                </dd>
                                <dd class="result__uitleg">{row.uitleg}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <div node_ref=bandbreedte></div>
            <Announcer />
        </section>
    }
}

/// The three figures people look for first. At the top of the results, and on narrow
/// screens also in a bar at the bottom of the screen, so the effect of typing is visible
/// wherever the field is. The bar repeats what is on the page, so screen readers skip it.
#[component]
pub fn KeyFigures(#[prop(optional)] bar: bool) -> impl IntoView {
    let calc = use_calculator();
    let figure = move |label: &'static str, shown: fn(&Figures) -> String| {
        view! {
            <div class="key-figures__item">
                <span class="key-figures__label">{label}</span>
                <span class="key-figures__value" translate="no">{Signal::derive(move || calc.figures.with(shown))}</span>
            </div>
        }
    };
    view! {
        <div class="key-figures" class:key-figures--bar=bar aria-hidden=bar.then_some("true")>
            {figure("Frictiekosten", |f| format::euro(f.frictiekosten))}
            {figure("Ongedekt", |f| format::euro(f.ongedekt))}
            {figure("Fte-verlies", |f| format::fte(f.fte_verlies))}
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
                "{}: frictiekosten {}, waarvan ongedekt {}; {} fte verlies.",
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
