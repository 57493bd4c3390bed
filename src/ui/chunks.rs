//! The split points: every section below the figures, each in a chunk of the wasm that is
//! fetched after the first load (`ui::lazy`; the build: `scripts/build-wasm.mjs`).
//!
//! A function marked `#[wasm_split(name, …)]` and all code only it reaches go into the
//! chunk `name`; code that several chunks share goes into a shared chunk, loaded with the
//! first that needs it; code the first screen also uses stays in the main module. Each
//! function here gives back the function that builds its section (or does its work), so
//! that the section is built under the owner of the place it appears.
//!
//! The cut, measured (BENCHMARKS.md): one chunk per section a person opens on its own, with
//! the sections that share most of their code together (the comparison with the saved
//! scenarios, the two tables, the two analyses).

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use super::calculator::Calculator;
use super::lazy::{Fetched, Lazy, Section};

/// Writes the CSV of the area (or of all gemeenten) as a download; whether it could.
pub type CsvDownload = fn(Calculator, bool) -> bool;

type Split<T> = Result<T, SplitLoaderError>;

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn berekening() -> Split<Section> {
    Ok(|| view! { <super::worked::WorkedCalculation /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn grafieken() -> Split<Section> {
    Ok(|| view! { <super::charts::Charts /> }.into_any())
}

#[wasm_split(kaart, wasm_split_path = ::leptos::wasm_split, fallible)]
fn kaart() -> Split<Section> {
    Ok(|| view! { <super::kaart::KaartSectie /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bandbreedte() -> Split<Section> {
    Ok(|| view! { <super::analysis::Bandbreedte /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn omgekeerd() -> Split<Section> {
    Ok(|| view! { <super::analysis::OmgekeerdRekenen /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn organisaties() -> Split<Section> {
    Ok(|| view! { <super::selection::OrganisatieSplit /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn gemeenten() -> Split<Section> {
    Ok(|| view! { <super::gemeenten::GemeentenTable /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn inlezen() -> Split<Section> {
    Ok(|| view! { <super::import::Import /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn afbouwpad() -> Split<Section> {
    Ok(|| view! { <super::pad::Afbouwpad /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn vergelijking() -> Split<Section> {
    Ok(|| view! { <super::compare::Compare /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bewaard() -> Split<Section> {
    Ok(|| view! { <super::scenarios::Scenarios /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn aannames() -> Split<Section> {
    Ok(|| view! { <super::params::ParametersPanel /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn meenemen() -> Split<Section> {
    Ok(|| view! { <super::download::Download /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn csv() -> Split<CsvDownload> {
    Ok(super::download::download_csv)
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn voorbeelden() -> Split<Section> {
    Ok(|| view! { <super::presets::Presets /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn methode() -> Split<Section> {
    Ok(|| view! { <super::method::Method /> <super::method::Toegankelijkheid /> }.into_any())
}

#[wasm_split(panelen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn verslag() -> Split<Section> {
    Ok(|| view! { <super::report::PrintReport /> }.into_any())
}

/// Every lazily loaded part of the page, in the order the page shows them (which is the
/// order they are fetched in). One value in context.
#[derive(Clone, Copy)]
pub struct Parts {
    pub voorbeelden: Lazy<Section>,
    pub bandbreedte: Lazy<Section>,
    pub berekening: Lazy<Section>,
    pub grafieken: Lazy<Section>,
    pub kaart: Lazy<Section>,
    pub omgekeerd: Lazy<Section>,
    pub organisaties: Lazy<Section>,
    pub gemeenten: Lazy<Section>,
    pub inlezen: Lazy<Section>,
    pub afbouwpad: Lazy<Section>,
    pub vergelijking: Lazy<Section>,
    pub aannames: Lazy<Section>,
    pub meenemen: Lazy<Section>,
    pub bewaard: Lazy<Section>,
    pub methode: Lazy<Section>,
    pub verslag: Lazy<Section>,
    pub csv: Lazy<CsvDownload>,
}

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

impl Parts {
    pub fn new() -> Parts {
        Parts {
            voorbeelden: Lazy::new("voorbeelden", fetched!(voorbeelden)),
            bandbreedte: Lazy::new("bandbreedte", fetched!(bandbreedte)),
            berekening: Lazy::new("berekening", fetched!(berekening)),
            grafieken: Lazy::new("grafieken", fetched!(grafieken)),
            kaart: Lazy::new("kaart", fetched!(kaart)),
            omgekeerd: Lazy::new("omgekeerd", fetched!(omgekeerd)),
            organisaties: Lazy::new("organisaties", fetched!(organisaties)),
            gemeenten: Lazy::new("gemeenten", fetched!(gemeenten)),
            inlezen: Lazy::new("inlezen", fetched!(inlezen)),
            afbouwpad: Lazy::new("afbouwpad", fetched!(afbouwpad)),
            vergelijking: Lazy::new("vergelijking", fetched!(vergelijking)),
            aannames: Lazy::new("aannames", fetched!(aannames)),
            meenemen: Lazy::new("meenemen", fetched!(meenemen)),
            bewaard: Lazy::new("bewaard", fetched!(bewaard)),
            methode: Lazy::new("methode", fetched!(methode)),
            verslag: Lazy::new("verslag", fetched!(verslag)),
            csv: Lazy::new("csv", fetched!(csv: CsvDownload)),
        }
    }

    /// The sections in page order.
    pub fn sections(&self) -> [Lazy<Section>; 16] {
        [
            self.voorbeelden,
            self.bandbreedte,
            self.berekening,
            self.grafieken,
            self.kaart,
            self.omgekeerd,
            self.organisaties,
            self.gemeenten,
            self.inlezen,
            self.afbouwpad,
            self.vergelijking,
            self.aannames,
            self.meenemen,
            self.bewaard,
            self.methode,
            self.verslag,
        ]
    }

    /// Starts fetching every section, in page order.
    pub fn start_all(&self) {
        for part in self.sections() {
            part.start();
        }
    }
}

impl Default for Parts {
    fn default() -> Self {
        Parts::new()
    }
}
