import PgBoss from "pg-boss";

// pg-boss on the portal's PostgreSQL database, in its own schema ("pgboss") and with its
// own small pool: BOSS_POOL_SIZE connections per process on top of DATABASE_POOL_SIZE
// (README, "Connections"). pg-boss creates and migrates its schema on start, under an
// advisory lock, so several instances starting at once is safe.

export const BOSS_SCHEMA = "pgboss";
export const BOSS_POOL_SIZE = 2;

export interface BossOptions {
  /** Seconds between looks at the schedules and the cron queue (1-45); unset: pg-boss's defaults (30 and 5). */
  tickSeconds?: number;
  /** Whether this instance takes part in scheduling (true for the app; false for a send-only client). */
  schedule?: boolean;
}

export function createBoss(connectionString: string, options: BossOptions = {}): PgBoss {
  const tick = options.tickSeconds;
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    max: BOSS_POOL_SIZE,
    application_name: "ksbb-jobs",
    schedule: options.schedule ?? true,
    ...(tick && { cronMonitorIntervalSeconds: tick, cronWorkerIntervalSeconds: tick, clockMonitorIntervalSeconds: Math.max(tick, 10) }),
  });
  // pg-boss reports failures of its own loops (maintenance, cron, polling) here; without a
  // listener Node would treat them as unhandled. They are logged; the loops go on.
  boss.on("error", (error) => console.error(`[jobs] pg-boss: ${error.message}`));
  return boss;
}
