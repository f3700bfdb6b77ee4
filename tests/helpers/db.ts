import type { DbHandle } from "@/lib/db/connect.ts";

/** The database handle of the current test file (installed by tests/setup/db-per-file.ts). */
export function testDb(): DbHandle {
  const handle = globalThis.__ksbbDb;
  if (!handle) throw new Error("no test database: is tests/setup/db-per-file.ts in setupFiles?");
  return handle;
}

/** Runs SQL on the test database: `await sql<{ n: number }>("SELECT ... WHERE id = $1", [id])`. */
export const sql = <Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> =>
  testDb().query<Row>(text, params);
