//! The printed report (`crate::view::report`), written into the page just before printing:
//! on screen it does not exist, on paper it replaces the calculator (see the print rules in
//! `style/main.css`), followed by the method section.

use leptos::prelude::*;

use super::browser;
use super::calculator::use_calculator;
use super::kaart::{KaartKeuze, Laden};
use super::worked::written;
use crate::model::selection::Selection;
use crate::view::html::{self as markup, escape};
use crate::view::kaart::kleuring;
use crate::view::kaart_markup::{print_failure_markup, print_markup};
use crate::view::report::{Report, Table, report};

/// Empty until the page is printed; then the report of the state at that moment.
#[component]
pub fn PrintReport() -> impl IntoView {
    let calc = use_calculator();
    let html = RwSignal::new(String::new());
    let keuze = use_context::<KaartKeuze>();
    browser::on_before_print(move || {
        calc.settle_now();
        let (datum, _) = browser::today();
        let written = calc.later.written_untracked();
        let stamp = Stamp { datum: &datum, link: &browser::full_link(&written.query), complete: written.complete() };
        let map = keuze.and_then(|keuze| match keuze.laden.get_untracked() {
            Laden::Klaar(kaart) => {
                let (maat, schaal) = (keuze.maat.get_untracked(), keuze.schaal.get_untracked());
                let k = calc.later.with_outcome_untracked(|o| kleuring(calc.data, o, maat, schaal));
                let chosen = match calc.later.with_session_untracked(|s| s.inputs.selection) {
                    Selection::Nederland => Vec::new(),
                    s => s.gemeenten(calc.data),
                };
                Some(print_markup(&kaart, &k, &chosen))
            }
            // The file was fetched and refused: the report says so where the map would be.
            Laden::Fout(reason) => Some(print_failure_markup(&reason)),
            Laden::Nog | Laden::Bezig => None,
        });
        html.set(render(&report(calc.data, &calc.inputs_untracked()), &stamp, map.as_deref()));
    });
    view! { <section class="print-only report" data-testid="verslag" inner_html=html></section> }
}

/// When and from which link the report was printed.
struct Stamp<'a> {
    datum: &'a str,
    link: &'a str,
    /// Whether the link holds the whole state (else the CSV does).
    complete: bool,
}

fn heading(text: &str) -> String {
    format!(r#"<h2 class="nl-heading nl-heading--level-2">{}</h2>"#, escape(text))
}

fn paragraph(text: &str) -> String {
    format!(r#"<p class="nl-paragraph">{}</p>"#, escape(text))
}

fn table(t: &Table) -> String {
    markup::table(&t.caption, &t.headers, &t.numeric, &t.rows)
}

/// `map`: the map as it is on screen, when it has been drawn (it is fetched when first
/// seen, or by the print button).
fn render(r: &Report, stamp: &Stamp, map: Option<&str>) -> String {
    let incomplete = if stamp.complete { "" } else { " (onvolledig: de CSV bevat alle bedragen)" };
    let mut html = format!(
        r#"<p class="report__stamp" data-testid="afdruk-stempel">Afgedrukt op {}. Deze berekening opnieuw openen{}: <span class="report__link">{}</span></p>"#,
        escape(stamp.datum),
        incomplete,
        escape(stamp.link)
    );
    html.push_str(&format!(r#"<div class="report__first">{}"#, heading(&format!("Uitkomsten: {}", r.gebied))));
    html.push_str(&paragraph(&r.invoer));
    html.push_str(&table(&r.uitkomsten));
    html.push_str(&paragraph(&r.bandbreedte));
    if !r.ook_gewijzigd.is_empty() {
        html.push_str(&paragraph(
            "Ook gewijzigd buiten dit gebied (telt mee in de uitkomsten van de MEE-organisatie):",
        ));
        html.push_str("<ul>");
        for line in &r.ook_gewijzigd {
            html.push_str(&format!("<li>{}</li>", escape(line)));
        }
        html.push_str("</ul>");
    }
    html.push_str("</div>");
    if let Some(pad) = &r.afbouwpad {
        html.push_str(&format!(r#"<div class="report__part">{}{}</div>"#, heading("Afbouwpad 2015–2018"), table(pad)));
    }
    if let Some(map) = map {
        html.push_str(&format!(r#"<div class="report__part">{}{map}</div>"#, heading("Kaart")));
    }
    html.push_str(&format!(
        r#"<div class="report__part">{}{}</div>"#,
        heading(&format!("Zo is dit berekend, met de cijfers van {}", r.gebied)),
        written(&r.berekening)
    ));
    html.push_str(&format!(
        r#"<div class="report__part">{}{}</div>"#,
        heading("Aannames en bronnen"),
        table(&r.aannames)
    ));
    if let Some(gemeenten) = &r.gemeenten {
        html.push_str(&format!(
            r#"<div class="report__part">{}{}</div>"#,
            heading(&gemeenten.caption),
            table(gemeenten)
        ));
    }
    html
}
