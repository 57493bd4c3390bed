#!/usr/bin/env node
// Writes the drawing data of the map of the 408 gemeenten (2013/2014 indeling):
// public/kaart/gemeenten-2013.txt, from the repository's own files only:
//   docs/sources/geo/gemeente_2013_rd.topojson  CBS/PDOK gemeentegrenzen 2013 via cartomap/nl,
//                                              Rijksdriehoek (EPSG:28992), metres
//   docs/sources/geo/namen-2013.tsv             our gemeente name → the map's statcode
//   public/data/mee-budgetten-2014.csv         the jeugdregio and MEE-organisatie per gemeente
// docs/sources/geo/BRON.md records where the map comes from and its licence situation.
//
//   node scripts/build-map.mjs            write the file (same input, same bytes)
//   node scripts/build-map.mjs --check    exit 1 when the checked-in file differs from what
//                                         this script writes (called by scripts/test.sh)
//
// ## Format (version 1)
//
// UTF-8 text, "\n" line ends (also after the last line), one record per line, fields
// separated by one TAB. The first field says what the line is; a reader skips lines whose
// first field it does not know (later versions may add some).
//
//   KAART  1  0 0 1060 1253           version, then the viewBox of the drawing (an SVG
//                                      viewBox attribute as it is)
//   B  Kaart: © CBS/PDOK …            the attribution to show with the map
//   G  <naam>  <x>  <y>  <path>       one gemeente: its name exactly as in
//                                      mee-budgetten-2014.csv, a label point (integers,
//                                      inside the shape: for a tooltip), its shape
//   M  <path>                          the borders between different MEE-organisaties
//   R  <path>                          the borders between different jeugdregio's
//   N  <path>                          the outline of Nederland (coast and national border)
//
// The 408 G lines come first after the header lines, in the order of the CSV (so the i-th
// G line is gemeente i of the data), then M, R and N, one line each.
//
// A <path> is SVG path data, ready for <path d="…">, using three commands only:
// "M x y" (absolute move), "l dx dy dx dy …" (relative lines) and, for shapes, "z". All
// numbers are integers; a number is separated from the one before it by a space, or by
// nothing when it starts with "-" ("l3-2-1 4"). A shape (G, N) is one or more closed rings
// "M x y l … z" (at least three distinct points each); a mesh (M, R) is one or more open
// lines "M x y l …". Coordinates are on a grid of 250 m (RD), north up: x grows to the
// east, y to the south, and everything lies inside the viewBox with a margin of 2 units.
//
// What is done to the map: the shapes are simplified together (topojson-simplify,
// Visvalingam: points whose effective triangle is under MIN_AREA m² go, so neighbours keep
// sharing their border), snapped to the grid (topojson-client quantize), then written per
// gemeente (topojson-client feature) and as meshes of the arcs between gemeenten of
// different groups (topojson-client mesh); the outline is the union of all gemeenten
// (topojson-client merge). Label points: polylabel (pole of inaccessibility)
// of each gemeente's largest polygon, on the unsimplified shape, snapped to the same grid.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polylabel from 'polylabel';
import { feature, merge, mesh, quantize, untransform } from 'topojson-client';
import { planarRingArea, presimplify, simplify } from 'topojson-simplify';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOPOLOGY = 'docs/sources/geo/gemeente_2013_rd.topojson';
const NAMES = 'docs/sources/geo/namen-2013.tsv';
const CSV = 'public/data/mee-budgetten-2014.csv';
export const OUTPUT = 'public/kaart/gemeenten-2013.txt';

/** The inputs exactly as docs/sources/geo/BRON.md records them: another file is another map. */
const SHA256 = {
  [TOPOLOGY]: '13b9f4d3901d53d3f85512b105fc38fc9110eb83cb827bd3012e267bafa2e945',
  [NAMES]: '39d8559839fc223e4efb91dffe23a8fd53c732634f0af49bbcdb26aa8f40b927',
};

const VERSION = 1;
const ATTRIBUTION = 'Kaart: © CBS/PDOK (gemeenten 2013, gegeneraliseerd), vereenvoudigd door cartomap/nl';
/** Grid step in metres: Nederland is about 1 060 units wide, one unit per pixel at 1 000 px. */
const METRES_PER_UNIT = 250;
/** Empty grid units around the country, so a stroke on the outline is not cut off. */
const MARGIN = 2;
/** Visvalingam threshold in m²: a point whose effective triangle is smaller than one grid
 * unit² (about one pixel² in a drawing 1 000 px wide) cannot be seen, and goes. The source is
 * already simplified further than that (its smallest triangle is about 219 000 m², 3,5 unit²),
 * so today this removes nothing; it keeps the output at this level should the source be a
 * finer one. */
