//! A text field for a Dutch number, with its label, unit, hint and error message.

use leptos::ev::{FocusEvent, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::HtmlInputElement;

use super::state::{FieldState, use_calculator};

/// `apply` receives the typed text on every keystroke and returns the Dutch message when
/// it cannot be used; `value` is what the field shows when nobody is typing in it.
#[component]
pub fn NumberField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    state: FieldState,
    #[prop(into)] apply: Callback<String, Result<(), String>>,
    /// Shown before the input, e.g. `Some("€")`.
    #[prop(optional_no_strip)]
    prefix: Option<&'static str>,
    /// Shown after the input, e.g. `Some("%")`.
    #[prop(optional_no_strip)]
    suffix: Option<&'static str>,
    /// A line under the field that says what to type.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Label for screen readers only (for fields in a table row).
    #[prop(optional)]
    hidden_label: bool,
) -> impl IntoView {
    let calc = use_calculator();
    let error_id = format!("{id}-fout");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<String> =
                [state.error().map(|_| error_id.clone()), hint_id.clone()].into_iter().flatten().collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            state.cancel(&calc);
        }
    };
    // Entering the field selects its value, so typing replaces it ("0" then "-13" must not
    // become "-130"). The mouseup that follows a click would collapse the selection again.
    let just_focused = StoredValue::new(false);
    let on_focus = move |ev: FocusEvent| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            input.select();
            just_focused.set_value(true);
        }
    };
    let on_mouseup = move |ev: MouseEvent| {
        if just_focused.get_value() {
            ev.prevent_default();
            just_focused.set_value(false);
        }
    };
    view! {
        <div class="field utrecht-form-field utrecht-form-field--text" class:field--invalid=move || state.error().is_some()>
            <label for=id.clone() class="utrecht-form-label" class:visually-hidden=hidden_label>{label}</label>
            <div class="field__control">
                {prefix.map(|p| view! { <span class="field__unit" aria-hidden="true">{p}</span> })}
                <input
                    id=id
                    type="text"
                    class="utrecht-textbox utrecht-textbox--html-input"
                    class:utrecht-textbox--invalid=move || state.error().is_some()
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || state.text().unwrap_or_else(|| value.get())
                    aria-invalid=move || if state.error().is_some() { "true" } else { "false" }
                    aria-describedby=described_by
                    on:input=move |ev| state.edit(&calc, event_target_value(&ev), |text| apply.run(text.to_string()))
                    on:blur=move |_| {
                        just_focused.set_value(false);
                        calc.settle_now();
                        state.commit()
                    }
                    on:keydown=on_keydown
                    on:focus=on_focus
                    on:mouseup=on_mouseup
                />
                {suffix.map(|s| view! { <span class="field__unit" aria-hidden="true">{s}</span> })}
            </div>
            {hint.map(|h| view! { <p class="field__hint utrecht-form-field-description" id=hint_id.clone()>{h}</p> })}
            <p class="field__error utrecht-form-field-error-message" id=error_id hidden=move || state.error().is_none()>
                {move || state.error().unwrap_or_default()}
            </p>
        </div>
    }
}
