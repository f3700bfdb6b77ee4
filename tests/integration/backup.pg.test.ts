import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/lib/db/admin.ts";
import { connectPostgres } from "@/lib/db/connect.ts";
import { manifestPath } from "@/lib/backup/manifest.ts";
import { testDb } from "@/tests/helpers/db.ts";
import { contentsOf, runScript } from "@/tests/helpers/scripts.ts";

// npm run backup / npm run restore on PostgreSQL (collected only with TEST_DATABASE_URL):
// this file's seeded database is dumped, restored into a database that does not exist
// yet, and compared table by table.

const server = process.env.TEST_DATABASE_URL!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-backup-"));
const target = `ksbb_t_restore_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const targetUrl = withDatabase(server, target);
const admin = connectPostgres(server, 1);

afterAll(async () => {
  await admin.exec(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
  await admin.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore on PostgreSQL", () => {
  it("restores every row and sequence, refuses a non-empty database, and notices a backup that does not match", async () => {
    // Some history written after seeding, so sequences have moved.
    await testDb().exec(`INSERT INTO rate_limit_hit (bucket) VALUES ('backup-test'), ('backup-test')`);
    const [{ name }] = (await testDb().query<{ name: string }>("SELECT current_database() AS name")) as [{ name: string }];
    const sourceUrl = withDatabase(server, name);

    const backup = await runScript("backup", ["--out", dir], { DATABASE_URL: sourceUrl });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const file = backup.stdout.trim().split("\n").at(-1)!;
    expect(file).toMatch(/ksbb-[\dT-]+Z\.dump$/);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    const restore = await runScript("restore", [file], { DATABASE_URL: targetUrl });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("verified");

    const restored = connectPostgres(targetUrl, 1);
    try {
      const expected = await contentsOf(testDb());
      expect(Object.keys(expected).length).toBeGreaterThan(15);
      expect(expected.pledge).toMatch(/^[1-9]\d+:/);
      expect(await contentsOf(restored)).toEqual(expected);
      // The restored copy takes new rows where the old one left off.
      await restored.exec(`INSERT INTO rate_limit_hit (bucket) VALUES ('after-restore')`);

      const again = await runScript("restore", [file], { DATABASE_URL: targetUrl });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("is not empty");
      const [{ n }] = (await restored.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM rate_limit_hit WHERE bucket = 'after-restore'`,
      )) as [{ n: number }];
      expect(n).toBe(1);

      // A backup whose contents differ from its manifest is reported, not passed as good.
      const manifest = JSON.parse(fs.readFileSync(manifestPath(file), "utf8")) as { fingerprint: Record<string, { checksum: string }> };
      manifest.fingerprint["table:pledge"]!.checksum = "0";
      fs.writeFileSync(manifestPath(file), JSON.stringify(manifest));
      const tampered = await runScript("restore", [file, "--force"], { DATABASE_URL: targetUrl });
      expect(tampered.code).toBe(1);
      expect(tampered.stderr).toContain("table:pledge: same row count, different contents");
    } finally {
      await restored.close();
    }
  }, 180_000);
});
