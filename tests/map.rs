//! The map's drawing data: `public/kaart/gemeenten-2013.txt`, written by
//! `scripts/build-map.mjs` (the format is described at the top of that script and in
//! `docs/sources/geo/BRON.md`; `node scripts/build-map.mjs --check` fails when the file is not
//! what the script writes).
//!
//! Every gemeente of the data has exactly one shape, in the data's order, and no shape names
//! anything else; every path is well-formed in the few SVG commands the script writes, lies
//! inside the viewBox, and every label point lies inside its gemeente; the meshes are there
//! and are exactly the borders between gemeenten of different MEE-organisaties, of different
//! jeugdregio's, and the outline of Nederland. The tests at the bottom feed it broken copies.

// Tests may sort as they like; the wasm is what clippy.toml keeps to one sort.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet, HashSet};

use mee_frictiekosten::model::data::{Dataset, Gemeente};
use mee_frictiekosten::model::testing::data;

const MAP_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/kaart/gemeenten-2013.txt");

type Point = (i64, i64);
type Ring = Vec<Point>;
type Segment = (Point, Point);

fn map_text() -> String {
    std::fs::read_to_string(MAP_PATH).unwrap_or_else(|e| panic!("{MAP_PATH}: {e}; run node scripts/build-map.mjs"))
}

struct Shape<'a> {
    naam: &'a str,
    label: Point,
    rings: Vec<Ring>,
}

struct Map<'a> {
    width: i64,
    height: i64,
    attribution: &'a str,
    gemeenten: Vec<Shape<'a>>,
    organisaties: Vec<Ring>,
    jeugdregios: Vec<Ring>,
    outline: Vec<Ring>,
}

/// One integer at `b[*i]`: "0" or an optional "-" and digits without a leading zero. A number
/// after another is preceded by one space, or directly by its "-".
fn number(b: &[u8], i: &mut usize, after_number: bool) -> Result<i64, String> {
    if after_number && b.get(*i) == Some(&b' ') {
        *i += 1;
        if !b.get(*i).is_some_and(u8::is_ascii_digit) {
            return Err(format!("a space not followed by a digit at byte {i}"));
        }
    } else if after_number && b.get(*i) != Some(&b'-') {
        return Err(format!("expected a separator or '-' at byte {i}"));
    }
    let start = *i;
    let negative = b.get(*i) == Some(&b'-');
    if negative {
        *i += 1;
    }
    let digits = *i;
    while b.get(*i).is_some_and(u8::is_ascii_digit) {
        *i += 1;
    }
    let text = std::str::from_utf8(&b[start..*i]).map_err(|e| e.to_string())?;
    match *i - digits {
        0 => Err(format!("expected a number at byte {start}")),
        n if n > 6 => Err(format!("number {text} is too long")),
        n if b[digits] == b'0' && (n > 1 || negative) => Err(format!("number {text} is not written shortest")),
        _ => text.parse().map_err(|e| format!("{text}: {e}")),
    }
}

