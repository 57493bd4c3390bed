//! Ready-made scenarios, one click each.

use leptos::prelude::*;

use super::state::use_calculator;
use crate::presets::Preset;

#[component]
pub fn Presets() -> impl IntoView {
    let calc = use_calculator();
    let apply = move |preset: Preset| {
        let mut selection = calc.selection.get_untracked();
        let (mut pad, mut params) = (calc.pad.get_untracked(), calc.params.get_untracked());
        calc.scenario.update(|s| preset.apply(calc.data, s, &mut selection, &mut pad, &mut params));
        calc.selection.set(selection);
        calc.pad.set(pad);
        calc.params.set(params);
        calc.epoch.update(|e| *e += 1);
    };
    view! {
        <section class="presets" aria-labelledby="scenarios-titel">
            <h2 id="scenarios-titel" class="nl-heading nl-heading--level-2">"Scenario's"</h2>
            <ul class="presets__list">
                {Preset::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, preset)| {
                        let id = format!("scenario-{i}");
                        let description = move || preset.description(calc.selection.get().naam(calc.data));
                        view! {
                            <li>
                                <button type="button" class="utrecht-button utrecht-button--secondary-action" aria-describedby=id.clone() on:click=move |_| apply(preset)>
                                    {preset.label()}
                                </button>
                                <p id=id class="presets__description">{description}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
