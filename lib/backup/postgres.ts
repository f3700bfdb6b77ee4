import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { ensureDatabase, tableCount } from "@/lib/db/admin.ts";
import { connectPostgres } from "@/lib/db/connect.ts";
import { fingerprint, type Fingerprint } from "./checksum.ts";
import { tempPath, writeManifest, type Manifest } from "./manifest.ts";

// PostgreSQL backups: pg_dump's custom format (compressed, restorable table by table)
// and pg_restore into an empty database in one transaction. The fingerprint is taken
// in the very snapshot pg_dump copies (pg_export_snapshot), so it matches the file
// even while the portal keeps writing.

const run = promisify(execFile);

export class BackupError extends Error {}

/** The URL without its password (passed as PGPASSWORD instead, out of the process list). */
function clientArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}

export function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

async function clientMajor(tool: "pg_dump" | "pg_restore"): Promise<number> {
  try {
    const { stdout } = await run(tool, ["--version"]);
    return Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
  } catch {
    throw new BackupError(`${tool} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`);
  }
}

async function checkVersions(tool: "pg_dump" | "pg_restore", serverVersionNum: number) {
  const client = await clientMajor(tool);
  const server = Math.floor(serverVersionNum / 10_000);
  if (client < server) throw new BackupError(`${tool} ${client} cannot handle PostgreSQL ${server}: install postgresql-client-${server}`);
}

async function lastMigration(query: (sql: string) => Promise<{ name: string }[]>): Promise<string | null> {
  const rows = await query(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`,
  ).catch((error: unknown) => {
    // 42P01 undefined_table: a database never migrated. Anything else (the server gone) stops the backup.
    if ((error as { code?: unknown }).code === "42P01") return [];
    throw error;
  });
  return rows[0]?.name ?? null;
}

export async function backupPostgres(url: string, file: string): Promise<Manifest> {
  const handle = connectPostgres(url, 1);
  const partial = tempPath(file);
  try {
    return await handle.session(async (sql) => {
      const [server] = await sql.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
      await checkVersions("pg_dump", server!.v);
      await sql.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      try {
        const [{ snapshot }] = (await sql.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot")) as [{ snapshot: string }];
        const { dbname, env } = clientArgs(url);
        const dump = run(
          "pg_dump",
          ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${dbname}`],
          { env },
        );
        const [print, migration] = await Promise.all([fingerprint(sql), lastMigration((q) => sql.query(q))]);
        await dump.catch((error: { stderr?: string }) => {
          throw new BackupError(`pg_dump failed: ${error.stderr?.trim() || String(error)}`);
        });
        fs.renameSync(partial, file);
        const manifest: Manifest = {
          format: "postgres",
          createdAt: new Date().toISOString(),
          source: describeTarget(url),
          migration,
          fingerprint: print,
        };
        writeManifest(file, manifest);
        return manifest;
      } finally {
        await sql.exec("COMMIT");
      }
    });
  } finally {
    fs.rmSync(partial, { force: true });
    await handle.close();
  }
}

/** Restores a pg_dump file into the database in the URL (created when missing). */
export async function restorePostgres(file: string, url: string, options: { force: boolean }): Promise<Fingerprint> {
  await ensureDatabase(url);
  const handle = connectPostgres(url, 1);
  try {
    const [server] = await handle.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
    await checkVersions("pg_restore", server!.v);
    if ((await tableCount(handle)) > 0) {
      if (!options.force)
        throw new BackupError(
          `${describeTarget(url)} is not empty: restore replaces everything in it; pass --force if that is what you want`,
        );
      await handle.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    const { dbname, env } = clientArgs(url);
    await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`, file], {
      env,
    }).catch((error: { stderr?: string }) => {
      throw new BackupError(`pg_restore failed (nothing was restored): ${error.stderr?.trim() || String(error)}`);
    });
    await handle.exec("ANALYZE");
    return await handle.session((sql) => fingerprint(sql));
  } finally {
    await handle.close();
  }
}
