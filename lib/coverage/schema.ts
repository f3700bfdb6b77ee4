import { z } from "zod";
import { pageParam } from "@/lib/pagination.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";

// URL parameters of the transparency pages and the staff dashboard. A bad value is
// dropped (the page shows everything) rather than failing the page.

export const KELURAHAN_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
/** Kelurahan listed per "show more" step in "where help is still needed". */
export const STILL_NEEDED_STEP = 15;
export const STILL_NEEDED_MAX_STEPS = 20;

const category = z.enum(ACTIVE_CATEGORIES).optional().catch(undefined);
const kota = z
  .string()
  .regex(/^\d{2}\.\d{2}$/)
  .optional()
  .catch(undefined);
const kecamatan = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}$/)
  .optional()
  .catch(undefined);

export const transparencyParams = z.object({
  category,
  kota,
  kecamatan,
  /** How many steps of the "still needed" list to show. */
  lebih: z.coerce.number().int().min(1).max(STILL_NEEDED_MAX_STEPS).catch(1),
});

export const kelurahanPageParams = z.object({
  category,
  /** Page of the needs list. */
  page: pageParam,
  /** Page of the delivery record. */
  riwayat: pageParam,
});

export const dashboardParams = z.object({
  program: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/i)
    .optional()
    .catch(undefined),
  kota,
  kecamatan,
  /** What the map shades: the uncovered share, or pledges waiting for review. */
  peta: z.enum(["cakupan", "tinjauan"]).catch("cakupan"),
});

type Params = Record<string, string | string[] | undefined>;
/** The first value of each parameter (a repeated parameter is not an error). */
export const firstValues = (params: Params) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

/** The region the drill-down shows: a kecamatan wins over a kota (its own kota is implied). */
export function drillTarget(params: { kota?: string; kecamatan?: string }): string | undefined {
  return params.kecamatan ?? params.kota;
}

/** A URL query from the given values, leaving out empty ones and defaults. */
export function queryString(values: Record<string, string | number | undefined>, defaults: Record<string, string | number> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || defaults[key] === value) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
