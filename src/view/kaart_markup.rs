//! The map as markup: the 408 shapes written once for the page, the chosen area's fill, the
//! legend, and the whole map as one still drawing for the printed report. Pure, so the
//! native tests reach them; the `ui` layer puts them into the page (`inner_html`).
//!
//! Everything here comes from outside the binary: the shapes and borders from the map's
//! file (`crate::text::kaart`, fetched from the site), the names and values from the
//! scenario. The reader lets through nothing but path data, and every text and attribute
//! value written here still goes through [`escape`]: two locks, so that a file that slips
//! past one (a later change to the reader) cannot put an element into the page.

use std::fmt::Write as _;

use crate::model::data::GemeenteId;
use crate::text::kaart::Kaart;
use crate::view::html::escape;
use crate::view::kaart::{Colouring, KLASSEN};

/// The class of each class number, written out so that the stylesheet's pruning
/// (scripts/build-css.mjs) sees the names.
pub const KLASSE: [&str; KLASSEN + 1] = ["k0", "k1", "k2", "k3", "k4", "k5"];

/// The class of a class number; a number out of range (never made by `colouring`) is
/// "geen daling".
fn klasse(number: usize) -> &'static str {
    KLASSE.get(number).copied().unwrap_or(KLASSE[0])
}

/// The default theme's colour of each class after "geen daling" (style/thema-standaard.css).
/// Written on the shapes beside their class: on the page the stylesheet's rule for the
/// class wins (in the gemeente's huisstijl), a downloaded image has only these.
pub const COLOUR: [&str; KLASSEN] = ["#e8635a", "#c63d6c", "#93287b", "#5c1a73", "#2b0f4f"];

/// The fill of a class number: its colour, or the hatching with the id `arcering_id`.
pub fn fill(number: usize, arcering_id: &str) -> String {
    match number.checked_sub(1).and_then(|i| COLOUR.get(i)) {
        Some(kleur) => (*kleur).to_string(),
        None => format!("url(#{})", escape(arcering_id)),
    }
}

/// The hatching of "geen daling": lines, not a fill, so it is set apart from the classes
/// in any colour vision and in black-and-white print. `{id}` is replaced by the pattern's id.
pub const HATCHING: &str = r##"<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="kaart__arcering-grond" width="6" height="6" fill="#ffffff"></rect><line class="kaart__arcering-lijn" x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="1.5"></line></pattern>"##;

/// The hatching with the pattern id `id`.
pub fn hatching(id: &str) -> String {
    HATCHING.replace("{id}", &escape(id))
}

/// The 408 shapes, in the order of the gemeenten's ids (the effect and the report rely on
/// it), each an option of the listbox with an id for `aria-activedescendant`.
pub fn shapes_markup(kaart: &Kaart, id: &str) -> String {
    let id = escape(id);
    let mut out = String::with_capacity(kaart.shapes().iter().map(|v| v.d.len() + 70).sum());
    for (i, v) in kaart.shapes().iter().enumerate() {
        let _ = write!(
            out,
            r#"<path id="{id}-{i}" data-i="{i}" role="option" aria-selected="false" d="{}"></path>"#,
            escape(&v.d)
        );
    }
    out
}

/// The chosen area's shapes in their colours, drawn over the outline's stroke so that only
/// its outer half shows: the border of the area, not of each of its gemeenten.
/// `arcering_id`: the hatching's id in the drawing.
pub fn chosen_fill(kaart: &Kaart, k: &Colouring, gemeenten: &[GemeenteId], arcering_id: &str) -> String {
    let mut out = String::new();
    for &g in gemeenten {
        let number = k.klasse.get(g.index()).copied().unwrap_or(0);
        let _ = write!(
            out,
            r#"<path class="{}" fill="{}" d="{}"></path>"#,
            klasse(number),
            fill(number, arcering_id),
            escape(&kaart.shape(g).d)
        );
    }
    out
}

