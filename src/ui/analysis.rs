//! The analyst tools of docs/model.md §9 on the page: the bandbreedte beside the results, the
//! tornado in the assumptions panel, and "Omgekeerd rekenen".

use leptos::prelude::*;

use super::calculator::use_calculator;
use super::field::FieldState;
use super::field::NumberField;
use crate::model::analysis::{self, Figure, MensVolgtWerk};
use crate::model::calculation::calculate;
use crate::model::data::Line;
use crate::model::params::{ParamKey, Unit};
use crate::model::scenario::Change;
use crate::text::format;
use crate::text::input;
use crate::view::analysis::bandbreedte_markup;
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
    let chart = super::charts::drawn(move || {
        let (selection, params) = (calc.later.selection(), calc.later.params());
        let point = calc.later.with_figures(|f| f.ongedekt);
        let swings =
            calc.later.with_scenario(|s| analysis::tornado(calc.data, s, selection, &params, Figure::Ongedekt));
        // Short names beside the bars, each with its range (the euro sign once), so a row
        // stays one line on a phone; the table under the chart gives the full names.
        let rows: Vec<chart::Swing> = swings
            .iter()
            .map(|s| {
                let unit = s.key.spec().unit;
                let short = match s.key {
                    ParamKey::FteKosten => "Kosten/fte",
                    ParamKey::MaandenPersoneel => "Maanden personeel",
                    ParamKey::Huisvesting => "Deel huisvesting",
                    ParamKey::MaandenHuisvesting => "Maanden huisvesting",
                    _ => "Reserves",
                };
                let (low, high) = (format::value(s.low_value, unit), format::value(s.high_value, unit));
                let full = format!("{} ({})", s.key.spec().label, format::range(&low, &high));
                let high_short = high.strip_prefix('€').map(|h| h.trim_start_matches(format::NBSP)).unwrap_or(&high);
                chart::Swing {
                    short: format!("{short} {low}–{high_short}"),
                    full,
                    at_low: s.at_low,
                    at_high: s.at_high,
                }
            })
            .collect();
        chart::tornado("Invloed van elke aanname op de ongedekte frictiekosten", point, &rows)
    });
    view! { <super::charts::ChartFigure testid="tornado" file="aannames" chart=chart /> }
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
        let target = if text.trim().is_empty() { None } else { Some(input::amount(&text).map_err(|e| e.to_string())?) };
        calc.update(|s| s.doel_ongedekt = target);
        Ok(())
    };
    let answers = Memo::new(move |_| {
        let target = doel()?;
        let (selection, params) = (calc.later.selection(), calc.later.params());
        let scenario = calc.later.with_scenario(Clone::clone);
        let cut = analysis::deepest_cut(data, &scenario, selection, &params, target);
        let mut applied = scenario.clone();
        let _ = applied.apply(data, selection, Line::Co, Change::Percent(cut));
        let after = calculate(data, &applied, &params).selection(data, selection);
        let mvw = analysis::mens_volgt_werk_needed(data, &scenario, selection, &params, target);
        Some((cut, after, mvw))
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
                answers.get().map(|(cut, after, mvw)| {
                    view! {
                        <div class="omgekeerd__answers" translate="no">
                            <div class="omgekeerd__answer" data-testid="antwoord-korting">
                                <p class="nl-paragraph">
                                    <strong>"Hoeveel kan er gekort worden? "</strong>
                                    {deepest_cut_sentence(&naam(), cut, format::euro(after.inkoop_2015.co), format::euro(after.ongedekt))}
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
                                {match mvw {
                                    MensVolgtWerk::Needed(share) => view! {
                                        <p class="nl-paragraph">
                                            <strong>"Hoeveel mens-volgt-werk is nodig? "</strong>
                                            {format!("Minstens {} van de vervallen fte moet met het werk meegaan.", format::percent(share))}
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
                                    MensVolgtWerk::NotEnough { ongedekt_at_100 } => view! {
                                        <p class="nl-paragraph">
                                            <strong>"Hoeveel mens-volgt-werk is nodig? "</strong>
                                            {format!(
                                                "Zelfs als al het personeel meegaat (100%) blijft {} ongedekt: de huisvestingskosten blijven.",
                                                format::euro(ongedekt_at_100)
                                            )}
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

/// The answer to "how far can the inkoop go down?" in words: a cut is "verlagen met 25,7%",
/// not "wijzigen met −25,7%".
fn deepest_cut_sentence(naam: &str, cut: rust_decimal::Decimal, inkoop: String, ongedekt: String) -> String {
    if cut.is_sign_negative() && !cut.is_zero() {
        format!(
            "{naam} kan de inkoop van cliëntondersteuning met hoogstens {} verlagen: inkoop {inkoop}, ongedekt {ongedekt}.",
            format::percent(cut.abs())
        )
    } else {
        format!(
            "{naam} kan de inkoop van cliëntondersteuning niet verlagen zonder boven dit bedrag uit te komen: inkoop {inkoop}, ongedekt {ongedekt}."
        )
    }
}
