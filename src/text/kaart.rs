//! The map's drawing data, `public/kaart/gemeenten-2013.txt` (written by
//! `scripts/build-map.mjs`, whose header describes the format), read into one shape per
//! gemeente of our data. The page fetches the file when the map first comes into view, so it
//! is read as any outside text: a wrong or cut-off file is an error in Dutch, never a panic
//! and never a map with a gemeente missing.

use std::fmt;

use crate::model::data::{Dataset, GemeenteId, compact};
use crate::text::untrusted;

/// The one format version this reader knows.
const VERSION: &str = "1";

/// The longest attribution read.
const MAX_BRON: usize = 200;

/// A line of borders: its record, and how a message names it (with the verb for "… is
/// onleesbaar" and "… ontbreekt").
struct Border {
    code: &'static str,
    naam: &'static str,
    verb: (&'static str, &'static str),
}

/// The border records, in the order of [`Kaart`]'s fields.
const BORDERS: [Border; 3] = [
    Border { code: "M", naam: "de grenzen tussen MEE-organisaties", verb: ("zijn", "ontbreken") },
    Border { code: "R", naam: "de grenzen tussen jeugdregio's", verb: ("zijn", "ontbreken") },
    Border { code: "N", naam: "de buitengrens van Nederland", verb: ("is", "ontbreekt") },
];

/// A rectangle in map units: x to the east, y to the south.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Bounds {
    /// The smallest rectangle around both.
    pub fn join(self, o: Bounds) -> Bounds {
        Bounds { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }

    /// As an SVG `viewBox` attribute.
    pub fn view_box(self) -> String {
        format!("{} {} {} {}", self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0)
    }
}

/// One gemeente's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// SVG path data, ready for `<path d="…">`.
    pub d: String,
    /// A point well inside the shape, for a tooltip and for moving between gemeenten with
    /// the arrow keys.
    pub label: (i32, i32),
    pub bounds: Bounds,
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kaart {
    pub country: Bounds,
    /// The attribution to show with the map.
    pub bron: String,
    /// Indexed by [`GemeenteId::index`].
    shapes: Vec<Shape>,
    /// The borders between gemeenten of different MEE-organisaties (path data).
    pub organisation_borders: String,
    /// The borders between gemeenten of different jeugdregio's.
    pub region_borders: String,
    /// The coast and the national border.
    pub outline: String,
}

impl Kaart {
    pub fn shape(&self, g: GemeenteId) -> &Shape {
        &self.shapes[g.index()]
    }

    /// Every shape, in the order of the gemeenten's ids.
    pub fn shapes(&self) -> &[Shape] {
        &self.shapes
    }

    /// For tests of the markup writers: shapes the reader would never let through.
    #[cfg(test)]
    pub fn shapes_mut(&mut self) -> &mut [Shape] {
        &mut self.shapes
    }
}

/// Why the map's file could not be read: for the page, which says so and offers to retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KaartError(String);

impl fmt::Display for KaartError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Het kaartbestand is niet te lezen: {}.", self.0)
    }
}

fn problem(line_number: usize, what: impl fmt::Display) -> KaartError {
    KaartError(format!("regel {line_number}: {what}"))
}

