import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { connectPGlite, connectPostgres } from "@/lib/db/connect.ts";
import { buildTemplate, databaseUrl } from "./template.ts";

// Runs once per `vitest run`. By default the template is an embedded PGlite database
// dumped to a file; with TEST_DATABASE_URL it is a database on that PostgreSQL server.
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = `ksbb_tpl_${process.pid}_${Date.now()}`;
    const admin = connectPostgres(serverUrl, 1);
    await admin.exec(`CREATE DATABASE "${database}"`);
    const template = connectPostgres(databaseUrl(serverUrl, database), 2);
    await buildTemplate(template);
    await template.close();
    project.provide("dbTemplate", { engine: "postgres", serverUrl, database });
    return async () => {
      await admin.exec(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.close();
    };
  }

  const pglite = new PGlite();
  const handle = connectPGlite(pglite);
  await buildTemplate(handle);
  const dump = await pglite.dumpDataDir("none");
  await handle.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-test-"));
  const dumpFile = path.join(dir, "template.tar");
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTemplate", { engine: "pglite", dumpFile });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
