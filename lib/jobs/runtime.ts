import type PgBoss from "pg-boss";
import { readEnv, type Env } from "@/lib/env.ts";
import { createBoss } from "./boss-db.ts";
import { HANDLERS } from "./handlers.ts";
import { startLocalRunner } from "./local-runner.ts";
import { DIGEST_HOUR, MAIL_SINGLETON_KEY, QUEUES, SCHEDULE_TIME_ZONE, schedulesFor, type QueueName } from "./queues.ts";
import type { JobsRuntime } from "./registry.ts";

// Starts the background jobs in this process (server.ts, after app.prepare()).
// PostgreSQL: pg-boss. Every process of every instance runs workers; schedules live in
// the database and pg-boss's cron lets one instance per minute turn a due schedule into
// a job (an atomic timestamp update, then a job with a per-minute singleton key), and a
// "stately" queue holds at most one waiting and one running job: each scheduled job runs
// once across all instances. Embedded PGlite: one process, so timers (local-runner.ts).

export type Handlers = Record<QueueName, () => Promise<unknown>>;

export interface StartOptions {
  env?: Env;
  /** The job bodies; tests wrap them to count runs. */
  handlers?: Handlers;
}

// Per queue: pg-boss retries a job whose handler threw (the database was away, say).
// Mail failures per address are the outbox's own business (lib/notifications/mailer.ts).
const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  [QUEUES.mail]: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
  [QUEUES.expirePledges]: { policy: "stately", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  [QUEUES.backup]: { policy: "stately", retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 2 * 60 * 60 },
  [QUEUES.staffDigest]: { policy: "stately", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
};

/** PostgreSQL's "deadlock detected": one of two transactions was chosen to give way. */
const DEADLOCK = "40P01";

/**
 * Creates a queue if it is new. Instances that start at once with a queue none has made
 * yet (a release that adds one) race in pg-boss's create_queue, and PostgreSQL resolves
 * that as a deadlock; the loser tries again after a short random pause and then finds
 * the queue made (the statement is ON CONFLICT DO NOTHING).
 */
export async function createQueue(boss: PgBoss, queue: QueueName, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(queue, { name: queue, ...QUEUE_OPTIONS[queue] });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw error;
      console.warn(`[jobs] creating queue ${queue} met another instance doing the same; trying again (${attempt})`);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

export async function startJobs(options: StartOptions = {}): Promise<JobsRuntime & { boss?: PgBoss }> {
  const env = options.env ?? readEnv();
  const handlers = options.handlers ?? HANDLERS;
  if (!env.DATABASE_URL) return startLocal(env, handlers);

  const boss = createBoss(env.DATABASE_URL, { tickSeconds: env.KSBB_JOBS_TICK_SECONDS });
  await boss.start();
  const schedules = schedulesFor(env);
  for (const queue of Object.values(QUEUES)) await createQueue(boss, queue);
  for (const { queue, cron } of schedules) {
    await boss.schedule(queue, cron, {}, { tz: SCHEDULE_TIME_ZONE, ...(queue === QUEUES.mail && { singletonKey: MAIL_SINGLETON_KEY }) });
  }
  // A schedule whose configuration was removed (KSBB_BACKUP_DIR) stops with it.
  for (const queue of Object.values(QUEUES)) {
    if (!schedules.some((schedule) => schedule.queue === queue)) await boss.unschedule(queue);
  }
  const pollingIntervalSeconds = env.KSBB_JOBS_TICK_SECONDS ?? 10;
  const workers = new Map<QueueName, string>();
  for (const queue of Object.values(QUEUES)) {
    const id = await boss.work(queue, { pollingIntervalSeconds, batchSize: 1 }, async () => {
      await handlers[queue]();
    });
    workers.set(queue, id);
  }
  console.log(`[jobs] pg-boss started: ${schedules.map((schedule) => `${schedule.queue} (${schedule.cron})`).join(", ")}`);

  return {
    engine: "pg-boss",
    boss,
    async requestMail() {
      await boss.send(QUEUES.mail, {}, { singletonKey: MAIL_SINGLETON_KEY });
      // This process's worker fetches at once rather than at its next poll.
      const worker = workers.get(QUEUES.mail);
      if (worker) boss.notifyWorker(worker);
    },
    async stop() {
      // Lets a running job finish (up to the timeout), then closes pg-boss's pool.
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

function jakartaHour(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: SCHEDULE_TIME_ZONE }).format(now));
}

function startLocal(env: Env, handlers: Handlers): JobsRuntime {
  const runner = startLocalRunner([
    { name: QUEUES.mail, everyMs: 60_000, firstAfterMs: 5_000, run: handlers[QUEUES.mail] },
    // Expiry is idempotent (a pledge expires once, by its version), so hourly is harmless.
    { name: QUEUES.expirePledges, everyMs: 60 * 60_000, firstAfterMs: 60_000, run: handlers[QUEUES.expirePledges] },
    // The digest is once per person per day (its table's key), so hourly from DIGEST_HOUR on is harmless.
    {
      name: QUEUES.staffDigest,
      everyMs: 60 * 60_000,
      firstAfterMs: 60 * 60_000,
      run: async () => (jakartaHour() >= DIGEST_HOUR ? handlers[QUEUES.staffDigest]() : undefined),
    },
  ]);
  console.log(`[jobs] in-process runner started (embedded database${env.SMTP_URL ? "" : "; SMTP_URL unset, mails stay in the outbox"})`);
  return {
    engine: "local",
    async requestMail() {
      runner.trigger(QUEUES.mail);
    },
    stop: () => runner.stop(),
  };
}
