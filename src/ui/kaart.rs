//! The map of the 408 gemeenten (`crate::view::kaart`), a way to look and a way to choose.
//!
//! The drawing (`crate::text::kaart`, ~17 KB brotli) is not part of the first load: it is
//! fetched from the site itself when the map first comes into view, or when a report is
//! printed. The 408 shapes are written once, as markup; what changes (a class, a name with
//! its value, whether a gemeente is chosen) is set on them by one effect, which
//! `scripts/bench.mjs` times as `kaart-kleuren`. Outlines, borders and the pointer sit in
//! a second drawing on top that ignores the pointer.
//!
//! For the keyboard the map is one listbox: one tab stop, the arrow keys move to the
//! neighbouring gemeente in that direction, typing a name jumps to it, Home and End go to
//! the first and last by name, Enter chooses.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser;
use super::calculator::use_calculator;
use crate::model::data::{Dataset, GemeenteId};
use crate::model::selection::{Kind, Selection};
use crate::text::kaart::{Kaart, read};
use crate::view::kaart::{Richting, buur, inzoomen, kleuring, zoek};
use crate::view::kaart_markup::{KLASSE, arcering, chosen_fill, legend_markup, shapes_markup, tip_markup};
use crate::view::measure::{Maat, Schaal};

/// The drawing, relative to the page (copied into dist/ by index.html).
const BESTAND: &str = "kaart/gemeenten-2013.txt";

/// Typed letters belong to one name while they follow each other within this many ms.
const TYPEN_MS: f64 = 800.0;

/// Where the drawing is.
#[derive(Clone)]
pub enum Laden {
    Nog,
    Bezig,
    Klaar(Arc<Kaart>),
    Fout(String),
}

/// The map's drawing, shared with the printed report. What it shows is the session's
/// (`model::weergave`: in the link, and printed as on screen).
#[derive(Clone, Copy)]
pub struct KaartKeuze {
    pub laden: RwSignal<Laden>,
}

impl KaartKeuze {
    pub fn new() -> KaartKeuze {
        KaartKeuze { laden: RwSignal::new(Laden::Nog) }
    }

    /// Fetches the drawing, unless it is here, on its way or refused (it is also fetched
    /// when idle, for the browser's print: a failure stays until "Opnieuw proberen" sets
    /// `Nog`, rather than being fetched again each time the map comes into view); `then`
    /// runs once it is here or has failed.
    pub fn load(self, data: &'static Dataset, then: impl FnOnce() + 'static) {
        if matches!(self.laden.get_untracked(), Laden::Klaar(_) | Laden::Bezig | Laden::Fout(_)) {
            return then();
        }
        self.laden.set(Laden::Bezig);
        leptos::task::spawn_local(async move {
            let read = browser::fetch_text(BESTAND).await.and_then(|text| read(data, &text).map_err(|e| e.to_string()));
            self.laden.set(match read {
                Ok(kaart) => Laden::Klaar(Arc::new(kaart)),
                Err(e) => Laden::Fout(e),
            });
            then();
        });
    }
}

