import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DbHandle, SqlSession } from "./connect.ts";

// Applies the committed SQL files under prisma/migrations, in order, each in its own
// transaction, and records them in Prisma's own `_prisma_migrations` table with the
// same checksum Prisma uses, so `prisma migrate status` and `deploy` agree with it.
// Why not `prisma migrate deploy`: docs/decisions/0002-migrations-at-start-up.md.

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

// Any constant works; it only has to be the same for every process of this app.
const ADVISORY_LOCK_KEY = 72_2020;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = path.resolve("prisma/migrations")): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

/** Returns the names of the migrations it applied (empty when the database was current). */
export function migrate(handle: DbHandle, migrations = readMigrations()): Promise<string[]> {
  return handle.session(async (session) => {
    // Two processes starting at once (server and a script) must not both migrate.
    await session.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  });
}

async function applyPending(session: SqlSession, migrations: Migration[]): Promise<string[]> {
  await session.exec(MIGRATIONS_TABLE);
  const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const done: string[] = [];
  for (const migration of migrations) {
    const previous = applied.get(migration.name);
    if (previous?.finished_at) {
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
      }
      continue;
    }
    if (previous) throw new MigrationError(`migration ${migration.name} failed earlier; repair the database by hand`);
    const record = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
      VALUES ('${randomUUID()}', '${migration.checksum}', '${migration.name.replaceAll("'", "''")}', now(), 1);`;
    try {
      await session.exec(`BEGIN;\n${migration.sql}\n;\n${record}\nCOMMIT;`);
    } catch (error) {
      // The migration's error is the one to report; ROLLBACK fails when the batch never got as far as BEGIN.
      await session.exec("ROLLBACK").catch(() => undefined);
      throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
    }
    done.push(migration.name);
  }
  return done;
}
