//! The map as a downloadable SVG (`crate::view::image`): a title, the drawing of the printed
//! report (`crate::view::kaart_markup::drawing_markup`, the one writer of the shapes, whose
//! colours and lines are written on its elements), the
//! area outlined on it, the legend with its swatches, the summary, and the sources: the
//! calculation's and the drawing's own attribution.

use crate::model::data::GemeenteId;
use crate::text::kaart::Kaart;
use crate::view::image::{Image, Look, MARGIN, Sheet, kleur, text};
use crate::view::kaart::Colouring;
use crate::view::kaart_markup::{drawing_markup, fill};

/// The hatching's id in the file.
const HATCHING: &str = "kaart-arcering";

/// What the downloaded map says at the top.
pub fn title(k: &Colouring) -> String {
    format!("Kaart: {}", k.maat.heading(k.schaal))
}

/// The map coloured as `k`, `chosen` outlined and named `gebied` (none for Nederland),
/// with `bron` (`crate::view::image::bron`) and the drawing's attribution under it.
pub fn kaart_image(kaart: &Kaart, k: &Colouring, chosen: &[GemeenteId], gebied: Option<&str>, bron: &str) -> Image {
    let titel = title(k);
    let mut sheet = Sheet::new();
    sheet.paragraph(&titel, Look::TITEL);
    if let Some(gebied) = gebied {
        sheet.paragraph(&format!("Omlijnd: {gebied}"), Look::TEKST);
    }
    sheet.gap(8);
    let country = kaart.country;
    let (w, h) = ((country.x1 - country.x0).max(1) as u32, (country.y1 - country.y0).max(1) as u32);
    let height = Sheet::INNER * h / w;
    let drawing = format!(
        r#"<svg x="{MARGIN}" y="{}" width="{}" height="{height}" viewBox="{}">{}</svg>"#,
        sheet.y,
        Sheet::INNER,
        crate::view::html::escape(&country.view_box()),
        drawing_markup(kaart, k, chosen, HATCHING)
    );
    sheet.block(&drawing, height + 16);
    sheet.paragraph(&k.maat.heading(k.schaal), Look::VET);
    sheet.gap(4);
    for c in &k.legend {
        let fill = fill(c.number, HATCHING);
        let gemeenten = if c.count == 1 { "gemeente" } else { "gemeenten" };
        let mut entry = format!(
            r#"<rect x="{MARGIN}" y="{}" width="24" height="16" fill="{fill}" stroke="{}" stroke-width="1"/>"#,
            sheet.y + 2,
            kleur::RAND
        );
        entry.push_str(&text(
            MARGIN + 32,
            sheet.y + 15,
            Look::TEKST,
            &format!("{} ({} {gemeenten})", c.label, c.count),
        ));
        sheet.block(&entry, 24);
    }
    sheet.gap(8);
    sheet.paragraph(&k.summary, Look::TEKST);
    sheet.gap(10);
    sheet.paragraph(bron, Look::KLEIN);
    sheet.paragraph(&kaart.bron, Look::KLEIN);
    sheet.finish(&titel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::Inputs;
    use crate::model::testing::{data, gemeente};
    use crate::view::image::bron;
    use crate::view::image::tests::parsed;
    use crate::view::kaart::{Klasse, colouring};
    use crate::view::measure::{Maat, Schaal};

    fn kaart() -> Kaart {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/kaart/gemeenten-2013.txt")).unwrap();
        crate::text::kaart::read(data(), &text).unwrap()
    }

    fn coloured() -> Colouring {
        let mut inputs = Inputs::new(data());
        let assen = crate::model::selection::Selection::Gemeente(gemeente("Assen"));
        inputs
            .scenario
            .apply(
                data(),
                assen,
                crate::model::data::Line::Co,
                crate::model::scenario::Change::Percent(rust_decimal::Decimal::from(-20)),
            )
            .expect("a valid change");
        colouring(data(), &inputs.outcome(data()), Maat::Frictiekosten, Schaal::Aandeel)
    }

    #[test]
    fn the_map_holds_its_title_legend_summary_and_sources() {
        let (kaart, k) = (kaart(), coloured());
        let image = kaart_image(&kaart, &k, &[gemeente("Assen")], Some("Assen (gemeente)"), &bron("05-12-2026"));
        let (texts, width, height) = parsed(&image.svg);
        assert_eq!((width, height), (image.width, image.height));
        assert_eq!(texts[0], "Kaart: Frictiekosten in % van het budget 2014");
        assert_eq!(texts[1], texts[0]);
        assert_eq!(texts[2], "Omlijnd: Assen (gemeente)");
        assert!(k.legend.len() >= 2, "{:?}", k.legend);
        for c in &k.legend {
            let gemeenten = if c.count == 1 { "gemeente" } else { "gemeenten" };
            let entry = format!("{} ({} {gemeenten})", c.label, c.count);
            assert!(texts.contains(&entry), "{entry} in {texts:?}");
        }
        let all = texts.join(" ");
        assert!(all.contains(&k.summary), "the summary, whole across its lines");
        assert!(all.contains("Bron: Rekenhulp frictiekosten MEE 2015, berekend op 05-12-2026"));
        assert!(all.contains("© CBS/PDOK"), "the drawing's attribution");
        // The 408 shapes, the chosen area's outline and fill, the three borders, the swatches.
        assert_eq!(image.svg.matches("<path").count(), 408 + 1 + 1 + 3);
        assert!(!image.svg.contains("<style"), "the look is written on the elements");
        assert!(image.svg.contains(r##"class="k1" fill="#e8635a""##), "the classes in their colours");
        let hatched = k.legend[0].count + 1;
        assert_eq!(image.svg.matches("url(#kaart-arcering)").count(), hatched, "the shapes without a cut, the swatch");
    }

    #[test]
    fn hostile_names_and_files_stay_text() {
        let hostile = "Assen <&\"'\u{202E}</text><script>\u{FFFE}";
        let mut kaart = kaart();
        kaart.bron = format!("Kaart: {hostile}");
        let mut k = coloured();
        k.summary = hostile.into();
        k.legend = vec![Klasse { number: 9, label: hostile.into(), count: 1 }];
        let image = kaart_image(&kaart, &k, &[], Some(hostile), hostile);
        let (texts, ..) = parsed(&image.svg);
        let shown = "Assen <&\"'</text><script>";
        assert!(texts.contains(&format!("Omlijnd: {shown}")), "{texts:?}");
        assert!(texts.contains(&format!("{shown} (1 gemeente)")), "{texts:?}");
        assert!(texts.contains(&format!("Kaart: {shown}")), "{texts:?}");
        assert!(!image.svg.contains("<script"));
    }
}
