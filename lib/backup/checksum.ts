import type { SqlSession } from "@/lib/db/connect.ts";

// A fingerprint of a database's contents: per table the row count and the sum of a
// 64-bit hash of every row's text; per sequence its position. Summing makes it
// independent of row order and keeps memory constant however large a table is.
// Compared between a backup's source and a restored copy, it shows any lost,
// changed or duplicated row, and a sequence that would hand out used ids.

export interface TableFingerprint {
  rows: number;
  checksum: string;
}

export type Fingerprint = Record<string, TableFingerprint>;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Row text depends on these settings; fix them so two sessions agree. */
export const STABLE_SETTINGS =
  "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1;";

export async function fingerprint(sql: SqlSession): Promise<Fingerprint> {
  await sql.exec(STABLE_SETTINGS);
  const result: Fingerprint = {};
  const tables = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  for (const { name } of tables) {
    const [row] = await sql.query<{ rows: number; checksum: string }>(
      `SELECT count(*)::int AS rows,
              COALESCE(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)::text AS checksum
         FROM public.${ident(name)} t`,
    );
    result[`table:${name}`] = row!;
  }
  const sequences = await sql.query<{ name: string }>(
    `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  for (const { name } of sequences) {
    const [row] = await sql.query<{ value: string }>(
      `SELECT last_value::text || ':' || is_called::text AS value FROM public.${ident(name)}`,
    );
    result[`sequence:${name}`] = { rows: 1, checksum: row!.value };
  }
  return result;
}

/** Entries that differ between two fingerprints, as readable lines (empty: identical). */
export function compareFingerprints(expected: Fingerprint, actual: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((name) => {
    const a = expected[name];
    const b = actual[name];
    if (!a) return [`${name}: not in the backup`];
    if (!b) return [`${name}: missing after restore`];
    if (a.rows !== b.rows) return [`${name}: ${a.rows} rows in the backup, ${b.rows} after restore`];
    if (a.checksum !== b.checksum) return [`${name}: same row count, different contents`];
    return [];
  });
}

export function totalRows(print: Fingerprint): number {
  return Object.entries(print).reduce((sum, [name, entry]) => sum + (name.startsWith("table:") ? entry.rows : 0), 0);
}