/// SVG path data in the script's subset: subpaths "M x y" followed by "l" and relative pairs,
/// each closed by "z" when `closed` (a shape) and never when not (a mesh). Returns each
/// subpath's absolute points; the closing segment of a ring is implied.
fn parse_path(d: &str, closed: bool) -> Result<Vec<Ring>, String> {
    let b = d.as_bytes();
    if b.is_empty() {
        return Err("empty path".into());
    }
    let mut i = 0;
    let mut rings = Vec::new();
    while i < b.len() {
        if b[i] != b'M' {
            return Err(format!("expected 'M' at byte {i}"));
        }
        i += 1;
        let mut at = (number(b, &mut i, false)?, number(b, &mut i, true)?);
        let mut ring = vec![at];
        if b.get(i) == Some(&b'l') {
            i += 1;
            let mut first = true;
            while i < b.len() && (b[i] == b' ' || b[i] == b'-' || (first && b[i].is_ascii_digit())) {
                let step = (number(b, &mut i, !first)?, number(b, &mut i, true)?);
                if step == (0, 0) {
                    return Err(format!("a step of length 0 before byte {i}"));
                }
                at = (at.0 + step.0, at.1 + step.1);
                ring.push(at);
                first = false;
            }
            if first {
                return Err(format!("'l' without coordinates at byte {i}"));
            }
        }
        if closed {
            if b.get(i) != Some(&b'z') {
                return Err(format!("expected 'z' at byte {i}"));
            }
            i += 1;
            let twice_area: i64 = (0..ring.len())
                .map(|k| {
                    let (p, q) = (ring[k], ring[(k + 1) % ring.len()]);
                    p.0 * q.1 - q.0 * p.1
                })
                .sum();
            if ring.len() < 3 || twice_area == 0 {
                return Err(format!("a ring without area before byte {i}"));
            }
        } else if ring.len() < 2 {
            return Err(format!("a line without a segment before byte {i}"));
        }
        rings.push(ring);
    }
    Ok(rings)
}

fn parse(text: &str) -> Result<Map<'_>, String> {
    if !text.ends_with('\n') || text.contains('\r') {
        return Err("lines must end in \\n, the last one too".into());
    }
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let [kind, version, view_box] = header[..] else { return Err(format!("bad header line {header:?}")) };
    if kind != "KAART" || version != "1" {
        return Err(format!("expected KAART version 1, got {kind} {version}"));
    }
    let view_box: Vec<i64> = view_box.split(' ').map(|n| n.parse().unwrap_or(-1)).collect();
    let [0, 0, width, height] = view_box[..] else { return Err(format!("bad viewBox {view_box:?}")) };
    if width <= 0 || height <= 0 {
        return Err(format!("bad viewBox {view_box:?}"));
    }
    let mut map = Map {
        width,
        height,
        attribution: "",
        gemeenten: Vec::new(),
        organisaties: Vec::new(),
        jeugdregios: Vec::new(),
        outline: Vec::new(),
    };
    let mut seen = HashSet::new();
    for (n, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let at = |e: String| format!("line {}: {} {e}", n + 2, fields[0]);
        if fields[0] != "G" && !seen.insert(fields[0]) {
            return Err(at("occurs twice".into()));
        }
        match fields[..] {
            ["B", attribution] => map.attribution = attribution,
            ["G", naam, x, y, d] => {
                let label = (x.parse().map_err(|e| at(format!("{e}")))?, y.parse().map_err(|e| at(format!("{e}")))?);
                map.gemeenten.push(Shape {
                    naam,
                    label,
                    rings: parse_path(d, true).map_err(|e| at(format!("{naam}: {e}")))?,
                });
            }
            ["M", d] => map.organisaties = parse_path(d, false).map_err(at)?,
            ["R", d] => map.jeugdregios = parse_path(d, false).map_err(at)?,
            ["N", d] => map.outline = parse_path(d, true).map_err(at)?,
            ["B" | "G" | "M" | "R" | "N", ..] => return Err(at(format!("has {} fields", fields.len()))),
            _ => {} // a record of a later version: readers skip it
        }
    }
    for (kind, what) in
        [("B", "attribution"), ("M", "MEE-organisatie borders"), ("R", "jeugdregio borders"), ("N", "outline")]
    {
        if !seen.contains(kind) {
            return Err(format!("no {kind} line ({what})"));
        }
    }
    Ok(map)
}

/// The segments of rings (closed: with the segment back to the start) or lines, each with its
/// end points in order, so that both directions are the same segment.
fn segments(rings: &[Ring], closed: bool) -> impl Iterator<Item = Segment> + '_ {
    rings.iter().flat_map(move |ring| {
        let n = if closed { ring.len() } else { ring.len() - 1 };
        (0..n).map(move |k| {
            let (p, q) = (ring[k], ring[(k + 1) % ring.len()]);
            (p.min(q), p.max(q))
        })
    })
}

