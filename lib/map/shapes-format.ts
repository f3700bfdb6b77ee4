// The shape of lib/map/shapes.json, the map's layout written by scripts/build-map.ts.

/** Kabupaten Administrasi Kepulauan Seribu: drawn in an inset, not where it lies. */
export const SEA_ISLANDS_KOTA = "31.01";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapShapes {
  /** Attribution of the boundaries (the map shows it translated: messages map.attribution). */
  source: string;
  /** URL of the static SVG with one <path id="k<code>"> per kelurahan; its name changes with its content. */
  sprite: string;
  /** The SVG viewBox is "0 0 width height"; every coordinate here is an integer in those units. */
  width: number;
  height: number;
  /** The framed box that holds Kepulauan Seribu. */
  inset: Box;
  /** Bounds of each kota's kelurahan (Kepulauan Seribu: its inset box). */
  kota: Record<string, Box>;
  /** Every kelurahan code with a shape in the sprite, in order. */
  codes: string[];
}

/** A placeholder kelurahan code that no href builder changes when it encodes or escapes (components/map/map-links.tsx). */
export const CODE_SLOT = "KSBBCODESLOT";
