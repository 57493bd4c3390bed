//! The drawing: the 408 shapes, what is chosen, the tooltip, and the keyboard's listbox.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::data::{Dataset, GemeenteId};
use crate::model::selection::{Kind, Selection};
use crate::text::kaart::Kaart;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::view::kaart::{Compass, colouring, find_typed, neighbour, zoom_to};
use crate::view::kaart_markup::{KLASSE, chosen_fill, hatching, legend_markup, shapes_markup, tip_markup};
/// Typed letters belong to one name while they follow each other within this many ms.
const TYPING_MS: f64 = 800.0;
/// The area a click on `g` chooses.
fn area_of(data: &Dataset, g: GemeenteId, picks: Kind) -> Selection {
    let gemeente = data.gemeente(g);
    match picks {
        Kind::Jeugdregio => Selection::Jeugdregio(gemeente.jeugdregio),
        Kind::Organisatie => Selection::Organisatie(gemeente.organisatie),
        _ => Selection::Gemeente(g),
    }
}

#[component]
pub(super) fn Drawing(kaart: Arc<Kaart>, picks: Memo<Kind>, focus: StoredValue<bool>) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let (maat, schaal) = (calc.shown(|w| w.kaart_maat), calc.shown(|w| w.kaart_schaal));
    let colouring = Memo::new(move |_| calc.later.with_outcome(|o| colouring(data, o, maat.get(), schaal.get())));
    let active = RwSignal::new(None::<GemeenteId>);
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
            Selection::Nederland => kaart.country,
            s if zoom.get() => zoom_to(data, &kaart, s),
            _ => kaart.country,
        })
    };
    // The one place the 408 shapes follow the state.
    Effect::new(move |_| {
        let Some(svg) = shapes.get() else { return };
        let selection = calc.later.selection();
        browser::measured("kaart-kleuren", || {
            colouring.with(|k| {
                browser::set_on_children(&svg, "class", |i| KLASSE[k.klasse[i]].to_string());
                browser::set_on_children(&svg, "aria-label", |i| k.name_and_value(data, GemeenteId(i)));
            });
            browser::set_on_children(&svg, "aria-selected", |i| selection_contains(data, selection, i).to_string());
        });
    });

    let choose = move |g: GemeenteId| calc.choose(area_of(data, g, picks.get_untracked()));
    let start = move || {
        let selection = calc.later.selection();
        match selection {
            Selection::Nederland => {
                colouring.with_untracked(|k| (0..k.klasse.len()).max_by_key(|&i| k.klasse[i]).map(GemeenteId))
            }
            s => s.gemeenten(data).first().copied(),
        }
    };
    let on_key = {
        let kaart = kaart.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            let Some(current) = active.get_untracked().or_else(start) else { return };
            let (text, at) = typed.get_value();
            let typing = ev.time_stamp() - at < TYPING_MS && !text.is_empty();
            // Moving ends a typed name: letters after an arrow, Home or End start a new one.
            let moved = |to: Option<GemeenteId>| {
                typed.set_value((String::new(), 0.0));
                active.set(to);
            };
            if let Some(heading) = Compass::of_key(&key) {
                ev.prevent_default();
                moved(Some(neighbour(&kaart, current, heading).unwrap_or(current)));
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
                if let Some(g) = find_typed(data, &text) {
                    active.set(Some(g));
                }
                typed.set_value((text, ev.time_stamp()));
            }
        }
    };
    let markup = shapes_markup(&kaart, "kaart-g");
    let descendant = move || active.get().filter(|_| focused.get()).map(|g| format!("kaart-g-{}", g.index()));
    let outline = {
        let kaart = kaart.clone();
        move || match calc.later.selection() {
            Selection::Nederland => String::new(),
            s => s.gemeenten(data).iter().map(|&g| kaart.shape(g).d.as_str()).collect(),
        }
    };
    let outline_fill = {
        let kaart = kaart.clone();
        move || match calc.later.selection() {
            Selection::Nederland => String::new(),
            s => colouring.with(|k| chosen_fill(&kaart, k, &s.gemeenten(data), "kaart-arcering")),
        }
    };
    let pointer = {
        let kaart = kaart.clone();
        move || active.get().map(|g| kaart.shape(g).d.clone()).unwrap_or_default()
    };
    let tip = {
        let kaart = kaart.clone();
        move || {
            let g = active.get()?;
            let vb = view_box.get();
            let (x, y) = kaart.shape(g).label;
            if x < vb.x0 || x > vb.x1 || y < vb.y0 || y > vb.y1 {
                return None;
            }
            // In tenths of a percent of the drawing's width and height: integers, so that no
            // float formatting is compiled into the wasm.
            let left = i64::from(x - vb.x0) * 1000 / i64::from(vb.x1 - vb.x0).max(1);
            let top = i64::from(y - vb.y0) * 1000 / i64::from(vb.y1 - vb.y0).max(1);
            let chooses = match area_of(data, g, picks.get()) {
                Selection::Gemeente(_) => None,
                a => Some(a.naam(data)),
            };
            Some((colouring.with(|k| tip_markup(&k.name_and_value(data, g), chooses)), left, top))
        }
    };
    let tip = Memo::new(move |_| tip());
    let zoom_label = move || match (zoom.get(), calc.later.selection()) {
        (true, _) => "Hele land tonen".to_string(),
        (false, s) => format!("Inzoomen op {}", s.naam(data)),
    };
    let legend = move || colouring.with(legend_markup);
    // In a StoredValue, so that the closure is Copy.
    let drawing = StoredValue::new(kaart.clone());
    let make = move |writers: crate::ui::split::parts::Writers| {
        let selection = calc.later.with_session_untracked(|s| s.inputs.selection);
        let (chosen, gebied) = match selection {
            Selection::Nederland => (Vec::new(), None),
            s => (s.gemeenten(data), Some(s.described(data))),
        };
        let bron = crate::ui::widgets::images::bron_vandaag();
        let image = drawing.with_value(|kaart| {
            colouring.with_untracked(|k| (writers.kaart)(kaart, k, &chosen, gebied.as_deref(), &bron))
        });
        (crate::ui::widgets::images::file_stem("kaart", selection.naam(data)), image)
    };
    let described = Signal::derive(move || colouring.with(|k| format!("de kaart {}", k.maat.heading(k.schaal))));
    view! {
        <div class="kaart__tekening" on:pointerleave=move |_| if !focused.get_untracked() { active.set(None) }>
            <svg
                class="kaart__vormen"
                node_ref=shapes
                viewBox=move || view_box.get().view_box()
                role="listbox"
                tabindex="0"
                aria-multiselectable="true"
                aria-label=move || colouring.with(|k| format!("Kaart van de gemeenten: {}", k.maat.heading(k.schaal)))
                aria-describedby="kaart-samenvatting"
                aria-activedescendant=descendant
                inner_html=markup
                on:click=move |ev| if let Some(i) = browser::data_index(&ev) { choose(GemeenteId(i)) }
                on:pointermove=move |ev| {
                    let g = browser::data_index(&ev).map(GemeenteId);
                    if g.is_some() && active.get_untracked() != g {
                        active.set(g);
                    }
                }
                on:keydown=on_key
                on:focus=move |_| {
                    focused.set(true);
                    if active.get_untracked().is_none() {
                        active.set(start());
                    }
                }
                on:blur=move |_| {
                    focused.set(false);
                    active.set(None);
                }
            ></svg>
            <svg class="kaart__bovenop" viewBox=move || view_box.get().view_box() aria-hidden="true" focusable="false">
                <defs inner_html=hatching("kaart-arcering")></defs>
                <path class="kaart__gekozen-rand" d=outline></path>
                <g inner_html=outline_fill></g>
                <path class="kaart__regiogrens" d=kaart.region_borders.clone()></path>
                <path class="kaart__organisatiegrens" d=kaart.organisation_borders.clone()></path>
                <path class="kaart__buitengrens" d=kaart.outline.clone()></path>
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
            <p id="kaart-samenvatting" class="kaart__samenvatting" data-testid="kaart-samenvatting">{move || colouring.with(|k| k.summary.clone())}</p>
            <p class="kaart__bron">{kaart.bron.clone()} " (" <a class="nl-link" href="kaart/gemeenten-2013.txt" download>"kaartbestand"</a> ")"</p>
            <crate::ui::widgets::images::ImageDownloads described=described make=make />
        </div>
    }
}

fn selection_contains(data: &Dataset, selection: Selection, i: usize) -> bool {
    selection != Selection::Nederland && selection.contains(data, GemeenteId(i))
}
