//! "Scenario's bewaren en vergelijken": saving the current scenario under a name in this
//! browser (only on that explicit action), opening, renaming and deleting saved ones, and
//! choosing up to three to compare side by side with the current one.

use leptos::prelude::*;

use super::download::{full_link, today};
use super::state::use_calculator;
use super::storage;
use crate::saved::{MAX_COMPARED, Saved, clean_name};

#[component]
pub fn Scenarios() -> impl IntoView {
    let calc = use_calculator();
    let loaded = storage::load();
    let available = loaded.is_ok();
    let (first, read_notice) = loaded.unwrap_or_default();
    let list = RwSignal::new(first);
    let notice = RwSignal::new(read_notice);
    let naam = RwSignal::new(String::new());
    let renaming = RwSignal::new(None::<usize>);

    let persist = move || {
        if let Err(e) = list.with_untracked(|l| storage::store(l)) {
            notice.set(Some(e.to_string()));
        }
    };
    let save = move || {
        let count = list.with_untracked(Vec::len) + 1;
        let name = clean_name(&naam.get_untracked()).unwrap_or_else(|| format!("Scenario {count}"));
        let entry = Saved { naam: name, datum: today().0, query: calc.scenario_query() };
        list.update(|l| l.push(entry));
        naam.set(String::new());
        persist();
    };
    let compared = move |query: &str| calc.vergelijk.with(|v| v.iter().any(|(_, q)| q == query));
    let toggle_compare = move |entry: &Saved| {
        calc.vergelijk.update(|v| {
            if let Some(i) = v.iter().position(|(_, q)| *q == entry.query) {
                v.remove(i);
            } else if v.len() < MAX_COMPARED {
                v.push((entry.naam.clone(), entry.query.clone()));
            }
        });
    };

    let unavailable = move || {
        view! {
            <p class="nl-paragraph">{storage::UNAVAILABLE} " Bewaar in plaats daarvan de link naar deze berekening:"</p>
            <label class="utrecht-form-label" for="scenario-link">"Link naar deze berekening"</label>
            <input
                id="scenario-link"
                class="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                readonly=true
                prop:value=move || {
                    calc.selection.track();
                    calc.scenario.track();
                    calc.params.track();
                    full_link(&calc.scenario_query())
                }
                on:focus=|ev| {
                    use leptos::wasm_bindgen::JsCast;
                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok()) {
                        i.select();
                    }
                }
            />
        }
    };
    let row = move |i: usize, entry: Saved| {
        let for_open = entry.query.clone();
        let for_compare = entry.clone();
        let query = entry.query.clone();
        let is_compared = move || compared(&query);
        view! {
            <li class="scenarios__item">
                {move || {
                    if renaming.get() == Some(i) {
                        let draft = RwSignal::new(list.with_untracked(|l| l[i].naam.clone()));
                        let commit = move || {
                            if let Some(n) = clean_name(&draft.get_untracked()) {
                                list.update(|l| l[i].naam = n);
                                persist();
                            }
                            renaming.set(None);
                        };
                        view! {
                            <label class="visually-hidden" for=format!("hernoem-{i}")>"Nieuwe naam"</label>
                            <input
                                id=format!("hernoem-{i}")
                                class="utrecht-textbox utrecht-textbox--html-input"
                                type="text"
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))
                                on:keydown=move |ev| match ev.key().as_str() {
                                    "Enter" => commit(),
                                    "Escape" => renaming.set(None),
                                    _ => {}
                                }
                            />
                            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| commit()>
                                "Naam opslaan"
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <span class="scenarios__name">{move || list.with(|l| l.get(i).map(|s| s.naam.clone()).unwrap_or_default())}</span>
                            <span class="scenarios__date">{format!("bewaard {}", entry.datum)}</span>
                        }
                            .into_any()
                    }
                }}
                <span class="scenarios__actions">
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.open_link(&for_open)>
                        "Openen"
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| renaming.set(Some(i))>
                        "Naam wijzigen"
                    </button>
                    <button
                        type="button"
                        class="utrecht-button utrecht-button--subtle"
                        on:click=move |_| {
                            let gone = list.with_untracked(|l| l.get(i).cloned());
                            list.update(|l| {
                                if i < l.len() {
                                    l.remove(i);
                                }
                            });
                            if let Some(gone) = gone {
                                calc.vergelijk.update(|v| v.retain(|(_, q)| *q != gone.query));
                            }
                            persist();
                        }
                    >
                        "Verwijderen"
                    </button>
                    <label class="scenarios__compare">
                        <input type="checkbox" prop:checked=is_compared on:change=move |_| toggle_compare(&for_compare) />
                        "Vergelijken"
                    </label>
                </span>
            </li>
        }
    };

    view! {
        <section class="scenarios" aria-labelledby="bewaren-titel" data-testid="scenarios">
            <h2 id="bewaren-titel" class="nl-heading nl-heading--level-2">"Scenario's bewaren en vergelijken"</h2>
            <div class="notice utrecht-alert utrecht-alert--warning" role="status" hidden=move || notice.with(Option::is_none)>
                {move || notice.get().unwrap_or_default()}
            </div>
            {if available {
                view! {
                    <p class="nl-paragraph section-intro">
                        "Bewaar deze berekening onder een naam om haar later te openen of naast andere te leggen. "
                        "Ze wordt alleen in deze browser bewaard, niet op een server, en alleen als u op Bewaar klikt."
                    </p>
                    <div class="scenarios__save">
                        <div class="field utrecht-form-field utrecht-form-field--text">
                            <label class="utrecht-form-label" for="scenario-naam">"Naam van het scenario"</label>
                            <input
                                id="scenario-naam"
                                class="utrecht-textbox utrecht-textbox--html-input"
                                type="text"
                                maxlength="80"
                                placeholder="bijvoorbeeld Variant 2, −13%"
                                prop:value=move || naam.get()
                                on:input=move |ev| naam.set(event_target_value(&ev))
                                on:keydown=move |ev| {
                                    if ev.key() == "Enter" {
                                        save();
                                    }
                                }
                            />
                        </div>
                        <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=move |_| save()>
                            "Bewaar scenario"
                        </button>
                    </div>
                    <ul class="scenarios__list" aria-label="Bewaarde scenario's">
                        {move || list.get().into_iter().enumerate().map(|(i, entry)| row(i, entry)).collect_view()}
                    </ul>
                    <p class="nl-paragraph field__hint" hidden=move || !list.with(Vec::is_empty)>"Nog geen bewaarde scenario's."</p>
                }
                    .into_any()
            } else {
                unavailable().into_any()
            }}
        </section>
    }
}
