import type { Env } from "@/lib/env.ts";

// The background jobs: one pg-boss queue each, and when each runs on its own. Kept free
// of "server-only" and of the job bodies so server.ts and tests can read it cheaply.

export const QUEUES = {
  mail: "mail-send",
  expirePledges: "pledges-expire",
  backup: "db-backup",
  staffDigest: "staff-digest",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The staff digest goes out at this hour, Jakarta time (KSBB_JOBS_DIGEST_CRON overrides it). */
export const DIGEST_HOUR = 7;

/** Cron times are Jakarta's: pledge expiry counts Jakarta days. */
export const SCHEDULE_TIME_ZONE = "Asia/Jakarta";

export interface JobSchedule {
  queue: QueueName;
  cron: string;
}

/**
 * What runs on a schedule. Mail every minute is the safety net: retries after backoff,
 * and mail written by a process that could not ask for a send. The backup runs only when
 * KSBB_BACKUP_DIR says where it goes, and only on PostgreSQL (an embedded database
 * cannot be copied while the portal has it open).
 */
export function schedulesFor(env: Env): JobSchedule[] {
  return [
    { queue: QUEUES.mail, cron: "* * * * *" },
    { queue: QUEUES.expirePledges, cron: env.KSBB_JOBS_EXPIRE_CRON ?? "15 0 * * *" },
    { queue: QUEUES.staffDigest, cron: env.KSBB_JOBS_DIGEST_CRON ?? `0 ${DIGEST_HOUR} * * *` },
    ...(env.KSBB_BACKUP_DIR && env.DATABASE_URL ? [{ queue: QUEUES.backup, cron: env.KSBB_JOBS_BACKUP_CRON ?? "30 2 * * *" }] : []),
  ];
}

/** One request to send mail, however many changes asked for it (pg-boss singleton key). */
export const MAIL_SINGLETON_KEY = "outbox";
