//! The split points: every section below the figures, each in a chunk of the wasm that is
//! fetched after the first load (`ui::split::lazy`; the build: `scripts/build-wasm.mjs`).
//!
//! A function marked `#[wasm_split(name, …)]` and all code only it reaches go into the
//! chunk `name`; code that several chunks share goes into a shared chunk, loaded with the
//! first that needs it; code the first screen also uses stays in the main module. Each
//! function here gives back the function that builds its section (or does its work), so
//! that the section is built under the owner of the place it appears.
//!
//! The cut, measured (BENCHMARKS.md): a chunk for each thing fetched at a different time.
//! - `bandbreedte`: the range beside the figures, which an embedded calculator shows too;
//! - `kaart`: the map, which an embedded calculator shows only with `kaart=1`;
//! - `bericht`: the figures told to the host page, fetched only by an embedded calculator
//!   whose `embed.js` named its host (serde and serde-wasm-bindgen, which nothing else needs);
//! - `panelen`: every other section, fetched together once the figures are shown;
//! - `afbeelding`: the writers of a chart or the map as an image file, fetched on the first
//!   click on "SVG" or "PNG" (few people download an image; the writers are 5 KB).
//!
//! Every split point makes chunks of the code shared between split points, each a file of
//! its own with its own overhead: thirteen split points made 116 files and added 40 % to
//! the bytes of what they held; three make a handful. Sections are still built one by one,
//! when they come near the viewport.

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::ui::split::lazy::{Fetched, Section};
use crate::ui::split::parts::{CsvDownload, Part, Parts, ReportFigures, Writers};

type Split<T> = Result<T, SplitLoaderError>;

/// A section's fetch as the boxed future `Lazy` keeps.
macro_rules! fetched {
    ($split:ident) => {
        fetched!($split: Section)
    };
    ($split:ident: $t:ty) => {{
        fn fetch() -> Fetched<$t> {
            Box::pin($split())
        }
        fetch
    }};
}

/// Every part, each fetched from its split point below.
pub fn parts() -> Parts {
    Parts::new(section, fetched!(csv: CsvDownload), fetched!(bericht: ReportFigures), fetched!(afbeelding: Writers))
}

/// The split point of each section.
fn section(part: Part) -> fn() -> Fetched<Section> {
    match part {
        Part::Voorbeelden => fetched!(voorbeelden),
        Part::Bandbreedte => fetched!(bandbreedte),
        Part::Berekening => fetched!(berekening),
        Part::Grafieken => fetched!(grafieken),
        Part::Kaart => fetched!(kaart),
        Part::Omgekeerd => fetched!(omgekeerd),
        Part::Organisaties => fetched!(organisaties),
        Part::Gemeenten => fetched!(gemeenten),
        Part::Inlezen => fetched!(inlezen),
        Part::Afbouwpad => fetched!(afbouwpad),
        Part::Vergelijking => fetched!(vergelijking),
        Part::Aannames => fetched!(aannames),
        Part::Meenemen => fetched!(meenemen),
        Part::Insluiten => fetched!(insluiten),
        Part::Bewaard => fetched!(bewaard),
        Part::Methode => fetched!(methode),
        Part::Verslag => fetched!(verslag),
    }
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn berekening() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::worked::WorkedCalculation /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn grafieken() -> Split<Section> {
    Ok(|| view! { <crate::ui::widgets::charts::Charts /> }.into_any())
}

#[wasm_split(kaart, wasm_split_path = ::leptos::wasm_split, fallible)]
fn kaart() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::kaart::KaartSection /> }.into_any())
}

#[wasm_split(bandbreedte, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bandbreedte() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::analysis::Bandbreedte /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn omgekeerd() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::analysis::OmgekeerdRekenen /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn organisaties() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::selection::OrganisatieSplit /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn gemeenten() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::gemeenten::GemeentenTable /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn inlezen() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::import::Import /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn afbouwpad() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::pad::Afbouwpad /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn vergelijking() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::compare::Compare /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bewaard() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::scenarios::Scenarios /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn aannames() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::params::ParametersPanel /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn meenemen() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::download::Download /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn csv() -> Split<CsvDownload> {
    Ok(crate::ui::sections::download::download_csv)
}

#[wasm_split(afbeelding, wasm_split_path = ::leptos::wasm_split, fallible)]
fn afbeelding() -> Split<Writers> {
    Ok(crate::ui::widgets::images::WRITERS)
}

#[wasm_split(bericht, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bericht() -> Split<ReportFigures> {
    Ok(crate::ui::sections::embed::report_figures)
}

#[wasm_split(insluiten, wasm_split_path = ::leptos::wasm_split, fallible)]
fn insluiten() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::insluiten::Insluiten /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn voorbeelden() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::presets::Presets /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn methode() -> Split<Section> {
    Ok(|| {
        view! { <crate::ui::sections::method::Method /> <crate::ui::sections::method::Toegankelijkheid /> }.into_any()
    })
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn verslag() -> Split<Section> {
    Ok(|| view! { <crate::ui::sections::report::PrintReport /> }.into_any())
}
