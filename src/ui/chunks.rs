//! The split points: every section below the figures, each in a chunk of the wasm that is
//! fetched after the first load (`ui::lazy`; the build: `scripts/build-wasm.mjs`).
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

use super::calculator::Calculator;
use super::images::Writers;
use super::lazy::{Fetched, Lazy, Section};
use crate::model::inputs::Session;
use crate::model::selection::Selection;

/// Writes the CSV of the area (or of all gemeenten) as a download; whether it could.
pub type CsvDownload = fn(Calculator, bool) -> bool;

/// Tells the host page at an origin the figures, whenever they settle.
pub type ReportFigures = fn(Calculator, String);

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

#[wasm_split(bandbreedte, wasm_split_path = ::leptos::wasm_split, fallible)]
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

#[wasm_split(afbeelding, wasm_split_path = ::leptos::wasm_split, fallible)]
fn afbeelding() -> Split<Writers> {
    Ok(super::images::WRITERS)
}

#[wasm_split(bericht, wasm_split_path = ::leptos::wasm_split, fallible)]
fn bericht() -> Split<ReportFigures> {
    Ok(super::embed::report_figures)
}

#[wasm_split(insluiten, wasm_split_path = ::leptos::wasm_split, fallible)]
fn insluiten() -> Split<Section> {
    Ok(|| view! { <super::insluiten::Insluiten /> }.into_any())
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

/// A section of the page below the figures, in page order (the order they are fetched in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Voorbeelden,
    Bandbreedte,
    Berekening,
    Grafieken,
    Kaart,
    Omgekeerd,
    Organisaties,
    Gemeenten,
    Inlezen,
    Afbouwpad,
    Vergelijking,
    Aannames,
    Meenemen,
    Insluiten,
    Bewaard,
    Methode,
    Verslag,
}

/// How a part stands in the page before its chunk is there: its name (test id
/// `laden-<name>`), its own heading, the id links to it use, the class that reserves its
/// height, and how to fetch it.
pub struct Meta {
    pub name: &'static str,
    pub heading: &'static str,
    pub id: Option<&'static str>,
    pub class: &'static str,
    /// Whether the section shows anything in this state: a stand-in for one that will be
    /// empty would only take space and then give it back.
    pub shown: fn(&Session) -> bool,
    fetch: fn() -> Fetched<Section>,
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

const fn meta(name: &'static str, heading: &'static str, fetch: fn() -> Fetched<Section>) -> Meta {
    Meta { name, heading, id: None, class: "", shown: |_| true, fetch }
}

impl Part {
    pub const ALL: [Part; 17] = [
        Part::Voorbeelden,
        Part::Bandbreedte,
        Part::Berekening,
        Part::Grafieken,
        Part::Kaart,
        Part::Omgekeerd,
        Part::Organisaties,
        Part::Gemeenten,
        Part::Inlezen,
        Part::Afbouwpad,
        Part::Vergelijking,
        Part::Aannames,
        Part::Meenemen,
        Part::Insluiten,
        Part::Bewaard,
        Part::Methode,
        Part::Verslag,
    ];

    pub fn meta(self) -> Meta {
        match self {
            Part::Voorbeelden => {
                Meta { class: "lazy--voorbeelden", ..meta("voorbeelden", "Voorbeelden", fetched!(voorbeelden)) }
            }
            Part::Bandbreedte => meta("bandbreedte", "", fetched!(bandbreedte)),
            Part::Berekening => {
                Meta { id: Some(super::worked::ID), ..meta("berekening", "Zo is dit berekend", fetched!(berekening)) }
            }
            Part::Grafieken => Meta { class: "lazy--grafieken", ..meta("grafieken", "In beeld", fetched!(grafieken)) },
            Part::Kaart => Meta { class: "lazy--kaart", id: Some("kaart"), ..meta("kaart", "Kaart", fetched!(kaart)) },
            Part::Omgekeerd => meta("omgekeerd", "Omgekeerd rekenen", fetched!(omgekeerd)),
            Part::Organisaties => {
                Meta { class: "lazy--tabel", ..meta("organisaties", "Per MEE-organisatie", fetched!(organisaties)) }
            }
            Part::Gemeenten => Meta {
                id: Some("per-gemeente"),
                shown: |s| !matches!(s.inputs.selection, Selection::Gemeente(_)),
                ..meta("gemeenten", "Per gemeente", fetched!(gemeenten))
            },
            Part::Inlezen => meta("inlezen", "Eigen bedragen inlezen", fetched!(inlezen)),
            Part::Afbouwpad => meta("afbouwpad", "Afbouwpad 2015–2018", fetched!(afbouwpad)),
            Part::Vergelijking => Meta {
                shown: |s| !s.vergelijk.is_empty(),
                ..meta("vergelijking", "Vergelijking", fetched!(vergelijking))
            },
            Part::Aannames => meta("aannames", "Aannames", fetched!(aannames)),
            Part::Meenemen => Meta { id: Some("meenemen"), ..meta("meenemen", "Meenemen", fetched!(meenemen)) },
            Part::Insluiten => {
                Meta { id: Some("insluiten"), ..meta("insluiten", "Insluiten op uw eigen site", fetched!(insluiten)) }
            }
            Part::Bewaard => {
                Meta { id: Some("bewaard"), ..meta("bewaard", "Bewaarde scenario’s", fetched!(bewaard)) }
            }
            Part::Methode => meta("methode", "Hoe rekenen we?", fetched!(methode)),
            Part::Verslag => meta("verslag", "", fetched!(verslag)),
        }
    }
}

/// Every lazily loaded part of the page, the CSV writer, the figures message and the image
/// writers. One value in context.
#[derive(Clone, Copy)]
pub struct Parts {
    sections: [Lazy<Section>; 17],
    pub csv: Lazy<CsvDownload>,
    pub bericht: Lazy<ReportFigures>,
    pub afbeelding: Lazy<Writers>,
}

impl Parts {
    pub fn new() -> Parts {
        Parts {
            sections: Part::ALL.map(|part| {
                let meta = part.meta();
                Lazy::new(meta.name, meta.fetch)
            }),
            csv: Lazy::new("csv", fetched!(csv: CsvDownload)),
            bericht: Lazy::new("bericht", fetched!(bericht: ReportFigures)),
            afbeelding: Lazy::new("afbeelding", fetched!(afbeelding: Writers)),
        }
    }

    pub fn get(&self, part: Part) -> Lazy<Section> {
        self.sections[part as usize]
    }

    /// Where `part` stands in the page (`lazy::section`), given the session it opens with.
    pub fn place(&self, part: Part, session: &Session) -> AnyView {
        let meta = part.meta();
        let heading = if (meta.shown)(session) { meta.heading } else { "" };
        super::lazy::section(self.get(part), heading, meta.id, meta.class)
    }

    /// Starts fetching every section, in page order.
    pub fn start_all(&self) {
        for part in self.sections {
            part.start();
        }
    }
}

impl Default for Parts {
    fn default() -> Self {
        Parts::new()
    }
}