/// Even-odd rule over all rings of a shape.
fn inside(point: Point, rings: &[Ring]) -> bool {
    let (x, y) = point;
    let mut odd = false;
    for ((x1, y1), (x2, y2)) in rings.iter().flat_map(|r| (0..r.len()).map(move |k| (r[k], r[(k + 1) % r.len()]))) {
        if (y1 > y) != (y2 > y) {
            // x of the edge at height y, compared without division: x < x1 + (y - y1)(x2 - x1)/(y2 - y1)
            let lhs = (x - x1) * (y2 - y1);
            let rhs = (y - y1) * (x2 - x1);
            if (y2 > y1 && lhs < rhs) || (y2 < y1 && lhs > rhs) {
                odd = !odd;
            }
        }
    }
    odd
}

fn compare(what: &str, expected: &BTreeSet<Segment>, actual: &[Segment]) -> Result<(), String> {
    let actual_set: BTreeSet<Segment> = actual.iter().copied().collect();
    if actual_set.len() != actual.len() {
        return Err(format!("{what}: a segment is drawn twice"));
    }
    if let Some(s) = expected.difference(&actual_set).next() {
        return Err(format!("{what}: the border segment {s:?} is missing ({} in all)", expected.len()));
    }
    if let Some(s) = actual_set.difference(expected).next() {
        return Err(format!("{what}: the segment {s:?} is not such a border"));
    }
    Ok(())
}

/// Everything the file promises about the data set.
fn check(text: &str, data: &Dataset) -> Result<(), String> {
    let map = parse(text)?;
    if !map.attribution.contains("CBS/PDOK") {
        return Err(format!("the attribution names no CBS/PDOK: {:?}", map.attribution));
    }
    let known: HashSet<&str> = data.gemeenten.iter().map(|g| g.naam.as_str()).collect();
    let mut named = HashSet::new();
    for shape in &map.gemeenten {
        if !known.contains(shape.naam) {
            return Err(format!("a shape names {:?}, which is no gemeente of the data", shape.naam));
        }
        if !named.insert(shape.naam) {
            return Err(format!("{} has two shapes", shape.naam));
        }
    }
    if let Some(g) = data.gemeenten.iter().find(|g| !named.contains(g.naam.as_str())) {
        return Err(format!("{} has no shape", g.naam));
    }
    if let Some((i, g)) = data.gemeenten.iter().enumerate().find(|(i, g)| map.gemeenten[*i].naam != g.naam) {
        return Err(format!(
            "shape {i} is {}, not {}: the shapes are not in the data's order",
            map.gemeenten[i].naam, g.naam
        ));
    }
    let in_view = |&(x, y): &Point| (0..=map.width).contains(&x) && (0..=map.height).contains(&y);
    for shape in &map.gemeenten {
        if !shape.rings.iter().flatten().all(in_view) {
            return Err(format!("{} lies partly outside the viewBox", shape.naam));
        }
        if !inside(shape.label, &shape.rings) {
            return Err(format!("the label point of {} {:?} is not inside it", shape.naam, shape.label));
        }
    }
    for (what, rings) in [("M", &map.organisaties), ("R", &map.jeugdregios), ("N", &map.outline)] {
        if !rings.iter().flatten().all(in_view) {
            return Err(format!("{what} lies partly outside the viewBox"));
        }
    }

    // Which gemeenten each segment of the shapes borders: two for an inner border, one for
    // the outline.
    let mut sides: BTreeMap<Segment, Vec<&Gemeente>> = BTreeMap::new();
    for (shape, gemeente) in map.gemeenten.iter().zip(&data.gemeenten) {
        for s in segments(&shape.rings, true) {
            sides.entry(s).or_default().push(gemeente);
        }
    }
    if let Some((s, g)) = sides.iter().find(|(_, g)| g.len() > 2) {
        return Err(format!("the segment {s:?} is a side of {} shapes", g.len()));
    }
    // Water narrower than the grid between two gemeenten (the source has one such place, at
    // the Lauwersmeer between Dongeradeel and Kollumerland en Nieuwkruisland) puts both
    // shores on one segment: a side of both gemeenten, yet no border between them, and the
    // outline runs along it there and back.
    let mut drawn: BTreeMap<Segment, usize> = BTreeMap::new();
    for s in segments(&map.outline, true) {
        *drawn.entry(s).or_default() += 1;
    }
    let gaps: BTreeSet<Segment> =
        drawn.iter().filter(|(s, c)| **c == 2 && sides.get(s).is_some_and(|g| g.len() == 2)).map(|(s, _)| *s).collect();
    if let Some((s, _)) = drawn.iter().find(|(s, c)| **c > 1 && !gaps.contains(s)) {
        return Err(format!("N (outline): the segment {s:?} is drawn twice"));
    }
    let border = |differ: &dyn Fn(&Gemeente, &Gemeente) -> bool| -> BTreeSet<Segment> {
        sides.iter().filter(|(s, g)| g.len() == 2 && differ(g[0], g[1]) && !gaps.contains(s)).map(|(s, _)| *s).collect()
    };
    let organisaties = border(&|a, b| a.organisatie != b.organisatie);
    let jeugdregios = border(&|a, b| a.jeugdregio != b.jeugdregio);
    let outline: BTreeSet<Segment> =
        sides.iter().filter(|(s, g)| g.len() == 1 || gaps.contains(*s)).map(|(s, _)| *s).collect();
    compare("M (MEE-organisaties)", &organisaties, &segments(&map.organisaties, false).collect::<Vec<_>>())?;
    compare("R (jeugdregio's)", &jeugdregios, &segments(&map.jeugdregios, false).collect::<Vec<_>>())?;
    compare("N (outline)", &outline, &drawn.keys().copied().collect::<Vec<_>>())?;
    Ok(())
}

