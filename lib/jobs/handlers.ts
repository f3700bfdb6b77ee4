import "server-only";
import fs from "node:fs";
import path from "node:path";
import { totalRows } from "@/lib/backup/checksum.ts";
import { backupPath } from "@/lib/backup/manifest.ts";
import { backupPostgres } from "@/lib/backup/postgres.ts";
import { readEnv } from "@/lib/env.ts";
import { queueStaffDigests } from "@/lib/notifications/digest.ts";
import { sendOutbox } from "@/lib/notifications/mailer.ts";
import { expireOverduePledges } from "@/lib/pledges/service.ts";
import { QUEUES, type QueueName } from "./queues.ts";

// The job bodies. pg-boss workers, the in-process runner (embedded database) and the
// operator scripts (npm run mail:send, npm run pledges:expire) all call these. A handler
// that throws fails its job; pg-boss retries it.

export async function sendMailJob(): Promise<{ sent: number }> {
  let sent = 0;
  // Drain what is due, a batch at a time; a batch that sends nothing (all failing) ends the run.
  for (let batch = 0; batch < 20; batch++) {
    const count = await sendOutbox({ limit: 50 });
    sent += count;
    if (count === 0) break;
  }
  if (sent > 0) console.log(`[jobs] ${sent} e-mail(s) sent`);
  return { sent };
}

export async function expirePledgesJob(now = new Date()): Promise<{ expired: number }> {
  const expired = await expireOverduePledges(now);
  console.log(`[jobs] ${expired} pledge(s) expired`);
  return { expired };
}

/** A pg_dump into KSBB_BACKUP_DIR, as `npm run backup -- --out DIR` makes it. */
export async function backupJob(): Promise<{ file: string | null }> {
  const env = readEnv();
  if (!env.KSBB_BACKUP_DIR || !env.DATABASE_URL) return { file: null };
  const dir = path.resolve(env.KSBB_BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = backupPath(dir, "postgres");
  const manifest = await backupPostgres(env.DATABASE_URL, file);
  console.log(`[jobs] backup written: ${file} (${totalRows(manifest.fingerprint)} rows)`);
  return { file };
}

/** Queues the staff daily digest (once per person per day, whoever runs it) and asks for a send. */
export async function staffDigestJob(now = new Date()): Promise<{ queued: number }> {
  const { queued } = await queueStaffDigests(now);
  if (queued > 0) {
    console.log(`[jobs] ${queued} staff digest(s) queued`);
    await sendMailJob();
  }
  return { queued };
}

export const HANDLERS: Record<QueueName, () => Promise<unknown>> = {
  [QUEUES.mail]: sendMailJob,
  [QUEUES.expirePledges]: () => expirePledgesJob(),
  [QUEUES.backup]: backupJob,
  [QUEUES.staffDigest]: () => staffDigestJob(),
};
