//! The 2015 inkoop of the selection, per budget line: as a % change or as an amount in
//! euros (the two stay in sync, both derived from the scenario), with a slider.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::model::data::Line;
use crate::model::params::Unit;
use crate::model::scenario::Change;
use crate::text::format;
use crate::text::input;
use crate::ui::state::calculator::use_calculator;
use crate::ui::widgets::field::FieldState;
use crate::ui::widgets::field::NumberField;

/// Dutch names of a budget line: (in a sentence, as a heading, short id).
fn names(line: Line) -> (&'static str, &'static str, &'static str) {
    match line {
        Line::Co => ("cliëntondersteuning", "Cliëntondersteuning", "co"),
        Line::Ivh => ("Integrale Vroeghulp", "Integrale Vroeghulp", "ivh"),
    }
}

/// Both budget lines. Nothing typed for one area lingers in the fields of the next: a
/// field's edit belongs to the area it began in (`FieldState`).
#[component]
pub fn InkoopControls() -> impl IntoView {
    view! {
        <LineControls line=Line::Co />
        <LineControls line=Line::Ivh />
    }
}

#[component]
fn LineControls(line: Line) -> impl IntoView {
    let calc = use_calculator();
    let (name, heading, short) = names(line);
    let percent_field = FieldState::new();
    let amount_field = FieldState::new();

    let percent = Memo::new(move |_| calc.with_model(|s, _| s.percent_of(calc.data, calc.selection.get(), line)));
    let budget = Memo::new(move |_| calc.figures.with(|f| f.budget_2014.get(line)));
    let inkoop = Memo::new(move |_| calc.figures.with(|f| f.inkoop_2015.get(line)));
    let percent_text = Signal::derive(move || percent.get().map(format::for_input_change).unwrap_or_default());
    let amount_text = Signal::derive(move || format::for_input(inkoop.get(), Unit::Euro));

    let apply_percent = move |text: String| {
        let p = input::percentage(&text).map_err(|e| e.to_string())?;
        calc.change_area(line, Change::Percent(p))?;
        amount_field.clear();
        Ok(())
    };
    let apply_amount = move |text: String| {
        let amount = input::amount(&text).map_err(|e| e.to_string())?;
        calc.change_area(line, Change::Total(amount))?;
        percent_field.clear();
        Ok(())
    };
    let amount_hint = Signal::derive(move || {
        if calc.selection.get().gemeenten(calc.data).len() > 1 {
            "Totaal voor het gekozen gebied, naar rato van 2014 over de gemeenten verdeeld".to_string()
        } else {
            "Bedrag in euro's, bijvoorbeeld 1.500.000".to_string()
        }
    });
    // Rounded to a whole percent its scale is 0, and the mantissa is that percent.
    let slider_value =
        move || percent.get().map_or(0, |p| format::round(p, 0).mantissa().clamp(-100, 100) as i32).to_string();
    // One drag of the slider is one step of the session history.
    let sliding = StoredValue::new(false);
    let on_slide = move |ev| {
        if let Ok(p) = event_target_value(&ev).parse::<i64>() {
            if !sliding.get_value() {
                calc.begin_step();
                sliding.set_value(true);
            }
            let _ = calc.change_area(line, Change::Percent(Decimal::from(p)));
            percent_field.clear();
            amount_field.clear();
        }
    };
    let on_slide_end = move |_| {
        sliding.set_value(false);
        calc.settle_now();
    };

    view! {
        <fieldset class="line utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{heading}</legend>
            <p class="line__budget">
                "Budget 2014: " <strong translate="no">{Signal::derive(move || format::euro(budget.get()))}</strong>
            </p>
            <div class="line__fields">
                <NumberField
                    id=format!("wijziging-{short}")
                    label=format!("Wijziging {name}")
                    value=percent_text
                    state=percent_field
                    apply=apply_percent
                    suffix=Some("%")
                    hint="Ten opzichte van 2014: typ -13 voor 13% minder"
                />
                <NumberField
                    id=format!("inkoop-{short}")
                    label=format!("Inkoop {name} 2015")
                    value=amount_text
                    state=amount_field
                    apply=apply_amount
                    prefix=Some("€")
                    hint=amount_hint
                />
            </div>
            <label class="line__slider">
                <span class="visually-hidden">{format!("Schuifregelaar {name} in procenten")}</span>
                <input
                    type="range"
                    min="-100"
                    max="100"
                    step="1"
                    prop:value=slider_value
                    aria-valuetext=move || format::percent_change(percent.get().unwrap_or_default())
                    on:input=on_slide
                    on:change=on_slide_end
                />
                <span class="line__scale" aria-hidden="true">
                    <span>"−100%"</span>
                    <span>"0%"</span>
                    <span>"+100%"</span>
                </span>
            </label>
        </fieldset>
    }
}
