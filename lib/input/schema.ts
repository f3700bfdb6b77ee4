import { z } from "zod";
import { EARLIEST_DATE, jakartaToday } from "@/lib/dates.ts";
import { hasBidiControl, hasMarkup } from "./text.ts";

// The zod building blocks every form schema uses for dates, whole numbers and text.
// Messages are keys under "validation", or full paths into a feature's namespace.

export { EARLIEST_DATE };

type Bound = string | ((today: string) => string);
/** Today in Jakarta, as a range bound. */
export const today: Bound = (value) => value;
/** The same day some years after today (29 February compares as the day before 1 March). */
export const yearsAhead =
  (years: number): Bound =>
  (value) =>
    `${Number(value.slice(0, 4)) + years}${value.slice(4)}`;

/**
 * A YYYY-MM-DD day that exists (no 31 February) within the field's range; outside it,
 * the field's own message. Bounds that depend on today are read when the input is parsed.
 */
export function calendarDate({ from, to, outOfRange }: { from: Bound; to: Bound; outOfRange: string }) {
  const bound = (value: Bound, now: string) => (typeof value === "string" ? value : value(now));
  return z
    .string("required")
    .trim()
    .min(1, "required")
    .pipe(z.iso.date("dateInvalid"))
    .refine((value) => {
      const now = jakartaToday();
      return value >= bound(from, now) && value <= bound(to, now);
    }, outOfRange);
}

interface NumberMessages {
  min?: number;
  max: number;
  invalid?: string;
  tooSmall?: string;
  tooBig?: string;
}

/**
 * Whole numbers as people type them: decimal digits only. z.coerce.number() would take
 * "0x10" as 16, "1e3" as 1000 and " +5" as 5; none of those is what the form shows.
 */
export function wholeNumber({ min = 1, max, invalid = "numberInvalid", tooSmall = "tooSmall", tooBig = "tooBig" }: NumberMessages) {
  return z
    .string(invalid)
    .trim()
    .regex(/^\d{1,15}$/, invalid)
    .transform(Number)
    .pipe(z.number().min(min, tooSmall).max(max, tooBig));
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A whole number that may be left empty. */
export const optionalWholeNumber = (messages: NumberMessages) => z.preprocess(blankToUndefined, wholeNumber(messages).optional());

/** A version number a form carries in a hidden field, for optimistic updates. */
export const version = wholeNumber({ min: 0, max: 2_147_483_647, invalid: "invalid", tooSmall: "invalid", tooBig: "invalid" });

/** Free text shown to others: no markup, no bidirectional controls. */
export const shownText = <T extends z.ZodType<string | undefined>>(schema: T) =>
  schema
    .refine((value) => value === undefined || !hasMarkup(value), "noMarkup")
    .refine((value) => value === undefined || !hasBidiControl(value), "bidiControl");