#[test]
fn the_map_has_every_gemeente_once_and_its_borders() {
    check(&map_text(), data()).unwrap_or_else(|e| panic!("{MAP_PATH}: {e}"));
}

#[test]
fn the_map_has_the_expected_extent_and_detail() {
    let text = map_text();
    let map = parse(&text).unwrap();
    assert!((900..=1200).contains(&map.width), "about 1000 units wide: {}", map.width);
    assert!(map.height > map.width, "Nederland is taller than wide: {} × {}", map.width, map.height);
    assert_eq!(map.gemeenten.len(), 408);
    // The multi-part gemeenten of the source keep their parts (BRON.md: 412 rings).
    assert_eq!(map.gemeenten.iter().map(|g| g.rings.len()).sum::<usize>(), 412);
    assert!(!map.organisaties.is_empty() && !map.jeugdregios.is_empty() && !map.outline.is_empty());
    // Some organisation borders are no jeugdregio border and the other way round.
    let m: BTreeSet<Segment> = segments(&map.organisaties, false).collect();
    let r: BTreeSet<Segment> = segments(&map.jeugdregios, false).collect();
    assert!(m.difference(&r).next().is_some() && r.difference(&m).next().is_some());
    assert!(text.len() < 200_000, "the file stays small: {} bytes", text.len());
}

// The check fails on broken copies of the file.

fn broken(edit: impl Fn(&str) -> String) -> String {
    let text = map_text();
    let copy = edit(&text);
    assert_ne!(copy, text, "the edit changed nothing");
    check(&copy, data()).expect_err("a broken copy passes the check")
}

