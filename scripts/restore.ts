// npm run restore -- FILE [--force]: puts a backup made by `npm run backup` back.
// A .dump goes into the PostgreSQL database in DATABASE_URL (created when missing),
// a .tar.gz into the embedded folder KSBB_DATA_DIR. A database that holds anything
// is only replaced with --force. Afterwards every table is checked against the
// manifest written with the backup.
import fs from "node:fs";
import { compareFingerprints, totalRows, type Fingerprint } from "@/lib/backup/checksum.ts";
import { restoreEmbedded } from "@/lib/backup/embedded.ts";
import { formatOf, readManifest } from "@/lib/backup/manifest.ts";
import { BackupError, describeTarget, restorePostgres } from "@/lib/backup/postgres.ts";
import { describeDbError } from "@/lib/db/describe-error.ts";
import { readEnv } from "@/lib/env.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((arg) => !arg.startsWith("--"));

function stop(message: string): never {
  console.error(`[restore] ${message}`);
  process.exit(1);
}

if (!file) stop("name the backup file: npm run restore -- backups/ksbb-<time>.dump [--force]");
if (!fs.existsSync(file)) stop(`${file} does not exist`);
const format = formatOf(file);
if (!format) stop(`${file} is neither a .dump (PostgreSQL) nor a .tar.gz (embedded) backup`);

const started = performance.now();
let restored: Fingerprint;
let target: string;
try {
  const env = readEnv();
  if (format === "postgres") {
    if (!env.DATABASE_URL) stop("this is a PostgreSQL backup: set DATABASE_URL to the database to restore into");
    target = describeTarget(env.DATABASE_URL);
    restored = await restorePostgres(file, env.DATABASE_URL, { force });
  } else {
    if (env.DATABASE_URL)
      stop("this is an embedded-database backup: unset DATABASE_URL and set KSBB_DATA_DIR to the folder to restore into");
    target = env.KSBB_DATA_DIR;
    const result = await restoreEmbedded(file, env.KSBB_DATA_DIR, { force });
    if (result.keptAside) console.log(`[restore] the database that was there is kept in ${result.keptAside}`);
    restored = result.fingerprint;
  }
} catch (error) {
  stop(`failed: ${error instanceof BackupError ? error.message : describeDbError(error, process.env.DATABASE_URL)}`);
}

console.log(`[restore] ${file} → ${target}: ${totalRows(restored)} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const manifest = readManifest(file);
if (!manifest) {
  console.log("[restore] no manifest beside the file: row counts and checksums not verified");
} else {
  const differences = compareFingerprints(manifest.fingerprint, restored);
  if (differences.length > 0) stop(`the restored database differs from the backup:\n  ${differences.join("\n  ")}`);
  console.log(`[restore] verified: every table's row count and checksum match the backup of ${manifest.createdAt}`);
}
