//! The seven assumptions, each with its default, its source and a way back to the default.

use leptos::prelude::*;

use crate::model::params::{ParamKey, Unit};
use crate::model::weergave::Fold;
use crate::text::format;
use crate::text::input;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::ui::widgets::field::FieldState;
use crate::ui::widgets::field::NumberField;

#[component]
pub fn ParametersPanel() -> impl IntoView {
    let calc = use_calculator();
    let changed = move || calc.with_model(|_, p| ParamKey::ALL.iter().filter(|&&k| !p.is_default(k)).count());
    // Open unless shut.
    let open = calc.shown(|w| w.is_open(Fold::Aannames, true));
    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(is_open) = browser::details_open(&ev) {
            calc.show(|w| w.set_open(Fold::Aannames, is_open, true));
        }
    };
    view! {
        <details class="params" prop:open=move || open.get() on:toggle=on_toggle>
            <summary>
                <h2 class="nl-heading nl-heading--level-2">"Aannames"</h2>
                <span class="params__changed">
                    {move || match changed() {
                        0 => "alle op de standaardwaarde".to_string(),
                        1 => "1 aangepast".to_string(),
                        n => format!("{n} aangepast"),
                    }}
                </span>
            </summary>
            <p class="section-intro nl-paragraph">
                "De standaardwaarden reproduceren het landelijke beeld van de Voortgangsmonitor van 1 december 2014. "
                "Een wijziging werkt direct door in alle uitkomsten."
            </p>
            <super::analysis::Tornado />
            {move || {
                calc.epoch.track();
                ParamKey::ALL.into_iter().map(|key| view! { <ParamField key=key /> }).collect_view()
            }}
        </details>
    }
}

#[component]
fn ParamField(key: ParamKey) -> impl IntoView {
    let calc = use_calculator();
    let spec = key.spec();
    let field = FieldState::new();
    let value = Signal::derive(move || format::for_input(calc.with_model(|_, p| p.get(key)), spec.unit));
    let apply = move |text: String| {
        let v = input::parameter(key, &text).map_err(|e| e.to_string())?;
        calc.update(|s| {
            let _ = s.inputs.params.set(key, v);
        });
        Ok(())
    };
    let (prefix, suffix) = match spec.unit {
        Unit::Euro => (Some("€"), None),
        Unit::Maanden => (None, Some("maanden")),
        Unit::Procent => (None, Some("%")),
    };
    let is_default = move || calc.with_model(|_, p| p.is_default(key));
    view! {
        <div class="param" data-testid=format!("param-{}", spec.url_name)>
            <NumberField
                id=format!("param-{}", spec.url_name)
                label=spec.label
                value=value
                state=field
                apply=apply
                prefix=prefix
                suffix=suffix
                hint=format!("{} Standaard: {}.", spec.uitleg, format::value(spec.default, spec.unit))
            />
            <p class="param__bron">"Bron: " {spec.bron}</p>
            <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                disabled=is_default
                on:click=move |_| {
                    calc.step(|s| s.inputs.params.reset(key));
                    field.clear();
                    // The button disables itself; keep the keyboard user at the field it reset.
                    browser::focus(&format!("param-{}", spec.url_name));
                }
            >
                {format!("Terug naar standaard ({})", format::value(spec.default, spec.unit))}
                <span class="visually-hidden">{format!(" voor {}", spec.label)}</span>
            </button>
        </div>
    }
}