/// The section: settings, the map, its legend and summary.
#[component]
pub fn KaartSectie() -> impl IntoView {
    let calc = use_calculator();
    let keuze = use_context::<KaartKeuze>().unwrap_or_else(KaartKeuze::new);
    let section = NodeRef::<leptos::html::Section>::new();
    section.on_load(move |el| {
        browser::on_in_view(&el, move |seen| {
            if seen {
                keuze.load(calc.data, || ());
            }
        })
    });
    let kiezen = calc.shown(|w| w.kaart_kies);
    // Whether the keyboard reached the map before its drawing: the drawing then takes focus.
    let focus = StoredValue::new(false);
    let retry = move |_| {
        keuze.laden.set(Laden::Nog);
        keuze.load(calc.data, || ());
    };
    view! {
        <section class="kaart" id="kaart" aria-labelledby="kaart-titel" node_ref=section data-testid="kaart">
            <h2 id="kaart-titel" class="nl-heading nl-heading--level-2">"Kaart: waar valt de daling?"</h2>
            <p id="kaart-uitleg" class="section-intro nl-paragraph">
                "De 408 gemeenten van 1 januari 2013 (de indeling van de budgettabel), gekleurd naar wat de inkoop hierboven hen kost. Wijs een gemeente aan "
                "of ga er met de pijltjestoetsen heen (typ een naam om te springen); klik of druk op Enter om haar te kiezen. "
                "De tabellen ‘Per MEE-organisatie’ en ‘Per gemeente’ geven dezelfde cijfers als tekst."
            </p>
            <Instellingen kiezen=kiezen />
            {move || match keuze.laden.get() {
                Laden::Klaar(kaart) => view! { <Tekening kaart=kaart kiezen=kiezen focus=focus /> }.into_any(),
                Laden::Fout(e) => view! {
                    <div class="notice" role="alert" data-testid="kaart-fout">
                        <p>"De kaart kan niet worden getoond. " {e}</p>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=retry>
                            "Opnieuw proberen"
                        </button>
                    </div>
                }.into_any(),
                // The map's tab stop, kept while its drawing loads, so that Tab does not pass it.
                Laden::Nog | Laden::Bezig => view! {
                    <div class="kaart__laden" tabindex="0" role="img" aria-label="Kaart van de gemeenten, wordt geladen"
                        data-testid="kaart-laden"
                        on:focus=move |_| {
                            focus.set_value(true);
                            keuze.load(calc.data, || ());
                        }>
                        <p role="status">"De kaart wordt geladen…"</p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// What the map shows, and what a click chooses.
#[component]
fn Instellingen(kiezen: Memo<Kind>) -> impl IntoView {
    let calc = use_calculator();
    let (maat_nu, schaal_nu) = (calc.shown(|w| w.kaart_maat), calc.shown(|w| w.kaart_schaal));
    let radio =
        move |name: &'static str, label: &'static str, checked: Signal<bool>, set: Box<dyn Fn() + Send + Sync>| {
            view! {
                <label class="kaart__keuze">
                    <input type="radio" class="utrecht-radio-button utrecht-radio-button--html-input" name=name
                        prop:checked=checked on:change=move |_| set() />
                    {label}
                </label>
            }
        };
    let schaal = |s: Schaal, label| {
        radio(
            "kaart-schaal",
            label,
            Signal::derive(move || schaal_nu.get() == s),
            Box::new(move || calc.show(|w| w.kaart_schaal = s)),
        )
    };
    let maat = |m: Maat| {
        radio(
            "kaart-maat",
            m.label(),
            Signal::derive(move || maat_nu.get() == m),
            Box::new(move || calc.show(|w| w.kaart_maat = m)),
        )
    };
    let kind = |k: Kind, label| {
        radio(
            "kaart-kiezen",
            label,
            Signal::derive(move || kiezen.get() == k),
            Box::new(move || calc.show(|w| w.kaart_kies = k)),
        )
    };
    view! {
        <div class="kaart__instellingen">
            <fieldset class="toggle utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">"Kleur naar"</legend>
                {Maat::ALL.map(maat)}
            </fieldset>
            <fieldset class="toggle utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">"Als"</legend>
                {schaal(Schaal::Aandeel, "% van het budget 2014")}
                {schaal(Schaal::Bedrag, "bedrag (fte)")}
            </fieldset>
            <fieldset class="toggle utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">"Klikken kiest"</legend>
                {kind(Kind::Gemeente, "de gemeente")}
                {kind(Kind::Jeugdregio, "haar jeugdregio")}
                {kind(Kind::Organisatie, "haar MEE-organisatie")}
            </fieldset>
        </div>
    }
}

/// The area a click on `g` chooses.
fn area_of(data: &Dataset, g: GemeenteId, kiezen: Kind) -> Selection {
    let gemeente = data.gemeente(g);
    match kiezen {
        Kind::Jeugdregio => Selection::Jeugdregio(gemeente.jeugdregio),
        Kind::Organisatie => Selection::Organisatie(gemeente.organisatie),
        _ => Selection::Gemeente(g),
    }
}

#[component]
fn Tekening(kaart: Arc<Kaart>, kiezen: Memo<Kind>, focus: StoredValue<bool>) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let (maat, schaal) = (calc.shown(|w| w.kaart_maat), calc.shown(|w| w.kaart_schaal));
    let kleuring = Memo::new(move |_| calc.later.with_outcome(|o| kleuring(data, o, maat.get(), schaal.get())));
    let actief = RwSignal::new(None::<GemeenteId>);
    let focused = RwSignal::new(false);
    let typed = StoredValue::new((String::new(), 0.0_f64));
    let zoom = RwSignal::new(false);
    let shapes = NodeRef::<leptos::svg::Svg>::new();
    shapes.on_load(move |svg| {
        if focus.get_value() {
            browser::focus_if_lost(&svg);
        }
    });

    let view_box = {
        let kaart = kaart.clone();
        Memo::new(move |_| match calc.later.selection() {
            Selection::Nederland => kaart.land,
            s if zoom.get() => inzoomen(data, &kaart, s),
            _ => kaart.land,
        })
    };
    // The one place the 408 shapes follow the state.
    Effect::new(move |_| {
        let Some(svg) = shapes.get() else { return };
        let selection = calc.later.selection();
        browser::measured("kaart-kleuren", || {
            kleuring.with(|k| {
                browser::set_on_children(&svg, "class", |i| KLASSE[k.klasse[i]].to_string());
                browser::set_on_children(&svg, "aria-label", |i| k.naam_en_waarde(data, GemeenteId(i)));
            });
            browser::set_on_children(&svg, "aria-selected", |i| selection_contains(data, selection, i).to_string());
        });
    });

    let choose = move |g: GemeenteId| calc.choose(area_of(data, g, kiezen.get_untracked()));
    let start = move || {
        let selection = calc.later.selection();
        match selection {
            Selection::Nederland => {
                kleuring.with_untracked(|k| (0..k.klasse.len()).max_by_key(|&i| k.klasse[i]).map(GemeenteId))
            }
            s => s.gemeenten(data).first().copied(),
        }
    };
    let on_key = {
        let kaart = kaart.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            let Some(current) = actief.get_untracked().or_else(start) else { return };
            let (text, at) = typed.get_value();
            let typing = ev.time_stamp() - at < TYPEN_MS && !text.is_empty();
            // Moving ends a typed name: letters after an arrow, Home or End start a new one.
            let moved = |to: Option<GemeenteId>| {
                typed.set_value((String::new(), 0.0));
                actief.set(to);
            };
            if let Some(richting) = Richting::of_key(&key) {
                ev.prevent_default();
                moved(Some(buur(&kaart, current, richting).unwrap_or(current)));
            } else if key == "Enter" || (key == " " && !typing) {
                ev.prevent_default();
                choose(current);
            } else if key == "Home" || key == "End" {
                // As in any listbox: the first or last option (alphabetically).
                ev.prevent_default();
                let ids = 0..data.gemeenten.len();
                moved(if key == "Home" { ids.min() } else { ids.max() }.map(GemeenteId));
            } else if key == "Escape" {
                moved(None);
            } else if key.chars().count() == 1 && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
                ev.prevent_default();
                let text = if typing { text + &key } else { key };
                if let Some(g) = zoek(data, &text) {
                    actief.set(Some(g));
                }
                typed.set_value((text, ev.time_stamp()));
            }
        }
    };
    let markup = shapes_markup(&kaart, "kaart-g");
    let descendant = move || actief.get().filter(|_| focused.get()).map(|g| format!("kaart-g-{}", g.index()));
    let outline = {
        let kaart = kaart.clone();
        move || match calc.later.selection() {
            Selection::Nederland => String::new(),
            s => s.gemeenten(data).iter().map(|&g| kaart.vorm(g).d.as_str()).collect(),
        }
    };
    let outline_fill = {
        let kaart = kaart.clone();
        move || match calc.later.selection() {
            Selection::Nederland => String::new(),
            s => kleuring.with(|k| chosen_fill(&kaart, k, &s.gemeenten(data), "kaart-arcering")),
        }
    };
    let pointer = {
        let kaart = kaart.clone();
        move || actief.get().map(|g| kaart.vorm(g).d.clone()).unwrap_or_default()
    };
    let tip = {
        let kaart = kaart.clone();
        move || {
            let g = actief.get()?;
            let vb = view_box.get();
            let (x, y) = kaart.vorm(g).label;
            if x < vb.x0 || x > vb.x1 || y < vb.y0 || y > vb.y1 {
                return None;
            }
            // In tenths of a percent of the drawing's width and height: integers, so that no
            // float formatting is compiled into the wasm.
            let left = i64::from(x - vb.x0) * 1000 / i64::from(vb.x1 - vb.x0).max(1);
            let top = i64::from(y - vb.y0) * 1000 / i64::from(vb.y1 - vb.y0).max(1);
            let chooses = match area_of(data, g, kiezen.get()) {
                Selection::Gemeente(_) => None,
                a => Some(a.naam(data)),
            };
            Some((kleuring.with(|k| tip_markup(&k.naam_en_waarde(data, g), chooses)), left, top))
        }
    };
    let tip = Memo::new(move |_| tip());
    let zoom_label = move || match (zoom.get(), calc.later.selection()) {
        (true, _) => "Hele land tonen".to_string(),
        (false, s) => format!("Inzoomen op {}", s.naam(data)),
    };
    let legend = move || kleuring.with(legend_markup);
    // In a StoredValue, so that the closure is Copy.
    let drawing = StoredValue::new(kaart.clone());
    let make = move |writers: super::parts::Writers| {
        let selection = calc.later.with_session_untracked(|s| s.inputs.selection);
        let (chosen, gebied) = match selection {
            Selection::Nederland => (Vec::new(), None),
            s => (s.gemeenten(data), Some(s.described(data))),
        };
        let bron = super::images::bron_vandaag();
        let image = drawing.with_value(|kaart| {
            kleuring.with_untracked(|k| (writers.kaart)(kaart, k, &chosen, gebied.as_deref(), &bron))
        });
        (super::images::file_stem("kaart", selection.naam(data)), image)
    };
    let described = Signal::derive(move || kleuring.with(|k| format!("de kaart {}", k.maat.heading(k.schaal))));
    view! {
        <div class="kaart__tekening" on:pointerleave=move |_| if !focused.get_untracked() { actief.set(None) }>
            <svg
                class="kaart__vormen"
                node_ref=shapes
                viewBox=move || view_box.get().view_box()
                role="listbox"
                tabindex="0"
                aria-multiselectable="true"
                aria-label=move || kleuring.with(|k| format!("Kaart van de gemeenten: {}", k.maat.heading(k.schaal)))
                aria-describedby="kaart-samenvatting"
                aria-activedescendant=descendant
                inner_html=markup
                on:click=move |ev| if let Some(i) = browser::data_index(&ev) { choose(GemeenteId(i)) }
                on:pointermove=move |ev| {
                    let g = browser::data_index(&ev).map(GemeenteId);
                    if g.is_some() && actief.get_untracked() != g {
                        actief.set(g);
                    }
                }
                on:keydown=on_key
                on:focus=move |_| {
                    focused.set(true);
                    if actief.get_untracked().is_none() {
                        actief.set(start());
                    }
                }
                on:blur=move |_| {
                    focused.set(false);
                    actief.set(None);
                }
            ></svg>
            <svg class="kaart__bovenop" viewBox=move || view_box.get().view_box() aria-hidden="true" focusable="false">
                <defs inner_html=arcering("kaart-arcering")></defs>
                <path class="kaart__gekozen-rand" d=outline></path>
                <g inner_html=outline_fill></g>
                <path class="kaart__regiogrens" d=kaart.regiogrenzen.clone()></path>
                <path class="kaart__organisatiegrens" d=kaart.organisatiegrenzen.clone()></path>
                <path class="kaart__buitengrens" d=kaart.buitengrens.clone()></path>
                <path class="kaart__aangewezen" d=pointer></path>
            </svg>
            {move || tip.get().map(|(html, left, top)| view! {
                <p class={if left > 550 { "kaart__tip kaart__tip--links" } else { "kaart__tip" }} style:left=format!("{}.{}%", left / 10, left % 10) style:top=format!("{}.{}%", top / 10, top % 10) data-testid="kaart-tip" inner_html=html>
                </p>
            })}
        </div>
        <div class="kaart__onder">
            <button type="button" class="utrecht-button utrecht-button--subtle" data-testid="kaart-zoom"
                hidden=move || calc.later.selection() == Selection::Nederland
                aria-pressed=move || zoom.get().to_string()
                on:click=move |_| zoom.update(|z| *z = !*z)>
                {zoom_label}
            </button>
            <div class="kaart__legenda" data-testid="kaart-legenda" inner_html=legend></div>
            <p id="kaart-samenvatting" class="kaart__samenvatting" data-testid="kaart-samenvatting">{move || kleuring.with(|k| k.samenvatting.clone())}</p>
            <p class="kaart__bron">{kaart.bron.clone()} " (" <a class="nl-link" href="kaart/gemeenten-2013.txt" download>"kaartbestand"</a> ")"</p>
            <super::images::ImageDownloads described=described make=make />
        </div>
    }
}

fn selection_contains(data: &Dataset, selection: Selection, i: usize) -> bool {
    selection != Selection::Nederland && selection.contains(data, GemeenteId(i))
}