const MIN_AREA = METRES_PER_UNIT ** 2;
const EXPECTED = { gemeenten: 408, organisaties: 22, jeugdregios: 41 };

const read = (path) => readFileSync(join(ROOT, path), 'utf8');

function fail(message) {
  throw new Error(`build-map: ${message}`);
}

/** One line of RFC 4180 CSV (no line breaks inside fields in our file). */
function csvFields(line) {
  const fields = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      for (i += 1; ; i += 1) {
        if (i >= line.length) fail(`unterminated quote in ${CSV}: ${line}`);
        if (line[i] === '"') {
          if (line[i + 1] !== '"') break;
          i += 1;
        }
        field += line[i];
      }
      i += 1;
    } else {
      while (i < line.length && line[i] !== ',') field += line[i++];
    }
    fields.push(field);
    if (i >= line.length) return fields;
    if (line[i] !== ',') fail(`bad CSV line: ${line}`);
    i += 1;
  }
}

function lines(text) {
  return text.split('\n').filter((l) => l !== '');
}

/** The gemeenten of the CSV, in its order: name, jeugdregio, MEE-organisatie. */
function readCsv() {
  const [header, ...rows] = lines(read(CSV));
  if (header !== 'gemeente,jeugdregio,mee_organisatie,budget_co_2014,budget_ivh_2014') fail(`unexpected header of ${CSV}`);
  return rows.map((row) => {
    const [naam, jeugdregio, organisatie] = csvFields(row);
    return { naam, jeugdregio, organisatie };
  });
}

/** csv_naam → statcode. */
function readNames() {
  const [header, ...rows] = lines(read(NAMES));
  if (header !== 'csv_naam\tkaart_naam\tstatcode') fail(`unexpected header of ${NAMES}`);
  const byName = new Map();
  for (const row of rows) {
    const [naam, , statcode] = row.split('\t');
    if (byName.has(naam)) fail(`${NAMES} names ${naam} twice`);
    byName.set(naam, statcode);
  }
  return byName;
}

/** Shortest integer form: "3", "-3"; written after another number, "-" needs no space. */
function pairs(points) {
  let out = '';
  for (const [dx, dy] of points) {
    out += (dx < 0 || out === '' ? '' : ' ') + dx + (dy < 0 ? '' : ' ') + dy;
  }
  return out;
}

/** Points → "M x y l dx dy …", consecutive equal points dropped. */
function subpath(points) {
  const steps = [];
  let [x0, y0] = points[0];
  for (const [x, y] of points.slice(1)) {
    if (x !== x0 || y !== y0) steps.push([x - x0, y - y0]);
    [x0, y0] = [x, y];
  }
  const [x, y] = points[0];
  return { steps, d: `M${x} ${y}${steps.length ? `l${pairs(steps)}` : ''}` };
}

/** A polygon ring (first point repeated at the end) as a closed subpath. A ring that the
 * grid shrinks below three points would be a part of a gemeente gone: the grid is too coarse. */
function ring(points, naam) {
  const { steps, d } = subpath(points.slice(0, -1));
  if (steps.length < 2) fail(`a ring of ${naam} collapses on the grid`);
  return `${d}z`;
}

function polygons(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return fail(`unexpected geometry ${geometry.type}`);
}

function shape(geometry, naam) {
  return polygons(geometry).flatMap((rings) => rings.map((r) => ring(r, naam))).join('');
}

function lineMesh(multiLineString) {
  return multiLineString.coordinates
    .map((points) => subpath(points))
    .filter(({ steps }) => steps.length > 0)
    .map(({ d }) => d)
    .join('');
}

