import type { DbHandle } from "@/lib/db/connect.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { seedDemo } from "@/prisma/seed/demo.ts";
import { loadRegions } from "@/prisma/seed/regions.ts";

/** What the global setup hands each test file: where to copy its database from. */
export type DbTemplate = { engine: "pglite"; dumpFile: string } | { engine: "postgres"; serverUrl: string; database: string };

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

/** Migrates and seeds once per test run; every test file then starts from a copy. */
export async function buildTemplate(handle: DbHandle) {
  await migrate(handle);
  await loadRegions(handle.prisma);
  await seedDemo(handle.prisma);
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
