import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, inject } from "vitest";
import { connectPGlite, connectPostgres } from "@/lib/db/connect.ts";
import { countingAdapter, countPrepared } from "./query-log.ts";
import { databaseUrl } from "./template.ts";

// Each test file gets its own copy of the migrated, seeded template database and
// installs it as the process-wide handle that lib/db uses, logging the SQL Prisma sends
// and the raw prepared statements.
const template = inject("dbTemplate");

if (template.engine === "pglite") {
  const dump = new Blob([fs.readFileSync(template.dumpFile)]);
  globalThis.__ksbbDb = countPrepared(connectPGlite(new PGlite({ loadDataDir: dump }), { wrapAdapter: countingAdapter }));
  afterAll(() => globalThis.__ksbbDb?.close());
} else {
  const database = `ksbb_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = connectPostgres(template.serverUrl, 1);
  await admin.exec(`CREATE DATABASE "${database}" TEMPLATE "${template.database}"`);
  globalThis.__ksbbDb = countPrepared(connectPostgres(databaseUrl(template.serverUrl, database), 10, { wrapAdapter: countingAdapter }));
  afterAll(async () => {
    await globalThis.__ksbbDb?.close();
    await admin.exec(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.close();
  });
}
