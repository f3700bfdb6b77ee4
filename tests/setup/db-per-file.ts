import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, inject } from "vitest";
import { connectPGlite, connectPostgres } from "@/lib/db/connect.ts";
import { databaseUrl } from "./template.ts";

// Each test file gets its own copy of the migrated, seeded template database and
// installs it as the process-wide handle that lib/db uses.
const template = inject("dbTemplate");

if (template.engine === "pglite") {
  const dump = new Blob([fs.readFileSync(template.dumpFile)]);
  globalThis.__ksbbDb = connectPGlite(new PGlite({ loadDataDir: dump }));
  afterAll(() => globalThis.__ksbbDb?.close());
} else {
  const database = `ksbb_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = connectPostgres(template.serverUrl, 1);
  await admin.exec(`CREATE DATABASE "${database}" TEMPLATE "${template.database}"`);
  globalThis.__ksbbDb = connectPostgres(databaseUrl(template.serverUrl, database));
  afterAll(async () => {
    await globalThis.__ksbbDb?.close();
    await admin.exec(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.close();
  });
}
