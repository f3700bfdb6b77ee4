import shapesJson from "./shapes.json";
import { SEA_ISLANDS_KOTA, type MapShapes } from "./shapes-format.ts";

// The map's layout, written by scripts/build-map.ts. The geometry itself is a static SVG
// (MAP_SHAPES.sprite) that browsers fetch once and cache; pages only reference its paths.

export const MAP_SHAPES: MapShapes = shapesJson;
export { SEA_ISLANDS_KOTA };

const withShape = new Set(MAP_SHAPES.codes);

/** The <use href> of a kelurahan's shape, or null when it has none. */
export function shapeHref(code: string): string | null {
  return withShape.has(code) ? `${MAP_SHAPES.sprite}#k${code}` : null;
}

export type ViewBox = readonly [x: number, y: number, width: number, height: number];

/** The whole map, or one kota with a margin around it (kota codes without shapes: the whole map). */
export function mapViewBox(kota?: string): ViewBox {
  const box = kota ? MAP_SHAPES.kota[kota] : undefined;
  if (!box) return [0, 0, MAP_SHAPES.width, MAP_SHAPES.height];
  const { x, y, width, height } = box;
  const margin = Math.round(Math.max(width, height) * 0.04);
  return [x - margin, y - margin, width + 2 * margin, height + 2 * margin];
}

/** The kota a kelurahan code belongs to, e.g. 31.71.01.1001 → 31.71. */
export const kotaOfKelurahan = (code: string) => code.slice(0, 5);
