//! What the map shows (the measure and its scale) and what a click on it chooses.

use leptos::prelude::*;

use crate::model::selection::Kind;
use crate::ui::state::calculator::use_calculator;
use crate::view::measure::{Maat, Schaal};
/// What the map shows, and what a click chooses.
#[component]
pub(super) fn Settings(picks: Memo<Kind>) -> impl IntoView {
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
            Signal::derive(move || picks.get() == k),
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
