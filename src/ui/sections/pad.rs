//! "Afbouwpad 2015–2018": the selection's cliëntondersteuning per year, the figures per year,
//! and next to them the same final cut made at once in 2015 (docs/model.md §8).

use leptos::prelude::*;

use crate::model::pad::YEARS;
use crate::model::weergave::Fold;
use crate::text::format;
use crate::text::input;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::ui::widgets::field::FieldState;
use crate::ui::widgets::field::NumberField;
use crate::view::pad::PathFigures;

/// Rebuilt when a preset replaces the inputs: open by itself when a path is set.
#[component]
pub fn Afbouwpad() -> impl IntoView {
    let calc = use_calculator();
    move || {
        calc.epoch.track();
        let usual = calc.with_untracked(|s| s.inputs.pad.iter().any(Option::is_some));
        view! { <AfbouwpadSection usual=usual /> }
    }
}

#[component]
fn AfbouwpadSection(usual: bool) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let open = Memo::new(move |_| calc.with(|s| s.weergave.is_open(Fold::Afbouwpad, usual)));
    let figures = Memo::new(move |_| calc.later.with_inputs(|inputs| PathFigures::of(data, inputs)));
    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(is_open) = browser::details_open(&ev) {
            calc.show(|w| w.set_open(Fold::Afbouwpad, is_open, usual));
        }
    };
    view! {
        <details class="pad" prop:open=move || open.get() on:toggle=on_toggle data-testid="afbouwpad">
            <summary>
                <h2 id="afbouwpad-titel" class="nl-heading nl-heading--level-2">"Afbouwpad 2015–2018"</h2>
            </summary>
            <p class="nl-paragraph section-intro">
                "Spreid de korting over meer jaren: elk jaar wordt berekend tegenover het jaar ervoor. Met natuurlijk "
                "verloop (bij de aannames) kost geleidelijk afbouwen minder dan dezelfde korting in één keer. "
                "Een leeg jaar blijft gelijk aan het jaar ervoor."
            </p>
            <Show when=move || open.get()>
                {move || {
                    calc.selection.track();
                    view! { <div class="pad__fields">{(0..3).map(|i| view! { <YearField index=i /> }).collect_view()}</div> }
                }}
                // Read-only figures: markup from the view layer.
                <div inner_html=move || figures.with(|f| f.as_ref().map(PathFigures::markup).unwrap_or_else(|| {
                    r#"<p class="field__error">Dit pad kan niet worden berekend.</p>"#.to_string()
                }))></div>
            </Show>
        </details>
    }
}

#[component]
fn YearField(index: usize) -> impl IntoView {
    let calc = use_calculator();
    let year = YEARS[index + 1];
    let field = FieldState::new();
    let value =
        Signal::derive(move || calc.with(|s| s.inputs.pad[index]).map(format::for_input_change).unwrap_or_default());
    let apply = move |text: String| {
        let percent = input::optional(&text, input::percentage).map_err(|e| e.to_string())?;
        calc.update(|s| s.inputs.pad[index] = percent);
        Ok(())
    };
    view! {
        <NumberField
            id=format!("pad-{year}")
            label=format!("Cliëntondersteuning {year}, wijziging t.o.v. 2014")
            value=value
            state=field
            apply=apply
            suffix=Some("%")
            hint="Leeg: gelijk aan het jaar ervoor"
        />
    }
}
