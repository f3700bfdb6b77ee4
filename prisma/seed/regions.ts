import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client.ts";

const regionRow = z.object({
  code: z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/),
  name: z.string().min(1),
  level: z.enum(["province", "kota", "kecamatan", "kelurahan"]).transform((level) => level.toUpperCase() as Uppercase<typeof level>),
  parent_code: z.string().transform((code) => code || null),
});

export function readRegions(file = path.resolve("prisma/data/jakarta-regions.csv")) {
  const rows: unknown[] = parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((row) => {
    const parsed = regionRow.parse(row);
    return { code: parsed.code, name: parsed.name, level: parsed.level, parentCode: parsed.parent_code };
  });
}

/** Loads every Jakarta region (reference data, needed in production too). Idempotent. */
export async function loadRegions(prisma: PrismaClient): Promise<number> {
  const regions = readRegions();
  // Parents come before children in the file (province, kota, kecamatan, kelurahan).
  const { count } = await prisma.region.createMany({ data: regions, skipDuplicates: true });
  return count;
}
