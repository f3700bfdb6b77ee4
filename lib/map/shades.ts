// What a kelurahan's numbers mean on the map: the uncovered share (the one definition
// every page uses) and the shade class it falls into. Pure, so pages, queries and tests
// share it and the browser never needs a colour library.

// The share itself is defined once, in lib/coverage/share.ts.

/**
 * Five sequential shades, light to dark: ColorBrewer YlOrRd (5 classes; Cynthia Brewer,
 * Penn State, Apache-2.0), as in d3-scale-chromatic's schemeYlOrRd[5]. Colour-blind safe,
 * and distinct in greyscale because lightness rises steadily. Text never sits on them.
 */
export const SHADES = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"] as const;

/** Upper bounds (exclusive) of the first four share classes; the last class runs to 100 %. */
export const SHARE_BREAKS = [0.2, 0.4, 0.6, 0.8] as const;

/** Index into SHADES for an uncovered share; null (no open need) has no shade. */
export function shareShade(share: number | null): number | null {
  if (share === null) return null;
  const index = SHARE_BREAKS.findIndex((upper) => share < upper);
  return index === -1 ? SHARE_BREAKS.length : index;
}

/** Lower bounds of the waiting-pledge classes: 1, 2, 3–4, 5–9, 10 or more. */
export const WAITING_BREAKS = [1, 2, 3, 5, 10] as const;

/** Index into SHADES for a number of pledges waiting for review; none waiting has no shade. */
export function waitingShade(count: number): number | null {
  if (count < WAITING_BREAKS[0]) return null;
  return WAITING_BREAKS.findLastIndex((lower) => count >= lower);
}