export function build() {
  for (const [path, sha] of Object.entries(SHA256)) {
    const actual = createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');
    if (actual !== sha) fail(`${path} is not the file docs/sources/geo/BRON.md records (sha256 ${actual})`);
  }
  const topology = JSON.parse(read(TOPOLOGY));
  const gemeenten = readCsv();
  const statcodes = readNames();
  const object = topology.objects.gemeente_2013;
  const byCode = new Map(object.geometries.map((g) => [g.id, g]));

  // Each gemeente's geometry, in the CSV's order, with its groups in the properties that
  // the mesh filters read.
  if (gemeenten.length !== EXPECTED.gemeenten) fail(`${CSV} has ${gemeenten.length} gemeenten`);
  if (byCode.size !== EXPECTED.gemeenten) fail(`${TOPOLOGY} has ${byCode.size} shapes`);
  const used = new Set();
  const geometries = gemeenten.map(({ naam, jeugdregio, organisatie }) => {
    const code = statcodes.get(naam) ?? fail(`${naam} is not in ${NAMES}`);
    const geometry = byCode.get(code) ?? fail(`${code} (${naam}) is not in ${TOPOLOGY}`);
    if (used.has(code)) fail(`${code} is named twice in ${NAMES}`);
    used.add(code);
    return { type: geometry.type, arcs: geometry.arcs, properties: { naam, jeugdregio, organisatie } };
  });
  for (const [key, want] of [['organisatie', EXPECTED.organisaties], ['jeugdregio', EXPECTED.jeugdregios]]) {
    const groups = new Set(gemeenten.map((g) => g[key])).size;
    if (groups !== want) fail(`${CSV} has ${groups} values of ${key}, expected ${want}`);
  }
  const source = { ...topology, objects: { gemeenten: { type: 'GeometryCollection', geometries } } };

  // The grid: x from the west, y from the north, a margin of MARGIN units on every side.
  const [xmin, ymin, xmax, ymax] = feature(source, source.objects.gemeenten).features.reduce(
    (box, f) => polygons(f.geometry).flat(2).reduce(
      ([x0, y0, x1, y1], [x, y]) => [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)],
      box),
    [Infinity, Infinity, -Infinity, -Infinity]);
  const grid = {
    scale: [METRES_PER_UNIT, -METRES_PER_UNIT],
    translate: [xmin - MARGIN * METRES_PER_UNIT, ymax + MARGIN * METRES_PER_UNIT],
  };
  const toGrid = untransform(grid); // absolute for a single point (no index)
  const width = Math.ceil((xmax - xmin) / METRES_PER_UNIT) + 2 * MARGIN;
  const height = Math.ceil((ymax - ymin) / METRES_PER_UNIT) + 2 * MARGIN;

  // Simplify (topology-preserving: shared arcs stay shared), then snap the arcs to the grid
  // and read them back in grid units.
  const kept = simplify(presimplify(source), MIN_AREA);
  const simplified = quantize(kept, grid);
  const count = (t) => t.arcs.reduce((n, arc) => n + arc.length, 0);
  const stats = { points: count(source), simplified: count(kept), snapped: count(simplified), minLabelDistance: Infinity };
  const onGrid = { ...simplified, transform: { scale: [1, 1], translate: [0, 0] } };

  // Label points from the unsimplified shapes, in metres.
  const exact = feature(source, source.objects.gemeenten).features;
  const out = [`KAART\t${VERSION}\t0 0 ${width} ${height}`, `B\t${ATTRIBUTION}`];
  feature(onGrid, onGrid.objects.gemeenten).features.forEach((f, i) => {
    const { naam } = f.properties;
    const d = shape(f.geometry, naam);
    const largest = polygons(exact[i].geometry).reduce((a, b) =>
      planarRingArea(b[0]) > planarRingArea(a[0]) ? b : a);
    const label = polylabel(largest, 1);
    stats.minLabelDistance = Math.min(stats.minLabelDistance, label.distance / METRES_PER_UNIT);
    const [x, y] = toGrid(label);
    out.push(`G\t${naam}\t${x}\t${y}\t${d}`);
  });
  const gemeentenObject = onGrid.objects.gemeenten;
  const between = (key) => (a, b) => a !== b && a.properties[key] !== b.properties[key];
  out.push(`M\t${lineMesh(mesh(onGrid, gemeentenObject, between('organisatie')))}`);
  out.push(`R\t${lineMesh(mesh(onGrid, gemeentenObject, between('jeugdregio')))}`);
  out.push(`N\t${shape(merge(onGrid, gemeentenObject.geometries), 'the outline')}`);
  return { text: `${out.join('\n')}\n`, stats };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { text, stats } = build();
  const path = join(ROOT, OUTPUT);
  if (process.argv.includes('--check')) {
    let onDisk = null;
    try {
      onDisk = readFileSync(path, 'utf8');
    } catch {
      // missing: reported below
    }
    if (onDisk !== text) {
      console.error(`${OUTPUT} differs from what scripts/build-map.mjs writes; run node scripts/build-map.mjs`);
      process.exit(1);
    }
    console.log(`${OUTPUT} is what scripts/build-map.mjs writes.`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${OUTPUT} (${Buffer.byteLength(text)} bytes): the source's ${stats.points} arc points, ` +
      `${stats.simplified} after simplification, ${stats.snapped} on the grid; every label point at least ` +
      `${stats.minLabelDistance.toFixed(1)} units inside its gemeente`);
  }
}