fn without_line(text: &str, starts: &str) -> String {
    let mut out = String::new();
    let mut removed = false;
    for line in text.lines() {
        if !removed && line.starts_with(starts) {
            removed = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_missing_shape_fails() {
    let e = broken(|t| without_line(t, "G\tGroningen\t"));
    assert!(e.contains("Groningen has no shape"), "{e}");
}

#[test]
fn a_shape_twice_or_of_no_gemeente_fails() {
    let e = broken(|t| {
        let line = t.lines().find(|l| l.starts_with("G\tAssen\t")).unwrap();
        t.replacen("\nM\t", &format!("\n{line}\nM\t"), 1)
    });
    assert!(e.contains("Assen has two shapes"), "{e}");
    let e = broken(|t| t.replacen("G\tAssen\t", "G\tAssen-Zuid\t", 1));
    assert!(e.contains("no gemeente"), "{e}");
    let e = broken(|t| {
        let a = t.lines().find(|l| l.starts_with("G\tAalten\t")).unwrap();
        let b = t.lines().find(|l| l.starts_with("G\tAssen\t")).unwrap();
        t.replacen(a, "\u{1}", 1).replacen(b, a, 1).replacen('\u{1}', b, 1)
    });
    assert!(e.contains("not in the data's order"), "{e}");
}

#[test]
fn a_bad_path_fails() {
    // Amsterdam has two rings: "G\tAmsterdam\tx\ty\tM…z M…z".
    type Edit = fn(&str) -> String;
    let edits: [(&str, Edit); 8] = [
        ("a ring not closed", |l| l[..l.len() - 1].to_string()),
        ("a stray command", |l| format!("{l}z")),
        ("a command the script does not write", |l| l.replacen('l', "L", 1)),
        ("not an integer", |l| l.replacen('l', "l1.5 ", 1)),
        ("a step of length 0", |l| l.replacen('l', "l0 0", 1)),
        ("a space before the first number", |l| l.replacen('l', "l ", 1)),
        ("a number not written shortest", |l| l.replacen("\tM", "\tM-01 ", 1)),
        ("outside the viewBox", |l| l.replacen("\tM", "\tM9", 1)),
    ];
    for (what, edit) in edits {
        let e = broken(|t| {
            let line = t.lines().find(|l| l.starts_with("G\tAmsterdam\t")).unwrap();
            t.replacen(line, &edit(line), 1)
        });
        assert!(e.contains("Amsterdam"), "{what}: {e}");
    }
    let e = broken(|t| {
        let line = t.lines().find(|l| l.starts_with("G\tAmsterdam\t")).unwrap();
        let (head, _) = line.rsplit_once('\t').unwrap();
        t.replacen(line, &format!("{head}\t"), 1)
    });
    assert!(e.contains("Amsterdam: empty path"), "{e}");
}

#[test]
fn missing_or_wrong_meshes_fail() {
    for (kind, message) in [("M\t", "no M line"), ("R\t", "no R line"), ("N\t", "no N line"), ("B\t", "no B line")] {
        let e = broken(|t| without_line(t, kind));
        assert!(e.contains(message), "{kind}: {e}");
    }
    let e = broken(|t| {
        let line = t.lines().find(|l| l.starts_with("R\t")).unwrap();
        t.replacen(line, "R\t", 1)
    });
    assert!(e.contains("empty path"), "{e}");
    // The jeugdregio borders drawn as the organisation borders: the wrong mesh.
    let e = broken(|t| {
        let r = t.lines().find(|l| l.starts_with("R\t")).unwrap();
        let m = t.lines().find(|l| l.starts_with("M\t")).unwrap();
        t.replacen(m, &r.replacen('R', "M", 1), 1)
    });
    assert!(e.contains("M (MEE-organisaties)"), "{e}");
    // One line of a mesh left out.
    let e = broken(|t| {
        let m = t.lines().find(|l| l.starts_with("M\t")).unwrap();
        let last = m.rfind('M').unwrap();
        t.replacen(m, &m[..last], 1)
    });
    assert!(e.contains("is missing"), "{e}");
}
