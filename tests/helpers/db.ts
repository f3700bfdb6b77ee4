import type { DbHandle } from "@/lib/db/connect.ts";

/** The database handle of the current test file (installed by tests/setup/db-per-file.ts). */
export function testDb(): DbHandle {
  const handle = globalThis.__ksbbDb;
  if (!handle) throw new Error("no test database: is tests/setup/db-per-file.ts in setupFiles?");
  return handle;
}
