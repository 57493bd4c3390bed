//! The printed report (`crate::view::report`), written into the page just before printing:
//! on screen it does not exist, on paper it replaces the calculator (see the print rules in
//! `style/main.css`), followed by the method section. The markup is `view::report`'s.
//!
//! Printing with the browser's own command (Ctrl+P) gives the same report as the button:
//! `beforeprint` writes it either way, and the map's drawing is fetched once the browser
//! is idle after this code arrives, so that it is there whichever way the page is printed.
//! The margins of every page carry the area and the date (set on the root element, which
//! the page's margin inherits from) and the page number.

use leptos::prelude::*;

use super::kaart::{KaartLoader, Loading};
use crate::model::selection::Selection;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::view::kaart::colouring;
use crate::view::kaart_markup::{print_failure_markup, print_markup};
use crate::view::report::{Stamp, link_base, report, running_header};

/// Empty until the page is printed; then the report of the state at that moment.
#[component]
pub fn PrintReport() -> impl IntoView {
    let calc = use_calculator();
    let html = RwSignal::new(String::new());
    let loader = KaartLoader::shared();
    // Not in a frame: there the print button is not offered, and the map only with `kaart=1`.
    if !calc.mode.embed {
        browser::when_idle(move || loader.load(calc.data, || ()));
    }
    browser::on_before_print(move || {
        // Ctrl+P a moment after the figures: the sections not built yet (the method, with
        // its sources) are built now, so the paper is the same as with the button.
        crate::ui::split::lazy::build_waiting_now();
        calc.settle_now();
        let (datum, _) = browser::today();
        let written = calc.later.written_untracked();
        let stamp = Stamp { datum: &datum, link: &browser::full_link(&written.query), complete: written.complete() };
        let map = match loader.loading.get_untracked() {
            Loading::Ready(kaart) => {
                let (maat, schaal) = calc.with_untracked(|s| (s.weergave.kaart_maat, s.weergave.kaart_schaal));
                let k = calc.later.with_outcome_untracked(|o| colouring(calc.data, o, maat, schaal));
                let chosen = match calc.later.with_session_untracked(|s| s.inputs.selection) {
                    Selection::Nederland => Vec::new(),
                    s => s.gemeenten(calc.data),
                };
                Some(print_markup(&kaart, &k, &chosen))
            }
            // The file was fetched and refused: the report says so where the map would be.
            Loading::Failed(reason) => Some(print_failure_markup(&reason)),
            Loading::NotYet | Loading::Busy => None,
        };
        let report = report(calc.data, &calc.inputs_untracked());
        browser::set_root_property("--verslag-kop", &running_header(&report.gebied, &datum));
        browser::set_root_property("--verslag-basis", &link_base(&browser::page_base()));
        html.set(report.markup(&stamp, map.as_deref()));
    });
    view! { <section class="print-only report" data-testid="verslag" inner_html=html></section> }
}
