//! "Insluiten op uw eigen site": the snippet for the area and inputs on screen with this
//! site's real address (`view::embed_snippet`), a copy button that falls back to selecting
//! the text where the clipboard is blocked, a live preview at 320 px, and what to ask the
//! administrators.

use leptos::prelude::*;

use crate::model::inputs::Session;
use crate::text::url::{self, MAX_LINK};
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::view::embed_snippet::{admin_markup, preview_src, script_src, snippet, title};

const CODE_ID: &str = "insluiten-code";
/// What `embed.js` adds to the frame's address besides the parameters: `embed=1` and
/// `host=` with the host page's origin (a long origin stays within this).
const EMBED_ROOM: usize = 300;
/// The sandbox `embed.js` gives its frame, so the preview is what a host page gets.
const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";

#[component]
pub fn Insluiten() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let page = browser::page_base();
    let script = script_src(&page);
    let budget = MAX_LINK.saturating_sub(page.len() + EMBED_ROOM);
    // The inputs alone, as a saved scenario: the comparison and the goal are the full page's.
    let query = Memo::new(move |_| {
        calc.later.with_inputs(|inputs| url::encode_within(data, &Session::of(inputs.clone()), budget).query)
    });
    let area = Memo::new(move |_| calc.later.selection().naam(data).to_string());
    let kaart = RwSignal::new(false);
    let code = Memo::new(move |_| snippet(&query.get(), &title(&area.get()), &script, kaart.get()));
    let status = RwSignal::new("");
    let (near, preview) = (RwSignal::new(false), NodeRef::<leptos::html::Iframe>::new());
    Effect::new(move |_| {
        if let Some(frame) = preview.get() {
            browser::when_near_view(&frame, move || near.set(true));
        }
    });
    let copy = move |_| {
        status.set("");
        browser::copy_text(&code.get_untracked(), move |copied| {
            if copied {
                status.set("De code staat op het klembord. Plak die in de broncode van uw pagina.");
            } else {
                browser::select_all(CODE_ID);
                status.set("Kopiëren lukte niet vanuit de browser. De code is geselecteerd: kopieer met Ctrl+C (op een Mac: Cmd+C).");
            }
        });
    };
    view! {
        <section id="insluiten" class="insluiten" aria-labelledby="insluiten-titel" data-testid="insluiten">
            <h2 id="insluiten-titel" class="nl-heading nl-heading--level-2">"Insluiten op uw eigen site"</h2>
            <p class="nl-paragraph">
                "Zet de rekenhulp met dit gebied en deze invoer op een pagina van uw eigen (intranet)site: "
                "plak deze code in de broncode van de pagina. Wie de pagina bezoekt, kan daar verder rekenen."
            </p>
            <p class="insluiten__keuze">
                <label>
                    <input type="checkbox" prop:checked=kaart on:change=move |_| kaart.update(|k| *k = !*k) data-testid="insluiten-kaart" />
                    " Met de kaart van de gemeenten (die is een scherm hoog)"
                </label>
            </p>
            <label class="insluiten__label" for=CODE_ID>"Code om in uw pagina te plakken"</label>
            <textarea id=CODE_ID class="insluiten__code utrecht-textarea" readonly rows="9" spellcheck="false" translate="no" prop:value=code data-testid=CODE_ID></textarea>
            <p>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=copy data-testid="insluiten-kopieer">
                    "Kopieer de code"
                </button>
            </p>
            <p class="insluiten__status" role="status" aria-live="polite" data-testid="insluiten-status">{move || status.get()}</p>
            <h3 class="nl-heading nl-heading--level-3">"Zo ziet het eruit in een smalle kolom (320 pixels)"</h3>
            // Loaded once near the viewport (`loading="lazy"` would do that too, but a lazy
            // frame does not follow a changed src in Chromium).
            <iframe
                class="insluiten__voorbeeld"
                src=move || if near.get() { preview_src(&query.get(), kaart.get()) } else { "about:blank".to_string() }
                title="Voorbeeld: de ingesloten rekenhulp, 320 pixels breed"
                sandbox=SANDBOX
                data-testid="insluiten-voorbeeld"
                node_ref=preview
            ></iframe>
            <div inner_html=admin_markup(&browser::page_origin())></div>
            <p class="nl-paragraph">
                "Meer uitleg, en een volledige voorbeeldpagina: "
                <a class="nl-link" href="embed-voorbeeld.html" target="_blank" rel="noopener">"Voorbeeld: de rekenhulp op een eigen pagina"</a>
                " (opent in een nieuw tabblad)."
            </p>
        </section>
    }
}
