import { z } from "zod";

// Query parameters of the receipt pages; a bad value falls back, never an error page.

export const FIRST_YEAR = 2020;

export function statementYear(value: unknown, now = new Date()): number {
  const current = Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Asia/Jakarta" }).format(now));
  return z.coerce
    .number()
    .int()
    .min(FIRST_YEAR)
    .max(current)
    .catch(current)
    .parse(value ?? current);
}

export const verifyQuery = z.object({ kode: z.string().max(40).optional().catch(undefined) });
