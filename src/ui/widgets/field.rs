//! A text field for a Dutch number, with its label, unit, hint and error message, and the
//! state of an edit in it.

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::model::inputs::Session;
use crate::model::selection::Selection;
use crate::text::input;
use crate::ui::browser;
use crate::ui::state::calculator::{Calculator, use_calculator};

/// The keyboard a phone shows for a field (its `inputmode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyboard {
    /// Digits and a decimal comma: the quickest for an amount. On iOS it has no minus and no
    /// `%`, on Android no `%`.
    Decimal,
    /// The full keyboard, whose row of figures has the minus, the comma and `%`: for a field
    /// in which a negative number or a percentage is typed.
    Text,
}

/// What a number field shows while a person is typing in it, and what is wrong with it.
///
/// A field normally shows a value derived from the state. While it is being edited it shows
/// exactly what was typed. Valid text is applied at once; invalid text gets its message and
/// puts the state back as it was when the edit began, so no figure ever shows a half-typed
/// number ("1,5" on the way to "1,5 mln"). Leaving the field returns it to the derived
/// value unless the text is invalid (then it stays, to be corrected); Escape cancels the
/// edit and restores the state from before it. One edit is one step of the session
/// history: Back undoes it as a whole.
///
/// What was typed belongs to the area and the inputs it was typed for: when another area
/// is chosen or the inputs are replaced as a whole (a preset, a saved scenario, Back:
/// `Calculator::epoch`), the field shows the state's value again and its edit is over. That
/// is derived, not reset, so the fields need not be rebuilt for it.
#[derive(Clone, Copy)]
pub struct FieldState {
    calc: Calculator,
    text: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    before: StoredValue<Option<Session>>,
    /// The epoch and area the edit under way began in.
    began: StoredValue<(u32, Selection)>,
}

impl FieldState {
    pub fn new() -> FieldState {
        let calc = use_calculator();
        FieldState {
            calc,
            text: RwSignal::new(None),
            error: RwSignal::new(None),
            before: StoredValue::new(None),
            began: StoredValue::new((0, Selection::Nederland)),
        }
    }

    /// Whether the edit under way still belongs to the state shown (tracked).
    fn live(&self) -> bool {
        (self.calc.epoch.get(), self.calc.selection.get()) == self.began.get_value()
    }

    /// The typed text, if the field is being edited. (Read before `live`, so that it is
    /// tracked whatever `live` says: `began` is not a signal, an edit changes the text.)
    pub fn text(&self) -> Option<String> {
        let text = self.text.get();
        if self.live() { text } else { None }
    }

    pub fn error(&self) -> Option<String> {
        let error = self.error.get();
        if self.live() { error } else { None }
    }

    /// Records typed text and applies it; a refusal becomes the field's message.
    pub fn edit(&self, calc: &Calculator, text: String, apply: impl FnOnce(&str) -> Result<(), String>) {
        let now = (calc.epoch.get_untracked(), calc.selection.get_untracked());
        if self.before.with_value(Option::is_none) || self.began.get_value() != now {
            calc.begin_step();
            self.before.set_value(Some(calc.with_untracked(Clone::clone)));
            self.began.set_value(now);
        }
        let result = apply(&text);
        if let (Err(_), Some(before)) = (&result, self.before.get_value()) {
            calc.update(|s| *s = before);
        }
        self.error.set(result.err());
        self.text.set(Some(text));
    }

    /// The person left the field: show the derived value again if what they typed was used.
    pub fn commit(&self) {
        // `None` when the field was removed while it had focus: the blur comes after its
        // state is gone, and there is nothing left to show.
        if let Some(None) = self.error.try_get_untracked() {
            self.clear();
        }
    }

    /// Escape: back to the state from before the edit, if it still belongs to this state.
    pub fn cancel(&self, calc: &Calculator) {
        let now = (calc.epoch.get_untracked(), calc.selection.get_untracked());
        if let (Some(before), true) = (self.before.get_value(), self.began.get_value() == now) {
            calc.update(|s| *s = before);
            calc.undo.set(None);
        }
        self.clear();
    }

    /// Drops whatever was typed, keeping the state as it is (another field set it).
    pub fn clear(&self) {
        self.text.set(None);
        self.error.set(None);
        self.before.set_value(None);
    }
}

impl Default for FieldState {
    fn default() -> Self {
        FieldState::new()
    }
}

/// `apply` receives the typed text on every keystroke and returns the Dutch message when
/// it cannot be used; `value` is what the field shows when nobody is typing in it.
///
/// A percentage field (`suffix=Some("%")`) takes at most the two decimals the page shows
/// percentages with (`input::percent_as_shown`), so that what it shows once left is what
/// the figures use. When the message asks "Bedoelt u 300.000?" (`input::suggestion`), a
/// button under it puts that text in the field and applies it.
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
    hint: Option<Signal<String>>,
    /// Label for screen readers only (for fields in a table row).
    #[prop(optional)]
    hidden_label: bool,
    /// The keyboard on a phone. By default the full keyboard for a percentage field (a
    /// change is often negative, and iOS's decimal keypad has no minus), the decimal keypad
    /// otherwise. A field that takes a percentage besides euros (`-10%` in a gemeente's
    /// cell) passes `Some(Keyboard::Text)`.
    #[prop(optional_no_strip)]
    keyboard: Option<Keyboard>,
) -> impl IntoView {
    let calc = use_calculator();
    let percent = suffix == Some("%");
    let inputmode = match keyboard.unwrap_or(if percent { Keyboard::Text } else { Keyboard::Decimal }) {
        Keyboard::Decimal => "decimal",
        Keyboard::Text => "text",
    };
    let run = move |text: &str| {
        if percent {
            input::percent_as_shown(text).map_err(|e| e.to_string())?;
        }
        apply.run(text.to_string())
    };
    // "Bedoelt u 300.000?": the suggested text, put in the field and applied as if typed,
    // and the edit ends there (one step), with the focus back in the field.
    let suggestion = move || state.error().and_then(|message| input::suggestion(&message).map(str::to_string));
    let accept = {
        let id = id.clone();
        move |text: String| {
            state.edit(&calc, text, run);
            calc.settle_now();
            state.commit();
            browser::focus(&id);
        }
    };
    let error_id = format!("{id}-fout");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let question_id = error_id.clone();
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
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        browser::select_text(&ev);
        just_focused.set_value(true);
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
                    inputmode=inputmode
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    // Safari's own attribute, unknown to the typed view: no "mln" corrected to "min".
                    {..custom_attribute("autocorrect", "off")}
                    prop:value=move || state.text().unwrap_or_else(|| value.get())
                    aria-invalid=move || if state.error().is_some() { "true" } else { "false" }
                    aria-describedby=described_by
                    on:input=move |ev| state.edit(&calc, event_target_value(&ev), run)
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
            // "Bedoelt u 300.000?": the answer as a button, there while the question is.
            <p class="field__hint" hidden=move || suggestion().is_none()>
                // Described by the question it answers, for a screen reader.
                <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    aria-describedby=question_id
                    on:click=move |_| {
                        if let Some(text) = suggestion() {
                            accept(text);
                        }
                    }
                >
                    {move || format!("Ja, {}", suggestion().unwrap_or_default())}
                </button>
            </p>
        </div>
    }
}
