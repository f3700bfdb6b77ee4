import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connectPGlite } from "@/lib/db/connect.ts";
import { contentsOf, runScript } from "@/tests/helpers/scripts.ts";

// npm run backup / npm run restore on the embedded database: a data folder made from the
// seeded test template is backed up, restored into a new folder and compared table by table.

const template = inject("dbTemplate");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-backup-"));
const source = path.join(dir, "pglite");
const copy = path.join(dir, "restored");
const embedded = (dataDir: string) => ({ DATABASE_URL: "", KSBB_DATA_DIR: dataDir });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function contentsAt(dataDir: string) {
  const handle = connectPGlite(new PGlite(dataDir));
  try {
    return await contentsOf(handle);
  } finally {
    await handle.close();
  }
}

describe.skipIf(template.engine !== "pglite")("backup and restore of the embedded database", () => {
  it("copies every row into a new folder, and refuses while the portal has the folder open", async () => {
    if (template.engine !== "pglite") return;
    const seeded = new PGlite(source, { loadDataDir: new Blob([fs.readFileSync(template.dumpFile)]) });
    await seeded.exec(`INSERT INTO rate_limit_hit (bucket) VALUES ('backup-test')`);
    await seeded.close();

    const backup = await runScript("backup", ["--out", dir], embedded(source));
    expect(backup.code, backup.stderr).toBe(0);
    const file = backup.stdout.trim().split("\n").at(-1)!;
    expect(file).toMatch(/\.tar\.gz$/);

    const restore = await runScript("restore", [file], embedded(copy));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("verified");
    const expected = await contentsAt(source);
    expect(expected.pledge).toMatch(/^[1-9]\d+:/);
    expect(await contentsAt(copy)).toEqual(expected);

    // A live process (this test runner) that opened the folder last: the copy would not be consistent.
    fs.writeFileSync(`${source}.pid`, String(process.pid));
    const refused = await runScript("backup", ["--out", dir], embedded(source));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is open in process ${process.pid}`);
    const notEmpty = await runScript("restore", [file], embedded(copy));
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain("already holds a database");
  }, 180_000);
});
