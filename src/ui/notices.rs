//! What the link asked for that the calculator could not use.

use leptos::prelude::*;

#[component]
pub fn LinkNotices(notices: Vec<String>) -> impl IntoView {
    let shown = RwSignal::new(!notices.is_empty());
    view! {
        <Show when=move || shown.get()>
            <div class="notice utrecht-alert utrecht-alert--warning" role="status" data-testid="meldingen">
                <p class="notice__title">"Niet alles uit de link kon worden gebruikt:"</p>
                <ul>{notices.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                <button
                    type="button"
                    class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        shown.set(false);
                        // The button disappears with the notice; continue at the search field.
                        super::focus_element("zoek");
                    }
                >
                    "Melding sluiten"
                </button>
            </div>
        </Show>
    }
}
