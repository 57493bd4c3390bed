//! "Download: SVG PNG" under each chart and under the map. The image is written when a
//! button is pressed (`crate::view::chart_image`, `crate::view::kaart_image`), never while
//! the figures change, and offered as a file made in the browser; the PNG is the same SVG
//! drawn by the browser (`browser::download_png`), with nothing fetched.

use leptos::prelude::*;

use crate::text::export::slug;
use crate::ui::browser;
use crate::ui::split::parts::{Parts, Writers};
use crate::view::image::{Image, bron};

/// What a click offers: the file's name without its extension, and the image.
pub type Made = (String, Image);

/// The writers, for the chunk that holds them (`ui::chunks`).
pub const WRITERS: Writers = Writers {
    chart: crate::view::chart_image::chart_image,
    kaart: crate::view::kaart_image::kaart_image,
    png: browser::download_png,
};

/// `frictiekosten-samenstelling-assen`: what the image shows, then the area.
pub fn file_stem(what: &str, gebied: &str) -> String {
    format!("frictiekosten-{what}-{}", slug(gebied))
}

/// The source line, dated today.
pub fn bron_vandaag() -> String {
    bron(&browser::today().0)
}

/// The two buttons; not generic over `make`, so that the chunks share one copy. `described` names the image in their accessible names ("de grafiek
/// Samenstelling frictiekosten, Assen"), whose visible text ("SVG", "PNG") ends them.
#[component]
pub fn ImageDownloads(
    #[prop(into)] described: Signal<String>,
    #[prop(into)] make: Callback<Writers, Made>,
) -> impl IntoView {
    let parts = crate::ui::state::provided::<Parts>();
    let failed = RwSignal::new(false);
    let svg = move |_| {
        parts.afbeelding.with_ready(move |writers| {
            let (stem, image) = make.run(writers);
            let offered = browser::download(&format!("{stem}.svg"), &image.svg, "image/svg+xml;charset=utf-8");
            failed.set(offered.is_err());
        })
    };
    let png = move |_| {
        parts.afbeelding.with_ready(move |writers| {
            let (stem, image) = make.run(writers);
            let done = Box::new(move |ok: bool| failed.set(!ok));
            (writers.png)(&format!("{stem}.png"), &image.svg, image.width, image.height, done);
        })
    };
    view! {
        <div class="afbeelding">
            // The buttons' names say it, with the image's name.
            <span class="afbeelding__label" aria-hidden="true">"Download:"</span>
            <button type="button" class="utrecht-button utrecht-button--subtle" data-testid="download-svg"
                aria-label=move || format!("Download {} als SVG", described.get()) on:click=svg>
                "SVG"
            </button>
            <button type="button" class="utrecht-button utrecht-button--subtle" data-testid="download-png"
                aria-label=move || format!("Download {} als PNG", described.get()) on:click=png>
                "PNG"
            </button>
            <p class="field__error afbeelding__fout" role="alert" hidden=move || !failed.get() && !parts.afbeelding.failed()>
                "De afbeelding kon in deze browser niet worden gemaakt; probeer het opnieuw of kies de SVG."
            </p>
        </div>
    }
}
