import { z } from "zod";
import { EARLIEST_DATE, isCalendarDate } from "@/lib/dates.ts";
import { pageParam } from "@/lib/pagination.ts";

// The query parameters of the aggregator's delivery queue and its printable manifest.
// Addresses are typed and shared by hand, so a bad value falls back to its default
// instead of answering an error page.

/** The queue's tabs, in the order the work happens. */
export const QUEUE_TABS = ["schedule", "today", "in-delivery", "waiting", "done"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** How far ahead "today and this week" looks, in days after today (Jakarta). */
export const WEEK_AHEAD_DAYS = 7;

const CODE_PART = /^[23456789A-HJKMNP-Z]{8}$/;

/**
 * A pledge code as people type it (any case, dashes or spaces missing, the KSBB prefix
 * left off) in its stored form KSBB-XXXX-XXXX, or null when it cannot be one.
 */
export function normalisePledgeCode(value: string): string | null {
  const parts = value
    .toUpperCase()
    .split(/[\s\-–.]+/)
    .filter(Boolean);
  let code = parts.join("");
  // "KSBB-7YTP" is half a code with its prefix, not the code KSBB-KSBB-7YTP.
  if (code.length === 12 && code.startsWith("KSBB")) code = code.slice(4);
  else if (parts[0] === "KSBB" && parts.length > 1) return null;
  return CODE_PART.test(code) ? `KSBB-${code.slice(0, 4)}-${code.slice(4)}` : null;
}

const kelurahanCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
const day = z
  .string()
  .trim()
  .refine((value) => isCalendarDate(value) && value >= EARLIEST_DATE && value <= "2099-12-31");
const typed = z.string().trim().max(40);

export const queueParams = z.object({
  /** Missing: the page picks the first tab that has pledges. */
  tab: z.enum(QUEUE_TABS).optional().catch(undefined),
  kelurahan: kelurahanCode.optional().catch(undefined),
  /** Planned delivery date. */
  tanggal: day.optional().catch(undefined),
  /** The pledge code as typed, kept for the search field. */
  q: typed.optional().catch(undefined),
  page: pageParam,
});
export type QueueParams = z.infer<typeof queueParams>;

export const manifestParams = z.object({
  /** Missing or bad: today. */
  tanggal: day.optional().catch(undefined),
  /** Missing or bad: every kelurahan of that day, one sheet each. */
  kelurahan: kelurahanCode.optional().catch(undefined),
});
