import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseUrl } from "@/tests/setup/template.ts";
import { connectPostgres } from "./connect.ts";
import { migrate, readMigrations } from "./migrate.ts";

// Runs only with TEST_DATABASE_URL (see vitest.config.ts): PGlite is one connection
// in one process and cannot show what two servers starting at once do.
const template = inject("dbTemplate");
if (template.engine !== "postgres") throw new Error("*.pg.test.ts needs TEST_DATABASE_URL");
const database = `ksbb_mig_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const admin = connectPostgres(template.serverUrl, 1);

afterAll(async () => {
  await admin.exec(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.close();
});

describe("migration runner on a PostgreSQL server", () => {
  it("lets two processes start at once: the advisory lock makes one migrate and the other wait", async () => {
    await admin.exec(`CREATE DATABASE "${database}"`);
    const [first, second] = [
      connectPostgres(databaseUrl(template.serverUrl, database), 2),
      connectPostgres(databaseUrl(template.serverUrl, database), 2),
    ];
    try {
      const results = await Promise.all([migrate(first), migrate(second)]);
      const names = readMigrations().map((m) => m.name);
      expect(results.flat().sort()).toEqual(names.sort());
      expect(results.some((applied) => applied.length === 0)).toBe(true);
      const rows = await first.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(rows[0]!.n).toBe(names.length);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
