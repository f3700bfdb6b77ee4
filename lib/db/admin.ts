import { connectPostgres, type SqlSession } from "./connect.ts";

// Database-level helpers for the operations scripts (seed:scale, bench, backup, restore).

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

/** Creates the database in the URL when the server says it does not exist; true when it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const probe = connectPostgres(url, 1);
  try {
    await probe.query("SELECT 1");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    // Closing the probe cannot change the answer; its failure must not replace the error above.
    await probe.close().catch(() => undefined);
  }
  const admin = connectPostgres(withDatabase(url, "postgres"), 1);
  try {
    await admin.exec(`CREATE DATABASE "${databaseName(url).replaceAll('"', '""')}"`);
    return true;
  } finally {
    await admin.close();
  }
}

/** Tables in the public schema: 0 for a new database. */
export async function tableCount(sql: SqlSession): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
  return row?.n ?? 0;
}
