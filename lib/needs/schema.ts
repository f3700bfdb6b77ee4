import { z } from "zod";
import { MAX_PAGE } from "@/lib/pagination.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";

// The catalogue's URL parameters. Each one is parsed on its own: a bad value is
// dropped and reported back (so the page can say which filter it ignored), the
// rest still apply, and nothing reaches the database unchecked.

export const PUBLIC_NEED_STATUSES = ["OPEN", "FULFILLED", "CLOSED"] as const;
export const CATALOGUE_SORTS = ["priority", "deadline", "newest"] as const;
/** The catalogue as a list of needs (default), a map of kelurahan, or the map's numbers as a table (components/map). */
export const CATALOGUE_VIEWS = ["list", "map", "table"] as const;
export const CATALOGUE_PAGE_SIZE = 20;
export const SEARCH_MAX_LENGTH = 100;

const code = (pattern: RegExp) => z.string().trim().regex(pattern);

export const catalogueFilterSchemas = {
  category: z.enum(ACTIVE_CATEGORIES),
  kota: code(/^\d{2}\.\d{2}$/),
  kecamatan: code(/^\d{2}\.\d{2}\.\d{2}$/),
  kelurahan: code(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
  status: z.enum(PUBLIC_NEED_STATUSES),
  q: z.string().trim().min(1).max(SEARCH_MAX_LENGTH),
  sort: z.enum(CATALOGUE_SORTS),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
  view: z.enum(CATALOGUE_VIEWS),
} as const;

export type CatalogueFilterName = keyof typeof catalogueFilterSchemas;
export type CatalogueFilters = { [K in CatalogueFilterName]?: z.infer<(typeof catalogueFilterSchemas)[K]> };

export interface ParsedCatalogueParams {
  filters: CatalogueFilters;
  /** Parameters that were present but invalid, and therefore ignored. */
  rejected: CatalogueFilterName[];
}

type SearchParams = Record<string, string | string[] | undefined>;

export function parseCatalogueParams(params: SearchParams): ParsedCatalogueParams {
  const filters: Record<string, unknown> = {};
  const rejected: CatalogueFilterName[] = [];
  for (const name of Object.keys(catalogueFilterSchemas) as CatalogueFilterName[]) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    const parsed = catalogueFilterSchemas[name].safeParse(value);
    if (parsed.success) filters[name] = parsed.data;
    else rejected.push(name);
  }
  return { filters: filters as CatalogueFilters, rejected };
}

/** The URL query for a set of filters, e.g. for pagination links and shared links. */
export function catalogueQueryString(filters: CatalogueFilters, overrides: Partial<CatalogueFilters> = {}): string {
  const merged: CatalogueFilters = { ...filters, ...overrides };
  const query = new URLSearchParams();
  for (const name of Object.keys(catalogueFilterSchemas) as CatalogueFilterName[]) {
    const value = merged[name];
    if (value === undefined || (name === "page" && value === 1) || (name === "view" && value === "list")) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