/// The legend: a title, "geen daling" set apart, then the classes from low to high, each
/// with how many gemeenten it holds.
pub fn legend_markup(k: &Colouring) -> String {
    let mut out = format!(
        r#"<p class="kaart__legenda-titel">{}</p><ul class="kaart__klassen">"#,
        escape(&k.maat.heading(k.schaal))
    );
    for c in &k.legend {
        let gemeenten = if c.count == 1 { "gemeente" } else { "gemeenten" };
        let _ = write!(
            out,
            r#"<li class="kaart__klasse{}" data-klasse="{}"><span class="kaart__staal {}"></span>{} <span class="kaart__aantal">({} {gemeenten})</span></li>"#,
            if c.number == 0 { " kaart__klasse--geen" } else { "" },
            c.number,
            klasse(c.number),
            escape(&c.label),
            c.count
        );
    }
    out.push_str("</ul>");
    out
}

/// The map as one still drawing, inside an `<svg>` whose `viewBox` is the country's: the
/// hatching (as `arcering_id`), the shapes in their classes, the chosen area outlined, the
/// borders. For the printed report and the downloaded image (`crate::view::kaart_image`):
/// the look is written on the elements too (colours, lines), which the page's stylesheet
/// overrides and a file without it keeps.
pub fn drawing_markup(kaart: &Kaart, k: &Colouring, chosen: &[GemeenteId], arcering_id: &str) -> String {
    let mut shapes = String::new();
    for (i, v) in kaart.shapes().iter().enumerate() {
        let number = k.klasse.get(i).copied().unwrap_or(0);
        let _ = write!(
            shapes,
            r#"<path class="{}" fill="{}" d="{}"></path>"#,
            klasse(number),
            fill(number, arcering_id),
            escape(&v.d)
        );
    }
    let outline: String = chosen.iter().map(|&g| kaart.shape(g).d.as_str()).collect();
    // Lines as thick on paper or screen whatever the drawing's scale, as on the page.
    const LINE: &str = r##"fill="none" stroke="#1b1b1b" stroke-linejoin="round" vector-effect="non-scaling-stroke""##;
    format!(
        r##"<defs>{defs}</defs><g class="kaart__gemeenten" stroke="#ffffff" stroke-width="0.5">{shapes}</g><path class="kaart__gekozen-rand" fill="none" stroke="#000000" stroke-width="7" stroke-linejoin="round" vector-effect="non-scaling-stroke" d="{outline}"></path><g stroke="#ffffff" stroke-width="0.5">{fill}</g><path class="kaart__regiogrens" {LINE} stroke-width="0.75" stroke-dasharray="3 2" d="{r}"></path><path class="kaart__organisatiegrens" {LINE} stroke-width="1.75" d="{m}"></path><path class="kaart__buitengrens" {LINE} stroke-width="1" d="{n}"></path>"##,
        defs = hatching(arcering_id),
        outline = escape(&outline),
        fill = chosen_fill(kaart, k, chosen, arcering_id),
        r = escape(&kaart.region_borders),
        m = escape(&kaart.organisation_borders),
        n = escape(&kaart.outline),
    )
}

/// The map as one still drawing, for the printed report: the drawing, the legend and the
/// source.
pub fn print_markup(kaart: &Kaart, k: &Colouring, chosen: &[GemeenteId]) -> String {
    format!(
        r#"<figure class="kaart kaart--afdruk"><svg class="kaart__blad" viewBox="{vb}" role="img" aria-label="{label}">{drawing}</svg><figcaption>{legend}<p class="kaart__samenvatting">{summary}</p><p class="kaart__bron">{bron}</p></figcaption></figure>"#,
        vb = escape(&kaart.country.view_box()),
        label = escape(&k.summary),
        drawing = drawing_markup(kaart, k, chosen, "verslag-arcering"),
        legend = legend_markup(k),
        summary = escape(&k.summary),
        bron = escape(&kaart.bron),
    )
}

/// In the report instead of the map, when its file could not be read: why, in Dutch.
pub fn print_failure_markup(reason: &str) -> String {
    format!(
        r#"<p class="nl-paragraph kaart__afdruk-fout" data-testid="verslag-kaart-fout">De kaart kan niet worden afgedrukt. {}</p>"#,
        escape(reason)
    )
}