/// Reads the file; every gemeente of `data` must have exactly one shape.
pub fn read(data: &Dataset, text: &str) -> Result<Kaart, KaartError> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let country = match lines.next().map(|(_, l)| l.split('\t').collect::<Vec<_>>()).as_deref() {
        Some(["KAART", VERSION, view_box]) => {
            bounds_of_view_box(view_box).ok_or_else(|| problem(1, "geen geldig kader"))?
        }
        Some(["KAART", version, _]) => return Err(problem(1, format_args!("versie {version} is onbekend"))),
        _ => return Err(KaartError("dit is geen kaartbestand".into())),
    };
    let mut shapes: Vec<Option<Shape>> = vec![None; data.gemeenten.len()];
    let mut bron: Option<String> = None;
    let mut grenzen: [Option<String>; 3] = [None, None, None];
    for (n, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let kind = fields.first().copied().unwrap_or_default();
        let wanted = match kind {
            "B" | "M" | "R" | "N" => 2,
            "G" => 5,
            // A later version's record: skipped, as the format promises. Nothing of it is
            // kept, so nothing of it reaches the page.
            _ => continue,
        };
        if fields.len() != wanted {
            return Err(problem(
                n,
                format_args!("een regel {kind} hoort {wanted} velden te hebben, niet {}", fields.len()),
            ));
        }
        match fields.as_slice() {
            ["B", text] => {
                if bron.is_some() {
                    return Err(problem(n, "de bronvermelding staat er twee keer in"));
                }
                // Shown as text, but read as strictly as the shapes: one visible line.
                if untrusted::one_line(text, MAX_BRON).as_deref() != Some(*text) {
                    return Err(problem(n, "de bronvermelding is onleesbaar"));
                }
                bron = Some((*text).to_string());
            }
            ["G", naam, x, y, d] => {
                let g = data
                    .find_gemeente(&compact(naam))
                    .filter(|&g| data.gemeente(g).naam == *naam)
                    .ok_or_else(|| problem(n, format_args!("‘{naam}’ is geen gemeente van de tabel 2014")))?;
                let label = (
                    x.parse().map_err(|_| problem(n, "geen geldig punt"))?,
                    y.parse().map_err(|_| problem(n, "geen geldig punt"))?,
                );
                let bounds =
                    bounds_of_path(d).ok_or_else(|| problem(n, format_args!("de vorm van {naam} is onleesbaar")))?;
                let slot = &mut shapes[g.index()];
                if slot.is_some() {
                    return Err(problem(n, format_args!("{naam} staat er twee keer in")));
                }
                *slot = Some(Shape { d: (*d).to_string(), label, bounds });
            }
            [_, d] => {
                let Some(i) = BORDERS.iter().position(|g| g.code == kind) else { continue };
                let border = &BORDERS[i];
                if grenzen[i].is_some() {
                    return Err(problem(n, format_args!("de regel {kind} staat er twee keer in")));
                }
                // The same path data as a shape's, and nothing else: it is written into
                // markup (the printed report), so a quote or a tag must never get through.
                if bounds_of_path(d).is_none() {
                    return Err(problem(n, format_args!("{} {} onleesbaar", border.naam, border.verb.0)));
                }
                grenzen[i] = Some((*d).to_string());
            }
            _ => {}
        }
    }
    let missing: Vec<&str> =
        data.gemeente_ids().filter(|g| shapes[g.index()].is_none()).map(|g| data.gemeente(g).naam.as_str()).collect();
    if let Some(first) = missing.first() {
        return Err(KaartError(format!(
            "{} gemeenten hebben geen vorm, zoals {first}; het bestand is onvolledig",
            missing.len()
        )));
    }
    if let Some(i) = grenzen.iter().position(Option::is_none) {
        let border = &BORDERS[i];
        return Err(KaartError(format!("{} {}; het bestand is onvolledig", border.naam, border.verb.1)));
    }
    let bron = bron.ok_or_else(|| KaartError("de bronvermelding ontbreekt; het bestand is onvolledig".into()))?;
    let [organisation_borders, region_borders, outline] = grenzen.map(Option::unwrap_or_default);
    Ok(Kaart {
        country,
        bron,
        shapes: shapes.into_iter().flatten().collect(),
        organisation_borders,
        region_borders,
        outline,
    })
}

fn bounds_of_view_box(text: &str) -> Option<Bounds> {
    let n: Vec<i32> = text.split(' ').map(str::parse).collect::<Result<_, _>>().ok()?;
    match n.as_slice() {
        &[x, y, w, h] if w > 0 && h > 0 => Some(Bounds { x0: x, y0: y, x1: x.checked_add(w)?, y1: y.checked_add(h)? }),
        _ => None,
    }
}

