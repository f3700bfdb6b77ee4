// npm run backup [-- --out DIR]: a consistent copy of the portal's database into
// DIR (default backups/) with a manifest of row counts and checksums beside it.
// PostgreSQL (DATABASE_URL): pg_dump, safe while the portal runs. Embedded: PGlite's
// data folder, refused while the portal has it open.
import fs from "node:fs";
import path from "node:path";
import { totalRows } from "@/lib/backup/checksum.ts";
import { backupEmbedded } from "@/lib/backup/embedded.ts";
import { backupPath } from "@/lib/backup/manifest.ts";
import { backupPostgres, BackupError, describeTarget } from "@/lib/backup/postgres.ts";
import { describeDbError } from "@/lib/db/describe-error.ts";
import { readEnv } from "@/lib/env.ts";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = path.resolve(outIndex >= 0 ? (args[outIndex + 1] ?? "") : "backups");

const started = performance.now();
try {
  const env = readEnv();
  fs.mkdirSync(outDir, { recursive: true });
  const file = backupPath(outDir, env.DATABASE_URL ? "postgres" : "embedded");
  const manifest = env.DATABASE_URL ? await backupPostgres(env.DATABASE_URL, file) : await backupEmbedded(env.KSBB_DATA_DIR, file);
  const tables = Object.keys(manifest.fingerprint).filter((name) => name.startsWith("table:")).length;
  const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  console.log(
    `[backup] ${manifest.format === "postgres" ? describeTarget(env.DATABASE_URL!) : manifest.source}: ${tables} tables, ${totalRows(manifest.fingerprint)} rows, migration ${manifest.migration ?? "none"}`,
  );
  const shown = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
  console.log(`[backup] wrote ${shown} (${size} MB) and its manifest in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(file);
} catch (error) {
  const message = error instanceof BackupError ? error.message : describeDbError(error, process.env.DATABASE_URL);
  console.error(`[backup] failed: ${message}`);
  process.exit(1);
}
