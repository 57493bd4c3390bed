//! "Tekst voor een nota": the paragraph of `view::memo` for the figures shown, to paste into
//! a raadsvoorstel, with a button that copies it (and a way by hand where the browser will
//! not let a page write to the clipboard).

use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::view::memo::{Origin, memo};

const ID: &str = "nota-tekst";

#[component]
pub fn MemoText() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let (datum, _) = browser::today();
    // Follows the figures a moment later, with the link the address bar holds for them.
    let text = Memo::new(move |_| {
        let link = browser::full_link(&calc.later.written().query);
        let origin = Origin { datum: &datum, link: &link };
        calc.later.with_figures(|f| memo(data, calc.later.selection(), f, &origin))
    });
    // What the last press did, and for which text: said politely while that text is shown.
    let said = RwSignal::new(None::<(&'static str, String)>);
    let shown = move || said.with(|s| s.as_ref().filter(|(_, t)| text.with(|now| now == t)).map(|(m, _)| *m));
    let copy = move |_| {
        let value = text.get_untracked();
        browser::copy_text(&value.clone(), move |copied| {
            let message = if copied {
                "De tekst is gekopieerd. Plak hem in uw document."
            } else {
                browser::select_all(ID);
                "Kopiëren lukt niet in deze browser. De tekst is geselecteerd: kopieer hem met Ctrl+C (op een Mac ⌘C)."
            };
            said.set(Some((message, value)));
        });
    };
    view! {
        <div class="memo">
            <label for=ID class="utrecht-form-label">"Tekst voor een nota of raadsvoorstel"</label>
            <textarea id=ID class="utrecht-textarea memo__tekst" readonly rows="7" prop:value=move || text.get() data-testid="nota-tekst"></textarea>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=copy>"Kopieer de tekst"</button>
            <p class="memo__gezegd" role="status" data-testid="nota-gekopieerd">{shown}</p>
        </div>
    }
}
