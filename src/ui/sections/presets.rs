//! Ready-made scenarios, one click each. A preset that replaces earlier work or changes the
//! area says so, with an undo (`Calculator::apply_preset`).

use leptos::prelude::*;

use crate::ui::state::calculator::use_calculator;
use crate::view::presets::Preset;

#[component]
pub fn Presets() -> impl IntoView {
    let calc = use_calculator();
    view! {
        <section class="presets" aria-labelledby="scenarios-titel">
            <h2 id="scenarios-titel" class="nl-heading nl-heading--level-2">"Voorbeelden"</h2>
            <ul class="presets__list">
                {Preset::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, preset)| {
                        let id = format!("scenario-{i}");
                        let description = move || preset.description(calc.selection.get().naam(calc.data));
                        // The two descriptions that name the area are kept from page translators.
                        let names_area = matches!(preset, Preset::NietsBijMee | Preset::Gespreid);
                        view! {
                            <li>
                                <button type="button" class="utrecht-button utrecht-button--secondary-action" aria-describedby=id.clone() on:click=move |_| calc.apply_preset(preset)>
                                    {preset.label()}
                                </button>
                                <p id=id class="presets__description" translate=names_area.then_some("no")>{description}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
