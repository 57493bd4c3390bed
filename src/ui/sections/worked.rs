//! "Zo is dit berekend" (`crate::view::worked`): folded under the figures on screen, opened
//! for print, and reachable from the results panel.

use leptos::prelude::*;

use crate::model::weergave::Fold;
use crate::ui::browser;
use crate::ui::split::parts::BEREKENING_ID as ID;
use crate::ui::state::calculator::use_calculator;
use crate::view::worked::worked;

/// The id the results panel's link opens and scrolls to.

#[component]
pub fn WorkedCalculation() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    // Read-only text redrawn as a whole when the settled state changes; markup, like the
    // charts' tables (see `ui::widgets::charts::drawn`).
    let html = Memo::new(move |_| {
        let (selection, params) = (calc.later.selection(), calc.later.params());
        calc.later.with_outcome(|o| worked(data, o, &params, selection).markup())
    });
    let naam = move || calc.later.selection().naam(data).to_string();
    // Shut unless opened (here, by the results panel's link, or by a link's `open=`).
    let open = calc.shown(|w| w.is_open(Fold::Berekening, false));
    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(is_open) = browser::details_open(&ev) {
            calc.show(|w| w.set_open(Fold::Berekening, is_open, false));
        }
    };
    view! {
        <details class="worked" id=ID data-testid="berekening" prop:open=move || open.get() on:toggle=on_toggle>
            <summary>
                <h2 class="nl-heading nl-heading--level-2">"Zo is dit berekend"</h2>
                " " <span class="worked__voor">"met de cijfers van " <span translate="no">{naam}</span></span>
            </summary>
            <div inner_html=move || html.get()></div>
        </details>
    }
}

/// A link that opens the worked calculation and brings it into view.
#[component]
pub fn ShowWorked() -> impl IntoView {
    let parts = crate::ui::state::provided::<crate::ui::split::parts::Parts>();
    view! {
        <p class="worked__link">
            <a class="nl-link" href=format!("#{ID}") on:click=move |ev| {
                // Not a jump by the address bar: the page's link is its state.
                ev.prevent_default();
                parts.get(crate::ui::split::parts::Part::Berekening).with_ready(|_| browser::after_paint(|| browser::open_details(ID)));
            }>
                "Zo is dit berekend"
            </a>
        </p>
    }
}