/// The rectangle around path data in the file's subset ("M x y", "l dx dy …", "z");
/// `None` for anything else, or for no points at all.
fn bounds_of_path(d: &str) -> Option<Bounds> {
    let mut bounds: Option<Bounds> = None;
    let (mut x, mut y) = (0i32, 0i32);
    let mut relative = false;
    let mut numbers = Vec::with_capacity(2);
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        match c {
            'M' | 'l' | 'z' => {
                if !numbers.is_empty() {
                    return None;
                }
                relative = c == 'l';
                rest = &rest[1..];
                continue;
            }
            ' ' => {
                rest = &rest[1..];
                continue;
            }
            '-' | '0'..='9' => {}
            _ => return None,
        }
        let end = rest[1..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len(), |i| i + 1);
        numbers.push(rest[..end].parse::<i32>().ok()?);
        rest = &rest[end..];
        if let &[a, b] = numbers.as_slice() {
            (x, y) = if relative { (x.checked_add(a)?, y.checked_add(b)?) } else { (a, b) };
            let point = Bounds { x0: x, y0: y, x1: x, y1: y };
            bounds = Some(bounds.map_or(point, |k| k.join(point)));
            numbers.clear();
        }
    }
    if numbers.is_empty() { bounds } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{data, gemeente};

    fn file() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/kaart/gemeenten-2013.txt")).unwrap()
    }

    #[test]
    fn reads_the_file_with_a_shape_for_every_gemeente() {
        let kaart = read(data(), &file()).unwrap();
        assert_eq!(kaart.shapes().len(), 408);
        assert!(kaart.bron.contains("CBS/PDOK"));
        assert!(!kaart.organisation_borders.is_empty() && !kaart.region_borders.is_empty());
        let assen = kaart.shape(gemeente("Assen"));
        let k = assen.bounds;
        assert!(k.x0 < assen.label.0 && assen.label.0 < k.x1 && k.y0 < assen.label.1 && assen.label.1 < k.y1);
        // Assen lies in the north-east, Maastricht in the south.
        let maastricht = kaart.shape(gemeente("Maastricht"));
        assert!(assen.label.1 < maastricht.label.1 && assen.label.0 > kaart.country.x1 / 2);
        let all = kaart.shapes().iter().fold(assen.bounds, |a, v| a.join(v.bounds));
        assert!(kaart.country.x0 <= all.x0 && all.x1 <= kaart.country.x1 && all.y1 <= kaart.country.y1);
    }

    #[test]
    fn the_rectangle_of_a_path_follows_relative_steps() {
        let k = bounds_of_path("M10 20l5-3-10 0z M1 1l1 1").unwrap();
        assert_eq!(k, Bounds { x0: 1, y0: 1, x1: 15, y1: 20 });
        assert_eq!(k.view_box(), "1 1 14 19");
        for bad in ["", "M1", "M1 2l3", "M1 2 x", "C1 2 3 4", "M99999999999 1", "M1 2lé"] {
            assert_eq!(bounds_of_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn refuses_a_broken_file_in_dutch() {
        let text = file();
        let error = |t: &str| read(data(), t).unwrap_err().to_string();
        assert_eq!(error("<html>"), "Het kaartbestand is niet te lezen: dit is geen kaartbestand.");
        assert!(error(&text.replacen("KAART\t1", "KAART\t2", 1)).contains("versie 2 is onbekend"));
        // Cut off halfway: gemeenten missing.
        let half = &text[..text.len() / 2];
        let cut = &half[..half.rfind('\n').unwrap()];
        assert!(error(cut).contains("gemeenten hebben geen vorm"), "{}", error(cut));
        let assen = text.lines().find(|l| l.starts_with("G\tAssen\t")).unwrap();
        assert!(error(&format!("{text}{assen}\n")).contains("Assen staat er twee keer in"));
        assert!(error(&text.replace("G\tAssen\t", "G\tAsen\t")).contains("‘Asen’ is geen gemeente"));
        let broken = assen.replace('M', "Q");
        assert!(error(&text.replace(assen, &broken)).contains("de vorm van Assen is onleesbaar"));
        // A record of a later version is skipped.
        assert!(read(data(), &format!("{text}X\tiets nieuws\n")).is_ok());
    }

    /// The issue's attack: a border line that closes the attribute and the drawing and
    /// opens an element with a script. Every line is path data or nothing.
    #[test]
    fn refuses_markup_in_any_line() {
        let text = file();
        let error = |t: &str| read(data(), t).unwrap_err().to_string();
        let hostile = r#"M0 0"></path></svg><img src=x onerror=alert(1)><svg><path d="M0 0"#;
        let line = |kind: &str| text.lines().find(|l| l.starts_with(&format!("{kind}\t"))).unwrap().to_string();
        for (kind, says) in [
            ("R", "de grenzen tussen jeugdregio's zijn onleesbaar"),
            ("M", "de grenzen tussen MEE-organisaties zijn onleesbaar"),
            ("N", "de buitengrens van Nederland is onleesbaar"),
        ] {
            let tampered = text.replace(&line(kind), &format!("{kind}\t{hostile}"));
            let e = error(&tampered);
            assert!(e.starts_with("Het kaartbestand is niet te lezen: regel ") && e.contains(says), "{e}");
            // Path-data characters of another kind are refused too: only "M", "l", "z",
            // integers and spaces are written by scripts/build-map.mjs.
            for odd in ["M0 0 L1 1", "M0,0l1,1", "M0 0l1.5 1", "M0 0l1 1\"", "M0 0l1 1&"] {
                assert!(read(data(), &text.replace(&line(kind), &format!("{kind}\t{odd}"))).is_err(), "{odd}");
            }
        }
        let assen = line("G\tAssen");
        let with_markup = assen.replacen('z', &format!("z{hostile}"), 1);
        assert!(error(&text.replace(&assen, &with_markup)).contains("de vorm van Assen is onleesbaar"));
        let bron = line("B");
        assert!(error(&text.replace(&bron, "B\tKaart\u{202E}: CBS")).contains("de bronvermelding is onleesbaar"));
        assert!(error(&text.replace(&bron, "B\ta\u{7}b")).contains("de bronvermelding is onleesbaar"));
    }

    #[test]
    fn every_known_line_has_its_fields_once() {
        let text = file();
        let error = |t: &str| read(data(), t).unwrap_err().to_string();
        let r = text.lines().find(|l| l.starts_with("R\t")).unwrap();
        assert!(
            error(&text.replace(r, &format!("{r}\tmeer"))).contains("een regel R hoort 2 velden te hebben, niet 3")
        );
        assert!(error(&format!("{text}{r}\n")).contains("de regel R staat er twee keer in"));
        assert!(error(&text.replace(&format!("{r}\n"), "")).contains("de grenzen tussen jeugdregio's ontbreken"));
        let b = text.lines().find(|l| l.starts_with("B\t")).unwrap();
        assert!(error(&text.replace(&format!("{b}\n"), "")).contains("de bronvermelding ontbreekt"));
        let assen = text.lines().find(|l| l.starts_with("G\tAssen\t")).unwrap();
        assert!(error(&text.replace(assen, "G\tAssen\t1\t2")).contains("een regel G hoort 5 velden"));
    }
}
