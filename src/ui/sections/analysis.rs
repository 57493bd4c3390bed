//! The analyst tools of docs/model.md §9 on the page: the bandbreedte beside the results, the
//! tornado in the assumptions panel, and "Omgekeerd rekenen".

use leptos::prelude::*;

use crate::model::analysis::{self, Figure, MensVolgtWerk};
use crate::model::data::Line;
use crate::model::params::{ParamKey, Unit};
use crate::model::scenario::Change;
use crate::text::format;
use crate::text::input;
use crate::ui::state::calculator::use_calculator;
use crate::ui::widgets::field::FieldState;
use crate::ui::widgets::field::NumberField;
use crate::view::analysis::{GoalSeek, bandbreedte_markup, tornado_rows};
use crate::view::chart;

/// The range of frictiekosten and ongedekt over the uncertain assumptions.
#[component]
pub fn Bandbreedte() -> impl IntoView {
    let calc = use_calculator();
    let ranges = Memo::new(move |_| {
        let (selection, params) = (calc.later.selection(), calc.later.params());
        calc.later.with_scenario(|s| analysis::ranges(calc.data, s, selection, &params))
    });
    // Read-only: markup from the view layer.
    let html = move || {
        let (frictiekosten, ongedekt) = ranges.get();
        bandbreedte_markup(frictiekosten, ongedekt)
    };
    view! { <div class="bandbreedte" inner_html=html></div> }
}

/// How far each uncertain assumption alone moves the ongedekte frictiekosten.
#[component]
pub fn Tornado() -> impl IntoView {
    let calc = use_calculator();
    let chart = crate::ui::widgets::charts::drawn(move || {
        let (selection, params) = (calc.later.selection(), calc.later.params());
        let point = calc.later.with_figures(|f| f.ongedekt);
        let swings =
            calc.later.with_scenario(|s| analysis::tornado(calc.data, s, selection, &params, Figure::Ongedekt));
        let rows = tornado_rows(&swings);
        chart::tornado("Invloed van elke aanname op de ongedekte frictiekosten", point, &rows)
    });
    view! { <crate::ui::widgets::charts::ChartFigure testid="tornado" file="aannames" chart=chart /> }
}

/// "Omgekeerd rekenen": how far can we cut, or how much has to move with the work, to keep
/// the ongedekte frictiekosten under a target?
#[component]
pub fn OmgekeerdRekenen() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let field = FieldState::new();
    let doel = move || calc.with(|s| s.doel_ongedekt);
    let value = Signal::derive(move || doel().map(|t| format::for_input(t, Unit::Euro)).unwrap_or_default());
    let apply = move |text: String| {
        let target = input::optional(&text, input::amount).map_err(|e| e.to_string())?;
        calc.update(|s| s.doel_ongedekt = target);
        Ok(())
    };
    let answers = Memo::new(move |_| {
        let target = doel()?;
        let (selection, params) = (calc.later.selection(), calc.later.params());
        Some(calc.later.with_scenario(|scenario| GoalSeek::of(data, scenario, selection, &params, target)))
    });
    let naam = move || calc.later.selection().naam(data).to_string();
    view! {
        <section class="omgekeerd" aria-labelledby="omgekeerd-titel" data-testid="omgekeerd">
            <h2 id="omgekeerd-titel" class="nl-heading nl-heading--level-2">"Omgekeerd rekenen"</h2>
            <p class="nl-paragraph section-intro">
                "Vul in hoeveel ongedekte frictiekosten aanvaardbaar zijn. De rekenhulp zoekt dan hoe ver de inkoop "
                "van het gekozen gebied kan dalen, en hoeveel personeel met het werk mee moet gaan, met al het andere zoals ingesteld."
            </p>
            <NumberField
                id="doel-ongedekt"
                label="Aanvaardbare ongedekte frictiekosten (maximum)"
                value=value
                state=field
                apply=apply
                prefix=Some("€")
                hint="Bijvoorbeeld 50.000; leeg: geen doel"
            />
            {move || {
                answers.get().map(|answer| {
                    let cut = answer.cut;
                    view! {
                        <div class="omgekeerd__answers" translate="no">
                            <div class="omgekeerd__answer" data-testid="antwoord-korting">
                                <p class="nl-paragraph">
                                    <strong>"Hoeveel kan er gekort worden? "</strong>
                                    {answer.cut_sentence(&naam())}
                                </p>
                                <button
                                    type="button"
                                    class="utrecht-button utrecht-button--secondary-action"
                                    on:click=move |_| {
                                        calc.begin_step();
                                        let _ = calc.change_area(Line::Co, Change::Percent(cut));
                                        calc.settle_now();
                                        calc.epoch.update(|e| *e += 1);
                                    }
                                >
                                    "Pas deze wijziging toe"
                                </button>
                            </div>
                            <div class="omgekeerd__answer" data-testid="antwoord-mens-volgt-werk">
                                {match answer.mens_volgt_werk {
                                    MensVolgtWerk::Needed(share) => view! {
                                        <p class="nl-paragraph">
                                            <strong>"Hoeveel mens-volgt-werk is nodig? "</strong>
                                            {answer.mens_volgt_werk_sentence()}
                                        </p>
                                        <button
                                            type="button"
                                            class="utrecht-button utrecht-button--secondary-action"
                                            on:click=move |_| {
                                                calc.step(|s| {
                                                    let _ = s.inputs.params.set(ParamKey::MensVolgtWerk, share);
                                                });
                                                calc.epoch.update(|e| *e += 1);
                                            }
                                        >
                                            "Pas dit toe"
                                        </button>
                                    }
                                        .into_any(),
                                    MensVolgtWerk::NotEnough { .. } => view! {
                                        <p class="nl-paragraph">
                                            <strong>"Hoeveel mens-volgt-werk is nodig? "</strong>
                                            {answer.mens_volgt_werk_sentence()}
                                        </p>
                                    }
                                        .into_any(),
                                }}
                            </div>
                        </div>
                    }
                })
            }}
        </section>
    }
}
