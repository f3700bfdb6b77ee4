// Checks on typed text that need no zod, so the CSV import, the action client and the
// schemas share them.

/**
 * Bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM): U+202E turns "gpj.exe" into
 * "exe.jpg" on screen, so a name or item can read differently from what is stored.
 * Nothing a person types into this portal needs them.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const hasBidiControl = (value: string) => BIDI_CONTROL.test(value);
export const hasMarkup = (value: string) => /[<>]/.test(value);
