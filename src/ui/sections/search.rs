//! Choosing what to look at: one search field over gemeenten, jeugdregio's and
//! MEE-organisaties (an ARIA 1.2 combobox), and a button for all of Nederland.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::selection::Selection;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::view::search::{field_text, option_id, options_markup, status, suggestions};

const MAX_SUGGESTIONS: usize = 10;

#[component]
pub fn SelectionPicker() -> impl IntoView {
    let calc = use_calculator();
    // What was typed; `None` when no one is typing, and the field shows the chosen area.
    let query = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let found = Memo::new(move |_| {
        query.with(|q| q.as_deref().map(|q| suggestions(calc.data, q, MAX_SUGGESTIONS)).unwrap_or_default())
    });
    let expanded = move || open.get() && !found.with(Vec::is_empty);

    let choose = move |selection: Selection| {
        calc.choose(selection);
        query.set(None);
        open.set(false);
        active.set(None);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let count = found.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                let down = ev.key() == "ArrowDown";
                let next = match (active.get_untracked(), down) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                };
                active.set(Some(next));
                browser::keep_in_list_view("zoek-suggesties", &option_id(next));
            }
            "Enter" if expanded() => {
                ev.prevent_default();
                let pick = active.get_untracked().unwrap_or(0);
                if let Some(s) = found.with_untracked(|f| f.get(pick).map(|s| s.selection)) {
                    choose(s);
                }
            }
            "Escape" => {
                if expanded() {
                    open.set(false);
                    active.set(None);
                } else {
                    query.set(Some(String::new()));
                }
            }
            _ => {}
        }
    };
    let status = move || query.with(|q| status(calc.data, q.as_deref(), found.with(Vec::len), calc.selection.get()));
    let text = move || query.get().unwrap_or_else(|| field_text(calc.data, calc.selection.get()));

    view! {
        <div class="picker">
            <div class="picker__search">
                <label for="zoek" class="utrecht-form-label">"Zoek een gemeente, jeugdregio of MEE-organisatie"</label>
                <input
                    id="zoek"
                    type="text"
                    class="utrecht-textbox utrecht-textbox--html-input"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls="zoek-suggesties"
                    aria-expanded=move || if expanded() { "true" } else { "false" }
                    aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                    aria-describedby="zoek-status"
                    placeholder="bijvoorbeeld Groningen"
                    prop:value=text
                    // Selected on focus, so that typing replaces the chosen area's name.
                    on:focus=|ev| browser::select_field_text(&ev)
                    on:input=move |ev| {
                        query.set(Some(event_target_value(&ev)));
                        open.set(true);
                        active.set(None);
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| {
                        // Left without choosing: the field shows the chosen area again.
                        open.set(false);
                        query.set(None);
                    }
                />
                <ul
                    id="zoek-suggesties"
                    role="listbox"
                    aria-label="Suggesties"
                    class="picker__list"
                    hidden=move || !expanded()
                    inner_html=move || found.with(|f| options_markup(calc.data, f, active.get()))
                    // Keep focus in the field: choosing happens on click, before blur closes the list.
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |ev| {
                        let picked = browser::data_index(&ev).and_then(|i| found.with_untracked(|f| f.get(i).map(|s| s.selection)));
                        if let Some(selection) = picked {
                            choose(selection);
                        }
                    }
                >
                </ul>
                <p id="zoek-status" class="visually-hidden" aria-live="polite">{status}</p>
                <p class="picker__geen nl-paragraph" data-testid="zoek-geen" hidden=move || !(open.get() && found.with(Vec::is_empty) && query.with(|q| q.as_deref().is_some_and(|q| !q.trim().is_empty())))>
                    "Niet gevonden. De tabel kent de 408 gemeenten van 1 januari 2013, en de gemeenten die daarna zijn gevormd onder hun eigen naam."
                </p>
            </div>
            <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                aria-pressed=move || if calc.selection.get() == Selection::Nederland { "true" } else { "false" }
                on:click=move |_| choose(Selection::Nederland)
            >
                "Heel Nederland"
            </button>
        </div>
    }
}
