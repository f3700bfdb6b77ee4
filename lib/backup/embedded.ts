import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { embeddedOwnerFile, type SqlSession } from "@/lib/db/connect.ts";
import { fingerprint, type Fingerprint } from "./checksum.ts";
import { tempPath, writeManifest, type Manifest } from "./manifest.ts";
import { BackupError } from "./postgres.ts";

// Embedded backups: PGlite's own dump of its data folder (a gzipped tar), taken with
// the folder opened by this process alone. PGlite is one process's database: copying
// its files while the portal runs could catch a half-written page, so both directions
// refuse while the process that last opened it (lib/db/connect.ts) is alive.

function session(pglite: PGlite): SqlSession {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
  };
}

function assertNotInUse(dataDir: string) {
  const owner = embeddedOwnerFile(dataDir);
  if (!fs.existsSync(owner)) return;
  const pid = Number(fs.readFileSync(owner, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // ESRCH: that process has ended. EPERM: it runs, under another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
  }
  throw new BackupError(`the embedded database ${dataDir} is open in process ${pid} (the portal?): stop it first, then try again`);
}

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

export async function backupEmbedded(dataDir: string, file: string): Promise<Manifest> {
  if (isEmptyDir(dataDir)) throw new BackupError(`there is no embedded database at ${dataDir}`);
  assertNotInUse(dataDir);
  fs.writeFileSync(embeddedOwnerFile(dataDir), String(process.pid));
  const pglite = new PGlite(path.resolve(dataDir));
  const partial = tempPath(file);
  try {
    const sql = session(pglite);
    const print = await fingerprint(sql);
    const [migration] = await sql.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1 DESC LIMIT 1`,
    );
    const dump = await pglite.dumpDataDir("gzip");
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
    const manifest: Manifest = {
      format: "embedded",
      createdAt: new Date().toISOString(),
      source: dataDir,
      migration: migration?.name ?? null,
      fingerprint: print,
    };
    writeManifest(file, manifest);
    return manifest;
  } finally {
    fs.rmSync(partial, { force: true });
    await pglite.close();
  }
}

/** Restores into dataDir; with force, a folder already there is kept aside as <dir>.before-restore-<time>. */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  options: { force: boolean },
): Promise<{ fingerprint: Fingerprint; keptAside: string | null }> {
  assertNotInUse(dataDir);
  let keptAside: string | null = null;
  if (!isEmptyDir(dataDir)) {
    if (!options.force)
      throw new BackupError(
        `${dataDir} already holds a database: restore replaces it; pass --force if that is what you want (the old folder is kept aside)`,
      );
    keptAside = `${path.resolve(dataDir)}.before-restore-${new Date().toISOString().replaceAll(":", "-")}`;
    fs.renameSync(dataDir, keptAside);
  }
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  fs.writeFileSync(embeddedOwnerFile(dataDir), String(process.pid));
  let pglite: PGlite | undefined;
  try {
    pglite = new PGlite(path.resolve(dataDir), { loadDataDir: new Blob([fs.readFileSync(file)]) });
    return { fingerprint: await fingerprint(session(pglite)), keptAside };
  } catch (error) {
    // Leave things as they were: no half-restored folder, the old one back in place.
    await pglite?.close().catch(() => undefined);
    pglite = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (keptAside) fs.renameSync(keptAside, dataDir);
    throw new BackupError(`${file} could not be restored (${(error as Error).message}); nothing was changed`);
  } finally {
    await pglite?.close();
  }
}
