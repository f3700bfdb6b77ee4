import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { connectPGlite, type DbHandle } from "./connect.ts";
import { migrate, MigrationError, readMigrations } from "./migrate.ts";

let handle: DbHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe("migration runner", () => {
  it("applies every migration once, records it as Prisma does, and is then idempotent", async () => {
    handle = connectPGlite(new PGlite());
    const migrations = readMigrations();
    expect(await migrate(handle)).toEqual(migrations.map((m) => m.name));
    expect(await migrate(handle)).toEqual([]);
    const rows = await handle.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect(await handle.prisma.need.count()).toBe(0);
  });

  it("refuses to start when an applied migration file was changed afterwards", async () => {
    handle = connectPGlite(new PGlite());
    await migrate(handle);
    const edited = readMigrations().map((m, index) => (index === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(handle, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(handle, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back completely", async () => {
    handle = connectPGlite(new PGlite());
    await migrate(handle);
    const broken = { name: "29990101000000_broken", sql: `CREATE TABLE half_done (id int); SELECT 1/0;`, checksum: "x" };
    await expect(migrate(handle, [...readMigrations(), broken])).rejects.toThrow(/29990101000000_broken failed/);
    expect(await handle.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual([]);
    expect(await handle.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name])).toEqual([]);
  });
});
