//! Messages about the state itself: what a link asked for that could not be used, a link
//! too long to hold everything, and the offer to undo a step that overwrote earlier work.

use leptos::prelude::*;

use crate::text::url::Notice;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;

#[component]
pub fn LinkNotices(notices: Vec<Notice>) -> impl IntoView {
    let shown = RwSignal::new(!notices.is_empty());
    // Nothing at all when the link was fine (almost always).
    (!notices.is_empty()).then(|| view! {
            <div class="notice utrecht-alert utrecht-alert--warning" role="status" data-testid="meldingen" hidden=move || !shown.get()>
                <p class="notice__title">"Niet alles uit de link kon worden gebruikt:"</p>
                <ul>{notices.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                <button
                    type="button"
                    class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        shown.set(false);
                        // The button disappears with the notice; continue at the search field.
                        browser::focus("zoek");
                    }
                >
                    "Melding sluiten"
                </button>
            </div>
    })
}

/// Said when the link to this state had to leave something out to stay short enough for
/// web servers (8.000 characters), with the two ways to keep everything.
#[component]
pub fn IncompleteLink() -> impl IntoView {
    let calc = use_calculator();
    let left_out = move || {
        let written = calc.later.written();
        (written.left_out_gemeenten, written.left_out_vergelijk)
    };
    let text = move || {
        let (gemeenten, vergelijk) = left_out();
        let mut parts = Vec::new();
        if gemeenten > 0 {
            parts.push(format!("de eigen bedragen van {gemeenten} gemeenten"));
        }
        if vergelijk > 0 {
            parts.push("de vergelijking".to_string());
        }
        format!(
            "De link naar deze berekening is onvolledig: {} passen er niet in, want een link mag hoogstens 8.000 tekens lang zijn. \
             Bewaar de berekening in deze browser of download de CSV om niets kwijt te raken.",
            parts.join(" en ")
        )
    };
    let can_save = browser::storage_available();
    let parts = crate::ui::state::provided::<crate::ui::split::parts::Parts>();
    view! {
        <div class="notice utrecht-alert utrecht-alert--warning" role="status" data-testid="link-onvolledig" hidden=move || left_out() == (0, 0)>
            <p>{text}</p>
            <p class="notice__actions">
                {can_save.then(|| view! {
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| parts.get(crate::ui::split::parts::Part::Bewaard).with_ready(|_| browser::after_paint(|| browser::show("scenario-naam")))>
                        "Bewaar in deze browser"
                    </button>
                })}
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| parts.csv.with_ready(move |write| { write(calc, false); })>
                    "Download CSV"
                </button>
            </p>
        </div>
    }
}

/// "Ongedaan maken": after a step that overwrote earlier work (a preset, a saved scenario
/// opened, an area-wide change over amounts of individual gemeenten, edits wiped), what it
/// did and a way back, until the next step.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let calc = use_calculator();
    let message = move || calc.undo.with(|u| u.as_ref().map(|u| u.message.clone()).unwrap_or_default());
    view! {
        <div class="undo" class:undo--inline=calc.mode.embed role="status" data-testid="ongedaan-maken">
            <div class="undo__box utrecht-alert utrecht-alert--info" hidden=move || calc.undo.with(Option::is_none)>
                <p class="undo__text">{message}</p>
                <span class="undo__actions">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| calc.undo_last()>
                        "Ongedaan maken"
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.undo.set(None)>
                        "Sluiten"
                    </button>
                </span>
            </div>
        </div>
    }
}
