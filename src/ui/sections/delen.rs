//! "Link delen/kopiëren": the address of the page as it is looked at (the inputs and the
//! view: the map's measure, the tables' order and filter, the open sections), copied to the
//! clipboard; where the browser will not let a page write there, selected in its field with
//! the keys to copy it by hand. Said in a status line that a screen reader reads out.

use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;

const ID: &str = "delen-link";

#[component]
pub fn LinkDelen() -> impl IntoView {
    let calc = use_calculator();
    let link = Memo::new(move |_| browser::full_link(&calc.later.written().query));
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        status.set(String::new());
        // The state as it is now, also what was typed or clicked in the last moment.
        calc.settle_now();
        let written = calc.later.written_untracked();
        let incomplete =
            if written.complete() { "" } else { " Let op: niet alles past in een link (zie de melding bovenaan)." };
        browser::copy_text(&browser::full_link(&written.query), move |copied| {
            let said = if copied {
                "De link staat op het klembord. Wie hem opent, ziet deze berekening zoals u die nu bekijkt."
            } else {
                browser::select_all(ID);
                "Kopiëren lukte niet vanuit de browser. De link is geselecteerd: kopieer met Ctrl+C (op een Mac: Cmd+C)."
            };
            status.set(format!("{said}{incomplete}"));
        });
    };
    view! {
        <div class="delen" data-testid="delen">
            <label for=ID class="utrecht-form-label">"Link naar deze weergave: de berekening zoals u die nu bekijkt"</label>
            <textarea id=ID class="utrecht-textarea delen__link" readonly rows="2" spellcheck="false" translate="no"
                prop:value=move || link.get() data-testid=ID></textarea>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=copy data-testid="delen-kopieer">
                "Link delen/kopiëren"
            </button>
            <p class="delen__status" role="status" data-testid="delen-status">{move || status.get()}</p>
        </div>
    }
}