/// The tip beside the gemeente under the pointer or the arrow keys: its name and value, and
/// what choosing it does, in the words of the device: "Klik of Enter" for a mouse and a
/// keyboard, "Tik" on a touch screen (the stylesheet shows the one that fits, by
/// `pointer: coarse`). `chooses`: the area a choice takes, when it is not the gemeente itself.
pub fn tip_markup(name_and_value: &str, chooses: Option<&str>) -> String {
    let what = chooses.map(|area| format!("{} kiezen", escape(area))).unwrap_or_else(|| "kiezen".to_string());
    format!(
        r#"<strong>{}</strong><span class="kaart__tip-muis">Klik of Enter: {what}</span><span class="kaart__tip-tik">Tik: {what}</span>"#,
        escape(name_and_value)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::Inputs;
    use crate::model::testing::{data, gemeente};
    use crate::view::kaart::{Klasse, colouring};
    use crate::view::measure::{Maat, Schaal};

    fn kaart() -> Kaart {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/kaart/gemeenten-2013.txt")).unwrap();
        crate::text::kaart::read(data(), &text).unwrap()
    }

    fn coloured() -> Colouring {
        let inputs = Inputs::new(data());
        colouring(data(), &inputs.outcome(data()), Maat::Frictiekosten, Schaal::Aandeel)
    }

    const HOSTILE: &str = r#"M0 0"></path></svg><img src=x onerror=alert(1)><svg><path d='M0 0"#;

    /// No element but those the writer wrote, and no quote that ends an attribute early:
    /// every `"` in the markup opens or closes one of the writer's own attribute values.
    fn assert_inert(html: &str) {
        assert!(!html.contains("<img") && !html.contains("<svg><path d='"), "{html}");
        assert!(!html.contains('\''), "a quote of the input got through: {html}");
        for piece in html.split('"').skip(1).step_by(2) {
            assert!(!piece.contains(['<', '>']), "an attribute value holds markup: {piece}");
        }
    }

    #[test]
    fn the_writers_escape_hostile_files_and_names() {
        // A drawing as the reader never lets it through, to test the second lock.
        let mut kaart = kaart();
        kaart.region_borders = HOSTILE.into();
        kaart.organisation_borders = HOSTILE.into();
        kaart.outline = HOSTILE.into();
        kaart.bron = format!("<b>bron</b>{HOSTILE}");
        for v in kaart.shapes_mut() {
            v.d = HOSTILE.into();
        }
        let mut k = coloured();
        k.summary = format!("Samenvatting {HOSTILE}");
        k.legend = vec![Klasse { number: 9, label: HOSTILE.into(), count: 1 }];
        k.klasse[0] = 99;
        let chosen = [gemeente("Assen"), gemeente("'s-Hertogenbosch")];
        let printed = print_markup(&kaart, &k, &chosen);
        for html in [
            &printed,
            &shapes_markup(&kaart, "x\"><img"),
            &chosen_fill(&kaart, &k, &chosen, "a\"><img"),
            &legend_markup(&k),
        ] {
            assert_inert(html);
        }
        assert!(printed.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(printed.contains("&lt;b&gt;bron&lt;/b&gt;"));
        assert!(print_failure_markup(HOSTILE).contains("De kaart kan niet worden afgedrukt. M0 0&quot;&gt;"));
        assert_inert(&print_failure_markup(HOSTILE));
    }

    #[test]
    fn the_real_drawing_is_written_as_it_is() {
        let kaart = kaart();
        let k = coloured();
        let printed = print_markup(&kaart, &k, &[gemeente("Assen")]);
        assert_eq!(printed.matches("<path").count(), 408 + 1 + 1 + 3);
        assert!(printed.contains(&format!(r#"d="{}""#, kaart.region_borders)));
        assert!(printed.contains("© CBS/PDOK"));
        let shapes = shapes_markup(&kaart, "kaart-g");
        assert!(shapes.starts_with(r#"<path id="kaart-g-0" data-i="0" role="option""#));
        assert_eq!(shapes.matches("role=\"option\"").count(), 408);
    }

    #[test]
    fn the_tip_says_what_a_click_or_a_tap_chooses_and_escapes_names() {
        let tip = tip_markup("Groningen: 6,4%", None);
        assert!(tip.contains("Klik of Enter: kiezen") && tip.contains("Tik: kiezen"), "{tip}");
        let tip = tip_markup(HOSTILE, Some("<b>MEE</b>"));
        assert!(!tip.contains("<img") && !tip.contains("<b>"), "{tip}");
        assert!(tip.contains("Tik: &lt;b&gt;MEE&lt;/b&gt; kiezen"), "{tip}");
    }
}
