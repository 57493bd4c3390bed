//! "Scenario's bewaren en vergelijken": saving the current inputs under a name in this
//! browser (only on that explicit action), opening, renaming and deleting saved ones, and
//! choosing up to three to compare side by side with the current one.
//!
//! The list is always what storage holds: each scenario is a storage key of its own
//! (`saved`), and an edit writes or removes that one key, so two tabs saving at the same
//! moment both keep theirs; another tab's change arrives through the `storage` event; and
//! when the browser refuses a write, the list is read back from storage instead of showing
//! what was not kept.

use leptos::prelude::*;

use crate::model::inputs::{Compared, Session};
use crate::text::saved::{self, Edit, MAX_COMPARED, MAX_NAME, Saved, Store, Write, clean_name};
use crate::text::url;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;

const UNAVAILABLE: &str =
    "Bewaren kan niet in deze browser (bijvoorbeeld in een ingebedde pagina of een privévenster).";
const REFUSED: &str = "De browser weigert meer op te slaan (geheugen vol?). Verwijder een scenario of bewaar de link.";

/// The scenarios' keys with their values, and the old text if it is still there.
type Snapshot = (Vec<(String, String)>, Option<String>);

/// What storage holds now.
fn snapshot() -> Result<Snapshot, browser::Unavailable> {
    Ok((browser::load_prefixed(saved::PREFIX)?, browser::load(saved::OLD_KEY)?))
}

/// The list as storage holds it now.
fn read() -> Store {
    snapshot().map(|(keys, old)| Store::read(&keys, old.as_deref())).unwrap_or_default()
}

/// Moves the old text (versions 1 and 2: one key for all) to a key per scenario: each
/// readable one written unless another tab did so already, the text set aside whole if
/// anything in it could not be read, and only then the old key removed. Says whether
/// something was set aside.
fn migrate(keys: &[(String, String)], old: &str) -> Result<bool, browser::Refused> {
    let migration = saved::migration(old);
    for (key, value) in &migration.writes {
        if !keys.iter().any(|(k, _)| k == key) {
            browser::store(key, value)?;
        }
    }
    if migration.set_aside {
        browser::store(&saved::set_aside_key(&browser::new_id()), old)?;
    }
    browser::remove(saved::OLD_KEY)?;
    Ok(migration.set_aside)
}

/// Makes an edit to what storage holds now (one key written or removed) and reads the list
/// back: the new list and, if unreadable old data had to be set aside first, a notice.
fn write(edit: Edit) -> Result<(Store, Option<&'static str>), String> {
    let (keys, old) = snapshot().map_err(|_| UNAVAILABLE.to_string())?;
    let mut set_aside = None;
    if let Some(old) = old
        && migrate(&keys, &old).map_err(|_| REFUSED.to_string())?
    {
        set_aside = Some("De onleesbare oude gegevens zijn apart bewaard in deze browser.");
    }
    let written = match read().plan(edit).map_err(|e| e.to_string())? {
        Write::Set { key, value } => browser::store(&key, &value),
        Write::Remove { key } => browser::remove(&key),
    };
    written.map_err(|_| REFUSED.to_string())?;
    Ok((read(), set_aside))
}

