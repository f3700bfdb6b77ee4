// npm run map:build: turns the kelurahan boundaries (prisma/data/jakarta-kelurahan.geojson)
// into one precomputed SVG path per kelurahan, written to a static file that browsers
// cache for good (public/map/kelurahan.<content hash>.svg), and the map's layout to
// lib/map/shapes.json. Pages then draw the map as server-rendered <use> references: no
// map library in the browser, and no geometry in any page's HTML.
// The output is committed: run this only when the boundaries or the layout change.
//
// Steps: project with d3-geo (Mercator fitted to the mainland; a second projection fitted
// into an inset box for Kepulauan Seribu), build a topology from the projected rings so
// neighbouring kelurahan share their border arcs, simplify those arcs in screen units
// (topojson-simplify, Visvalingam) so shared borders stay aligned, then write the rings
// as compact relative path strings.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { geoMercator, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Position } from "geojson";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import { SEA_ISLANDS_KOTA, type Box, type MapShapes } from "../lib/map/shapes-format.ts";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(root, "prisma/data/jakarta-kelurahan.geojson");
// Another output folder (argument 1) lets a test rebuild and compare with the committed files.
const out = path.resolve(process.argv[2] ?? root);
const LAYOUT = path.join(out, "lib/map/shapes.json");
const SPRITE_DIR = path.join(out, "public/map");

// Screen units: the mainland is fitted into this width; the height follows from its shape.
const WIDTH = 1000;
const MARGIN = 8;
// Visvalingam weight (triangle area, in square screen units) below which a point is dropped.
// 0.6 keeps the borders visibly faithful at 1280 px while the file stays near 70 KB.
const MIN_WEIGHT = 0.6;
// Kepulauan Seribu goes into the mainland's empty south-west corner (checked by eye in
// tests/artifacts/map-*.png): a tall box, as the islands run north-south.
const INSET = { x: MARGIN, width: 200, height: 400 };

type Props = { code: string; name: string };
type Kelurahan = Feature<MultiPolygon, Props>;

const boundaries = JSON.parse(fs.readFileSync(SOURCE, "utf8")) as FeatureCollection<MultiPolygon, Props>;
const isSeribu = (f: Kelurahan) => f.properties.code.startsWith(`${SEA_ISLANDS_KOTA}.`);
const mainland = boundaries.features.filter((f) => !isSeribu(f));
const seribu = boundaries.features.filter(isSeribu);

// Fitting to the points rather than the polygons keeps d3's spherical winding rules out of
// it: the source rings follow the GeoJSON (counter-clockwise) order, which d3 would read as
// "the whole globe except this kelurahan".
const points = (features: Kelurahan[]) => ({
  type: "MultiPoint" as const,
  coordinates: features.flatMap((f) => f.geometry.coordinates.flat(2)),
});
const mainProjection = geoMercator().fitWidth(WIDTH - 2 * MARGIN, points(mainland));
mainProjection.translate([mainProjection.translate()[0] + MARGIN, mainProjection.translate()[1] + MARGIN]);
const mainBounds = boundsOf(mainland.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => project(mainProjection, p))));
const HEIGHT = Math.ceil(mainBounds[3] + MARGIN);
const insetBox = { x: INSET.x, y: HEIGHT - MARGIN - INSET.height, width: INSET.width, height: INSET.height };
const insetPadding = 10;
const insetProjection = geoMercator().fitExtent(
  [
    [insetBox.x + insetPadding, insetBox.y + insetPadding + 40], // room for the inset's label (two lines on phones)
    [insetBox.x + insetBox.width - insetPadding, insetBox.y + insetBox.height - insetPadding],
  ],
  points(seribu),
);

function project(projection: GeoProjection, position: Position): [number, number] {
  const xy = projection([position[0]!, position[1]!]);
  if (!xy) throw new Error(`cannot project ${position.join(",")}`);
  return xy;
}

function boundsOf(xy: [number, number][]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of xy) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
}

const projected: FeatureCollection<MultiPolygon, Props> = {
  type: "FeatureCollection",
  features: boundaries.features.map((f) => {
    const projection = isSeribu(f) ? insetProjection : mainProjection;
    return {
      ...f,
      geometry: {
        type: "MultiPolygon",
        coordinates: f.geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => project(projection, p)))),
      },
    };
  }),
};

