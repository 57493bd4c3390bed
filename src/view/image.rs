//! Downloadable images: a chart or the map as an SVG file that stands on its own, opened in
//! a browser, a word processor or a drawing program without the page around it. So no class
//! that the page's stylesheet would colour: sizes, fonts and colours are written on the
//! elements as presentation attributes (no `<style>`, which some programs ignore), the
//! title is the file's `<title>` and a line of text at the top, and the source is written
//! at the bottom. `crate::view::chart_image` and `crate::view::kaart_image` lay out the two
//! kinds; the `ui` layer offers the file, and draws it as a PNG where the browser can.
//!
//! SVG text does not wrap by itself and no font can be measured here, so lines are broken
//! at a number of characters that fits at a generous average width per character.
//! Every text goes through [`escape`]: an area's or a scenario's name cannot end an element.

use std::fmt::Write as _;

use crate::view::html::escape;
use crate::view::memo::GRONDSLAG;

/// The width of every image, in CSS pixels; a PNG is drawn at twice this.
pub const WIDTH: u32 = 720;
/// The space around the content.
pub const MARGIN: u32 = 24;
/// The font, with the fallbacks of the page's own (style/thema-standaard.css).
pub const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

/// The default theme's colours (style/thema-standaard.css): a file does not know the page's
/// huisstijl.
pub mod kleur {
    pub const TEKST: &str = "#1b1b1b";
    pub const SUBTIEL: &str = "#4d4d4d";
    pub const ACCENT: &str = "#154273";
    pub const ACCENT_LICHT: &str = "#8fa8c4";
    pub const RAND: &str = "#6b6b6b";
    pub const ACHTERGROND: &str = "#ffffff";
}

/// Text sizes, in pixels.
pub const TITEL: u32 = 18;
pub const TEKST: u32 = 14;
pub const KLEIN: u32 = 12;

/// A finished image: the file's text and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The source line of every image: what made it, when, and on what it rests.
pub fn bron(datum: &str) -> String {
    format!("Bron: Rekenhulp frictiekosten MEE 2015, berekend op {datum} op basis van {GRONDSLAG}.")
}

/// How much text fits on a line `width` pixels wide at `size`: an average character taken
/// as 0,6 of the size, wider than most text in the fonts above.
pub fn fits(width: u32, size: u32) -> usize {
    (width * 10 / (size * 6).max(1)).max(1) as usize
}

/// `text` in lines of at most `max` characters, broken at spaces (not at no-break spaces:
/// "€ 1.234" stays together); a word longer than a line is cut.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split([' ', '\n']).filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..max).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A text's look: size, colour, bold, and where its x is (start or end).
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub size: u32,
    pub fill: &'static str,
    pub bold: bool,
    pub end: bool,
}

impl Look {
    pub const TITEL: Look = Look { size: TITEL, fill: kleur::TEKST, bold: true, end: false };
    pub const TEKST: Look = Look { size: TEKST, fill: kleur::TEKST, bold: false, end: false };
    pub const VET: Look = Look { size: TEKST, fill: kleur::TEKST, bold: true, end: false };
    pub const KLEIN: Look = Look { size: KLEIN, fill: kleur::SUBTIEL, bold: false, end: false };

    pub const fn at_end(self) -> Look {
        Look { end: true, ..self }
    }

    /// The distance from one line's baseline to the next.
    pub const fn line_height(self) -> u32 {
        self.size * 4 / 3
    }
}

/// One `<text>` with its baseline at (`x`, `y`), the text escaped.
pub fn text(x: u32, y: u32, look: Look, content: &str) -> String {
    format!(
        r#"<text x="{x}" y="{y}" font-size="{}" fill="{}"{}{}>{}</text>"#,
        look.size,
        look.fill,
        if look.bold { r#" font-weight="700""# } else { "" },
        if look.end { r#" text-anchor="end""# } else { "" },
        escape(content)
    )
}

/// An image written from the top down: each block placed below the one before.
pub struct Sheet {
    body: String,
    /// Where the next block begins.
    pub y: u32,
}

impl Default for Sheet {
    fn default() -> Self {
        Sheet::new()
    }
}

impl Sheet {
    pub fn new() -> Sheet {
        Sheet { body: String::new(), y: MARGIN }
    }

    /// The width inside the margins.
    pub const INNER: u32 = WIDTH - 2 * MARGIN;

    /// `content` in lines that fit the width inside the margins.
    pub fn paragraph(&mut self, content: &str, look: Look) {
        for line in wrap(content, fits(Sheet::INNER, look.size)) {
            self.y += look.size;
            self.body.push_str(&text(MARGIN, self.y, look, &line));
            self.y += look.line_height() - look.size;
        }
    }

    /// Markup the caller wrote (every text in it escaped), taking `height` pixels.
    pub fn block(&mut self, markup: &str, height: u32) {
        self.body.push_str(markup);
        self.y += height;
    }

    pub fn gap(&mut self, height: u32) {
        self.y += height;
    }

    /// The file: its size, font and background, `title` as its `<title>`, the content.
    pub fn finish(self, title: &str) -> Image {
        let height = self.y + MARGIN;
        let mut svg = String::with_capacity(self.body.len() + 600);
        let _ = write!(
            svg,
            r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="{TEKST}" fill="{}"><title>{}</title>"#,
            kleur::TEKST,
            escape(title)
        );
        let _ = write!(svg, r#"<rect width="{WIDTH}" height="{height}" fill="{}"/>"#, kleur::ACHTERGROND);
        svg.push_str(&self.body);
        svg.push_str("</svg>\n");
        Image { svg, width: WIDTH, height }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Parses `svg` as XML (an error fails the test) and gives every text in it, in order,
    /// and the root's width and height.
    pub fn parsed(svg: &str) -> (Vec<String>, u32, u32) {
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        let size = |name: &str| root.attribute(name).and_then(|v| v.parse().ok()).unwrap_or(0);
        let texts = root
            .descendants()
            .filter(|n| n.is_element() && matches!(n.tag_name().name(), "text" | "title"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect();
        (texts, size("width"), size("height"))
    }

    #[test]
    fn lines_break_between_words_and_cut_what_is_longer() {
        assert_eq!(wrap("Bron: de Rekenhulp frictiekosten", 13), ["Bron: de", "Rekenhulp", "frictiekosten"]);
        assert_eq!(wrap("abcdefghij kl", 4), ["abcd", "efgh", "ij", "kl"]);
        assert_eq!(wrap("  ", 4), Vec::<String>::new());
        assert_eq!(wrap("a €\u{a0}1.234", 8), ["a", "€\u{a0}1.234"]);
        assert_eq!(fits(672, 14), 80);
    }

    #[test]
    fn a_sheet_is_a_standalone_svg_with_its_title() {
        let mut sheet = Sheet::new();
        sheet.paragraph("Titel <&\"'\u{202E}>", Look::TITEL);
        sheet.paragraph(&bron("05-12-2026"), Look::KLEIN);
        let image = sheet.finish("Titel <&\"'\u{202E}>");
        let (texts, width, height) = parsed(&image.svg);
        assert_eq!((width, height), (WIDTH, image.height));
        assert_eq!(texts[0], "Titel <&\"'>", "the title, escaped, without the bidi control");
        assert_eq!(texts[1], "Titel <&\"'>");
        assert!(texts[2].starts_with("Bron: Rekenhulp frictiekosten MEE 2015, berekend op 05-12-2026"));
        assert!(image.svg.contains(&format!(r#"font-family="{FONT}""#)));
    }
}
