//! What the page knows of its lazily loaded parts: which there are, how each stands in the
//! page before its chunk is there, and the one [`Parts`] value in context through which a
//! section asks for its code. The split points that fill it are in `ui::chunks`, which
//! names the sections; the sections name only this module, so neither imports the other.

use leptos::prelude::*;

use super::lazy::{Fetched, Lazy, Section};
use crate::model::data::GemeenteId;
use crate::model::inputs::Session;
use crate::model::selection::Selection;
use crate::text::kaart::Kaart;
use crate::ui::browser;
use crate::view::chart::Chart;
use crate::view::image::Image;
use crate::view::kaart::Colouring;

/// Writes the CSV of the area (or of all gemeenten) as a download; whether it could.
pub type CsvDownload = fn(crate::ui::state::calculator::Calculator, bool) -> bool;

/// Tells the host page at an origin the figures, whenever they settle.
pub type ReportFigures = fn(crate::ui::state::calculator::Calculator, String);

/// The code that writes and draws the images (`ui::widgets::images`), in a chunk of its own,
/// fetched on the first click: nobody who does not download an image loads it.
#[derive(Clone, Copy)]
pub struct Writers {
    pub chart: fn(&Chart, &str) -> Image,
    pub kaart: fn(&Kaart, &Colouring, &[GemeenteId], Option<&str>, &str) -> Image,
    pub png: fn(&str, &str, u32, u32, browser::Done),
}

/// The id of the worked calculation's `<details>`, which links open.
pub const BEREKENING_ID: &str = "berekening";

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
}

const fn meta(name: &'static str, heading: &'static str) -> Meta {
    Meta { name, heading, id: None, class: "", shown: |_| true }
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
            Part::Voorbeelden => Meta { class: "lazy--voorbeelden", ..meta("voorbeelden", "Voorbeelden") },
            Part::Bandbreedte => meta("bandbreedte", ""),
            Part::Berekening => Meta { id: Some(BEREKENING_ID), ..meta("berekening", "Zo is dit berekend") },
            Part::Grafieken => Meta { class: "lazy--grafieken", ..meta("grafieken", "In beeld") },
            Part::Kaart => Meta { class: "lazy--kaart", id: Some("kaart"), ..meta("kaart", "Kaart") },
            Part::Omgekeerd => meta("omgekeerd", "Omgekeerd rekenen"),
            Part::Organisaties => Meta { class: "lazy--tabel", ..meta("organisaties", "Per MEE-organisatie") },
            Part::Gemeenten => Meta {
                id: Some("per-gemeente"),
                shown: |s| !matches!(s.inputs.selection, Selection::Gemeente(_)),
                ..meta("gemeenten", "Per gemeente")
            },
            Part::Inlezen => meta("inlezen", "Eigen bedragen inlezen"),
            Part::Afbouwpad => meta("afbouwpad", "Afbouwpad 2015–2018"),
            Part::Vergelijking => Meta { shown: |s| !s.vergelijk.is_empty(), ..meta("vergelijking", "Vergelijking") },
            Part::Aannames => meta("aannames", "Aannames"),
            Part::Meenemen => Meta { id: Some("meenemen"), ..meta("meenemen", "Meenemen") },
            Part::Insluiten => Meta { id: Some("insluiten"), ..meta("insluiten", "Insluiten op uw eigen site") },
            Part::Bewaard => Meta { id: Some("bewaard"), ..meta("bewaard", "Bewaarde scenario’s") },
            Part::Methode => meta("methode", "Hoe rekenen we?"),
            Part::Verslag => meta("verslag", ""),
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
    /// The parts, each fetched by its function: a section's by `sections(part)`.
    pub fn new(
        sections: fn(Part) -> fn() -> Fetched<Section>,
        csv: fn() -> Fetched<CsvDownload>,
        bericht: fn() -> Fetched<ReportFigures>,
        afbeelding: fn() -> Fetched<Writers>,
    ) -> Parts {
        Parts {
            sections: Part::ALL.map(|part| Lazy::new(part.meta().name, sections(part))),
            csv: Lazy::new("csv", csv),
            bericht: Lazy::new("bericht", bericht),
            afbeelding: Lazy::new("afbeelding", afbeelding),
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
