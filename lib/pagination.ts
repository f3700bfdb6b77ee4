import { z } from "zod";

export const MAX_PAGE = 100_000;

/** A list page's ?page= value: a bad or missing one shows the first page. */
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);