// Quantising to 0.01 screen units merges the (identical) shared vertices into shared arcs.
const topo = topology({ kelurahan: projected }, 1e5) as unknown as Topology<{ kelurahan: GeometryCollection<Props> }>;
const weighted = presimplify(topo);
// A closed arc is a whole ring (an island, mostly): keep its two heaviest inner points so
// small islands become small triangles rather than vanishing.
for (const arc of weighted.arcs as unknown as [number, number, number][][]) {
  const first = arc[0]!;
  const last = arc[arc.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) continue;
  const inner = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
  for (const point of inner.slice(0, 2)) point[2] = Infinity;
}
const simplified = simplify(weighted, MIN_WEIGHT);
const collection = feature(simplified, simplified.objects.kelurahan) as FeatureCollection<
  MultiPolygon | { type: "Polygon"; coordinates: Position[][] },
  Props
>;

// Output coordinates are integers in tenths of a screen unit: short paths, no decimals.
const SCALE = 10;
// "M x y l dx dy dx dy … z": relative steps are short, and a minus sign needs no separator.
function ringPath(ring: Position[]): string {
  const numbers: number[] = [];
  let [px, py] = [0, 0];
  for (const p of ring.slice(0, -1)) {
    const [x, y] = [Math.round(p[0]! * SCALE), Math.round(p[1]! * SCALE)];
    if (numbers.length === 0) numbers.push(x, y);
    else if (x !== px || y !== py) numbers.push(x - px, y - py);
    [px, py] = [x, y];
  }
  if (numbers.length < 6) return ""; // fewer than three distinct points at this resolution
  const text = (list: number[]) => list.map((n, i) => (i > 0 && n >= 0 ? ` ${n}` : `${n}`)).join("");
  return `M${text(numbers.slice(0, 2))}l${text(numbers.slice(2))}z`;
}

const kelurahan: Record<string, string> = {};
const kotaBounds = new Map<string, [number, number][]>();
for (const f of [...collection.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code))) {
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = polygons.flat().filter((ring) => ring.length >= 4);
  if (rings.length === 0) throw new Error(`${f.properties.code} lost every ring in simplification`);
  kelurahan[f.properties.code] = rings.map(ringPath).join("");
  if (!kelurahan[f.properties.code]) throw new Error(`${f.properties.code} has no ring left at this resolution`);
  const kota = f.properties.code.slice(0, 5);
  kotaBounds.set(kota, [...(kotaBounds.get(kota) ?? []), ...rings.flat().map((p) => [p[0]!, p[1]!] as [number, number])]);
}

const scaled = (n: number) => Math.round(n * SCALE);
const kota: Record<string, Box> = {};
for (const [code, xy] of [...kotaBounds].sort(([a], [b]) => a.localeCompare(b))) {
  const [x0, y0, x1, y1] =
    code === SEA_ISLANDS_KOTA ? [insetBox.x, insetBox.y, insetBox.x + insetBox.width, insetBox.y + insetBox.height] : boundsOf(xy);
  kota[code] = { x: scaled(x0), y: scaled(y0), width: scaled(x1) - scaled(x0), height: scaled(y1) - scaled(y0) };
}

const width = WIDTH * SCALE;
const height = HEIGHT * SCALE;
const source = "Kelurahan boundaries: cahyadsn/wilayah_boundaries (MIT License, Copyright (c) 2024 Cahya DSN)";
// The paths carry no paint: each <use> gives its own fill. vector-effect is not inherited,
// so it sits on every path. The namespace is an XML name, never fetched.
const sprite = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">`,
  `<desc>${source}; see prisma/data/README.md of the KSBB portal.</desc>`,
  ...Object.entries(kelurahan).map(([code, d]) => `<path id="k${code}" vector-effect="non-scaling-stroke" d="${d}"/>`),
  "</svg>",
  "",
].join("\n");
const spriteName = `kelurahan.${createHash("sha256").update(sprite).digest("hex").slice(0, 10)}.svg`;

const layout: MapShapes = {
  source,
  sprite: `/map/${spriteName}`,
  width,
  height,
  inset: { x: scaled(insetBox.x), y: scaled(insetBox.y), width: scaled(insetBox.width), height: scaled(insetBox.height) },
  kota,
  codes: Object.keys(kelurahan),
};
fs.mkdirSync(SPRITE_DIR, { recursive: true });
for (const old of fs.readdirSync(SPRITE_DIR).filter((name) => /^kelurahan\..*\.svg$/.test(name))) fs.rmSync(path.join(SPRITE_DIR, old));
fs.writeFileSync(path.join(SPRITE_DIR, spriteName), sprite);
fs.mkdirSync(path.dirname(LAYOUT), { recursive: true });
fs.writeFileSync(LAYOUT, `${JSON.stringify(layout, null, 1)}\n`);
console.log(`${path.join(SPRITE_DIR, spriteName)}: ${layout.codes.length} kelurahan, ${sprite.length} bytes`);