#[component]
pub fn Scenarios() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let available = browser::storage_available();
    let store = RwSignal::new(read());
    let notice = RwSignal::new(store.with_untracked(Store::notice));
    let naam = RwSignal::new(String::new());
    let renaming = RwSignal::new(None::<String>);
    // What the last tick of "Vergelijken" did, said politely.
    let compared = RwSignal::new(None::<String>);

    browser::on_storage_change(saved::is_ours, move || {
        let now = read();
        notice.set(now.notice());
        store.set(now);
    });
    let apply = move |edit: Edit| match write(edit) {
        Ok((now, set_aside)) => {
            notice.set(set_aside.map(String::from).or_else(|| now.notice()));
            store.set(now);
            true
        }
        Err(message) => {
            store.set(read());
            notice.set(Some(message));
            false
        }
    };
    let save = move || {
        let count = store.with_untracked(|s| s.saved().len()) + 1;
        let name = clean_name(&naam.get_untracked()).unwrap_or_else(|| format!("Scenario {count}"));
        let volgorde = read().next_volgorde(browser::now_ms());
        let entry = Saved {
            id: browser::new_id(),
            naam: name,
            datum: browser::today().0,
            query: calc.scenario_query(),
            volgorde,
        };
        if apply(Edit::Add(entry)) {
            naam.set(String::new());
        }
    };
    // Compared scenarios are kept as the calculator writes their link; saved ones from an
    // older version may be written otherwise.
    let normalised = move |query: &str| url::encode(data, &Session::of(url::decode(data, query).0.inputs));
    let toggle_compare = move |entry: &Saved| {
        let query = normalised(&entry.query);
        let full =
            calc.with_untracked(|s| s.vergelijk.len() >= MAX_COMPARED && !s.vergelijk.iter().any(|c| c.query == query));
        if full {
            notice.set(Some(format!("U kunt hoogstens {MAX_COMPARED} scenario's tegelijk vergelijken.")));
            return;
        }
        let mut count = 0;
        let mut added = false;
        calc.step(|s| {
            if let Some(i) = s.vergelijk.iter().position(|c| c.query == query) {
                s.vergelijk.remove(i);
            } else {
                s.vergelijk.push(Compared { naam: entry.naam.clone(), query });
                added = true;
            }
            count = s.vergelijk.len();
        });
        // The comparison appears far above this list: say so, and offer the way there.
        compared.set(Some(if added {
            format!("‘{}’ staat nu in de vergelijking ({count} van {MAX_COMPARED}).", entry.naam)
        } else {
            format!("‘{}’ is uit de vergelijking gehaald.", entry.naam)
        }));
    };
    let comparing = move || calc.with(|s| !s.vergelijk.is_empty());

    let unavailable = move || {
        view! {
            <p class="nl-paragraph">{UNAVAILABLE} " Bewaar in plaats daarvan de link naar deze berekening:"</p>
            <label class="utrecht-form-label" for="scenario-link">"Link naar deze berekening"</label>
            <input
                id="scenario-link"
                class="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                readonly=true
                prop:value=move || browser::full_link(&calc.later.written().query)
                on:focus=|ev| browser::select_text(&ev)
            />
        }
    };
    let row = move |entry: Saved| {
        let id = entry.id.clone();
        let query = normalised(&entry.query);
        let is_compared = move || calc.with(|s| s.vergelijk.iter().any(|c| c.query == query));
        let (for_open, for_compare, for_rename, for_delete) = (entry.clone(), entry.clone(), id.clone(), id.clone());
        let field_id = format!("hernoem-{id}");
        view! {
            <li class="scenarios__item">
                {move || {
                    if renaming.get().as_deref() == Some(id.as_str()) {
                        let draft = RwSignal::new(entry.naam.clone());
                        let id = id.clone();
                        let commit = move || {
                            apply(Edit::Rename { id: id.clone(), naam: draft.get_untracked() });
                            renaming.set(None);
                        };
                        let commit_by_key = commit.clone();
                        view! {
                            <label class="visually-hidden" for=field_id.clone()>"Nieuwe naam"</label>
                            <input
                                id=field_id.clone()
                                class="utrecht-textbox utrecht-textbox--html-input"
                                type="text"
                                maxlength=MAX_NAME
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))
                                on:keydown=move |ev| match ev.key().as_str() {
                                    "Enter" => commit_by_key(),
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
                            <span class="scenarios__name"><bdi>{entry.naam.clone()}</bdi></span>
                            <span class="scenarios__date">{format!("bewaard {}", entry.datum)}</span>
                        }
                            .into_any()
                    }
                }}
                <span class="scenarios__actions">
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.open_saved(&for_open.naam, &for_open.query)>
                        "Openen"
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| renaming.set(Some(for_rename.clone()))>
                        "Naam wijzigen"
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| { apply(Edit::Remove(for_delete.clone())); }>
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
                                maxlength=MAX_NAME
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
                        {move || store.with(|s| s.saved().to_vec()).into_iter().map(row).collect_view()}
                    </ul>
                    <p class="nl-paragraph field__hint" hidden=move || store.with(|s| !s.saved().is_empty())>"Nog geen bewaarde scenario's."</p>
                    <div class="scenarios__compared">
                        <p role="status" class="scenarios__compared-text" data-testid="vergelijk-melding">{move || compared.get()}</p>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" hidden=move || !comparing() on:click=|_| browser::show("vergelijk-titel")>
                            "Naar de vergelijking"
                        </button>
                    </div>
                }
                    .into_any()
            } else {
                unavailable().into_any()
            }}
        </section>
    }
}
