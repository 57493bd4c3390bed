//! The map's drawing data, `public/kaart/gemeenten-2013.txt` (written by
//! `scripts/build-map.mjs`, whose header describes the format), read into one shape per
//! gemeente of our data. The page fetches the file when the map first comes into view, so it
//! is read as any outside text: a wrong or cut-off file is an error in Dutch, never a panic
//! and never a map with a gemeente missing.

use std::fmt;

use crate::model::data::{Dataset, GemeenteId, compact};

/// The one format version this reader knows.
const VERSION: &str = "1";

/// A rectangle in map units: x to the east, y to the south.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kader {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Kader {
    /// The smallest rectangle around both.
    pub fn join(self, o: Kader) -> Kader {
        Kader { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }

    /// As an SVG `viewBox` attribute.
    pub fn view_box(self) -> String {
        format!("{} {} {} {}", self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0)
    }
}

/// One gemeente's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vorm {
    /// SVG path data, ready for `<path d="…">`.
    pub d: String,
    /// A point well inside the shape, for a tooltip and for moving between gemeenten with
    /// the arrow keys.
    pub label: (i32, i32),
    pub kader: Kader,
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kaart {
    pub land: Kader,
    /// The attribution to show with the map.
    pub bron: String,
    /// Indexed by [`GemeenteId::index`].
    vormen: Vec<Vorm>,
    /// The borders between gemeenten of different MEE-organisaties (path data).
    pub organisatiegrenzen: String,
    /// The borders between gemeenten of different jeugdregio's.
    pub regiogrenzen: String,
    /// The coast and the national border.
    pub buitengrens: String,
}

impl Kaart {
    pub fn vorm(&self, g: GemeenteId) -> &Vorm {
        &self.vormen[g.index()]
    }

    /// Every shape, in the order of the gemeenten's ids.
    pub fn vormen(&self) -> &[Vorm] {
        &self.vormen
    }
}

/// Why the map's file could not be read: for the page, which says so and offers to retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KaartFout(String);

impl fmt::Display for KaartFout {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Het kaartbestand is niet te lezen: {}.", self.0)
    }
}

fn fout(regel: usize, wat: impl fmt::Display) -> KaartFout {
    KaartFout(format!("regel {regel}: {wat}"))
}

/// Reads the file; every gemeente of `data` must have exactly one shape.
pub fn read(data: &Dataset, text: &str) -> Result<Kaart, KaartFout> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let land = match lines.next().map(|(_, l)| l.split('\t').collect::<Vec<_>>()).as_deref() {
        Some(["KAART", VERSION, view_box]) => {
            kader_of_view_box(view_box).ok_or_else(|| fout(1, "geen geldig kader"))?
        }
        Some(["KAART", versie, _]) => return Err(fout(1, format_args!("versie {versie} is onbekend"))),
        _ => return Err(KaartFout("dit is geen kaartbestand".into())),
    };
    let mut kaart = Kaart {
        land,
        bron: String::new(),
        vormen: Vec::new(),
        organisatiegrenzen: String::new(),
        regiogrenzen: String::new(),
        buitengrens: String::new(),
    };
    let mut vormen: Vec<Option<Vorm>> = vec![None; data.gemeenten.len()];
    for (n, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["B", bron] => kaart.bron = (*bron).to_string(),
            ["G", naam, x, y, d] => {
                let g = data
                    .find_gemeente(&compact(naam))
                    .filter(|&g| data.gemeente(g).naam == *naam)
                    .ok_or_else(|| fout(n, format_args!("‘{naam}’ is geen gemeente van de tabel 2014")))?;
                let label = (
                    x.parse().map_err(|_| fout(n, "geen geldig punt"))?,
                    y.parse().map_err(|_| fout(n, "geen geldig punt"))?,
                );
                let kader =
                    kader_of_path(d).ok_or_else(|| fout(n, format_args!("de vorm van {naam} is onleesbaar")))?;
                let slot = &mut vormen[g.index()];
                if slot.is_some() {
                    return Err(fout(n, format_args!("{naam} staat er twee keer in")));
                }
                *slot = Some(Vorm { d: (*d).to_string(), label, kader });
            }
            ["M", d] => kaart.organisatiegrenzen = (*d).to_string(),
            ["R", d] => kaart.regiogrenzen = (*d).to_string(),
            ["N", d] => kaart.buitengrens = (*d).to_string(),
            // A later version's record: skipped, as the format promises.
            _ => {}
        }
    }
    let missing: Vec<&str> =
        data.gemeente_ids().filter(|g| vormen[g.index()].is_none()).map(|g| data.gemeente(g).naam.as_str()).collect();
    if let Some(first) = missing.first() {
        return Err(KaartFout(format!(
            "{} gemeenten hebben geen vorm, zoals {first}; het bestand is onvolledig",
            missing.len()
        )));
    }
    kaart.vormen = vormen.into_iter().flatten().collect();
    Ok(kaart)
}

fn kader_of_view_box(text: &str) -> Option<Kader> {
    let n: Vec<i32> = text.split(' ').map(str::parse).collect::<Result<_, _>>().ok()?;
    match n.as_slice() {
        &[x, y, w, h] if w > 0 && h > 0 => Some(Kader { x0: x, y0: y, x1: x.checked_add(w)?, y1: y.checked_add(h)? }),
        _ => None,
    }
}

/// The rectangle around path data in the file's subset ("M x y", "l dx dy …", "z");
/// `None` for anything else, or for no points at all.
fn kader_of_path(d: &str) -> Option<Kader> {
    let mut kader: Option<Kader> = None;
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
            let point = Kader { x0: x, y0: y, x1: x, y1: y };
            kader = Some(kader.map_or(point, |k| k.join(point)));
            numbers.clear();
        }
    }
    if numbers.is_empty() { kader } else { None }
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
        assert_eq!(kaart.vormen().len(), 408);
        assert!(kaart.bron.contains("CBS/PDOK"));
        assert!(!kaart.organisatiegrenzen.is_empty() && !kaart.regiogrenzen.is_empty());
        let assen = kaart.vorm(gemeente("Assen"));
        let k = assen.kader;
        assert!(k.x0 < assen.label.0 && assen.label.0 < k.x1 && k.y0 < assen.label.1 && assen.label.1 < k.y1);
        // Assen lies in the north-east, Maastricht in the south.
        let maastricht = kaart.vorm(gemeente("Maastricht"));
        assert!(assen.label.1 < maastricht.label.1 && assen.label.0 > kaart.land.x1 / 2);
        let all = kaart.vormen().iter().fold(assen.kader, |a, v| a.join(v.kader));
        assert!(kaart.land.x0 <= all.x0 && all.x1 <= kaart.land.x1 && all.y1 <= kaart.land.y1);
    }

    #[test]
    fn the_rectangle_of_a_path_follows_relative_steps() {
        let k = kader_of_path("M10 20l5-3-10 0z M1 1l1 1").unwrap();
        assert_eq!(k, Kader { x0: 1, y0: 1, x1: 15, y1: 20 });
        assert_eq!(k.view_box(), "1 1 14 19");
        for bad in ["", "M1", "M1 2l3", "M1 2 x", "C1 2 3 4", "M99999999999 1", "M1 2lé"] {
            assert_eq!(kader_of_path(bad), None, "{bad}");
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
}
