import fs from "node:fs";
import path from "node:path";
import type { Fingerprint } from "./checksum.ts";

// Every backup file has a manifest beside it: what it holds and the fingerprint of the
// database at the moment of the copy, so a restore can prove it got everything back.

export type BackupFormat = "postgres" | "embedded";

export interface Manifest {
  format: BackupFormat;
  createdAt: string;
  /** host:port/database or the embedded folder; never a password. */
  source: string;
  /** The last migration applied in the copied database. */
  migration: string | null;
  fingerprint: Fingerprint;
}

export const EXTENSION: Record<BackupFormat, string> = { postgres: ".dump", embedded: ".tar.gz" };

export function formatOf(file: string): BackupFormat | null {
  if (file.endsWith(EXTENSION.postgres)) return "postgres";
  if (file.endsWith(EXTENSION.embedded)) return "embedded";
  return null;
}

export function manifestPath(file: string): string {
  const format = formatOf(file);
  return `${format ? file.slice(0, -EXTENSION[format].length) : file}.manifest.json`;
}

/** backups/ksbb-2026-11-28T16-20-05Z.dump */
export function backupPath(dir: string, format: BackupFormat, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
  return path.join(dir, `ksbb-${stamp}${EXTENSION[format]}`);
}

export function writeManifest(file: string, manifest: Manifest) {
  fs.writeFileSync(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(file: string): Manifest | null {
  const where = manifestPath(file);
  return fs.existsSync(where) ? (JSON.parse(fs.readFileSync(where, "utf8")) as Manifest) : null;
}

/** Writes through a temporary name, so an interrupted backup never looks complete. */
export function tempPath(file: string): string {
  return `${file}.partial`;
}
