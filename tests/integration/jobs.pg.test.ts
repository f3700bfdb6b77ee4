import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readEnv } from "@/lib/env.ts";
import { createBoss } from "@/lib/jobs/boss-db.ts";
import { expirePledgesJob, sendMailJob } from "@/lib/jobs/handlers.ts";
import { MAIL_SINGLETON_KEY, QUEUES } from "@/lib/jobs/queues.ts";
import { startJobs, type Handlers } from "@/lib/jobs/runtime.ts";
import { sql } from "@/tests/helpers/db.ts";
import { databaseUrl } from "@/tests/setup/template.ts";

// Two pg-boss runtimes (two app instances) on one PostgreSQL database, collected only with
// TEST_DATABASE_URL. What this proves: with the expiry schedule due every minute and both
// instances looking at the schedules every second, the expiry job runs once in that minute
// (pg-boss's cron turns a due schedule into one job per minute across instances, and the
// queue runs it on one of them); and a burst of mail requests queues one job. It does not
// prove the daily production time fires (cron parsing is pg-boss's), nor anything about
// several minutes: each minute is a new slot and runs again by design.

const template = inject("dbTemplate");
let url: string;
const runtimes: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  if (template.engine !== "postgres") throw new Error("jobs.pg.test.ts needs TEST_DATABASE_URL");
  const [{ name }] = (await sql<{ name: string }>(`SELECT current_database() AS name`)) as [{ name: string }];
  url = databaseUrl(template.serverUrl, name);
});
afterAll(async () => {
  for (const runtime of runtimes) await runtime.stop();
});

/** The job bodies, counting this instance's runs. */
function countingHandlers(runs: Record<string, number>): Handlers {
  const count = (queue: string, run: () => Promise<unknown>) => async () => {
    runs[queue] = (runs[queue] ?? 0) + 1;
    return run();
  };
  return {
    [QUEUES.mail]: count(QUEUES.mail, sendMailJob),
    [QUEUES.expirePledges]: count(QUEUES.expirePledges, () => expirePledgesJob()),
    [QUEUES.backup]: count(QUEUES.backup, async () => null),
    [QUEUES.staffDigest]: count(QUEUES.staffDigest, async () => null),
  };
}

/** Not within the last 20 s of a minute: the test's window stays in one cron slot. */
async function startOfAMinute() {
  const second = new Date().getSeconds();
  if (second > 40) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe("background jobs on two instances", () => {
  it("starts four instances at once on a database whose queues none has made yet", async () => {
    // A release that adds a queue: every instance creates it as it starts. Without the
    // retry in createQueue, pg-boss's create_queue deadlocked and an instance died.
    const admin = createBoss(url, { schedule: false });
    await admin.start();
    for (const queue of Object.values(QUEUES)) if (await admin.getQueue(queue)) await admin.deleteQueue(queue);
    await admin.stop({ graceful: false, wait: true });
    const env = { ...readEnv(), DATABASE_URL: url };
    const started = await Promise.allSettled(Array.from({ length: 4 }, () => startJobs({ env, handlers: countingHandlers({}) })));
    for (const result of started) if (result.status === "fulfilled") await result.value.stop();
    expect(started.map((result) => (result.status === "rejected" ? String(result.reason) : "started"))).toEqual(Array(4).fill("started"));
  });

  it("runs the due expiry schedule once across two instances, and expires the overdue pledge once", async () => {
    const [pledge] = await sql<{ id: string }>(`SELECT id FROM pledge WHERE status = 'SUBMITTED' ORDER BY id LIMIT 1`);
    await sql(`UPDATE pledge SET planned_delivery_on = planned_delivery_on - 60 WHERE id = $1`, [pledge!.id]);
    const env = { ...readEnv(), DATABASE_URL: url, KSBB_JOBS_EXPIRE_CRON: "* * * * *", KSBB_JOBS_TICK_SECONDS: 1, SMTP_URL: undefined };

    await startOfAMinute();
    const runs = [{} as Record<string, number>, {} as Record<string, number>];
    for (const counter of runs) runtimes.push(await startJobs({ env, handlers: countingHandlers(counter) }));

    const total = () => runs.reduce((sum, counter) => sum + (counter[QUEUES.expirePledges] ?? 0), 0);
    await expect.poll(total, { timeout: 20_000, interval: 250 }).toBe(1);
    // Both instances keep looking every second; still one run.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(total()).toBe(1);

    const [state] = await sql<{ status: string }>(`SELECT status::text AS status FROM pledge WHERE id = $1`, [pledge!.id]);
    expect(state!.status).toBe("EXPIRED");
    expect(await sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND to_status = 'EXPIRED'`, [pledge!.id])).toEqual([
      { n: 1 },
    ]);
    // The schedule is stored once, however many instances registered it.
    expect(await sql(`SELECT name, cron FROM pgboss.schedule WHERE name = $1`, [QUEUES.expirePledges])).toEqual([
      { name: QUEUES.expirePledges, cron: "* * * * *" },
    ]);
    for (const runtime of runtimes.splice(0)) await runtime.stop();
  });

  it("queues one mail job for a burst of a hundred requests", async () => {
    const boss = createBoss(url, { schedule: false });
    await boss.start();
    try {
      await boss.purgeQueue(QUEUES.mail);
      const ids = await Promise.all(Array.from({ length: 100 }, () => boss.send(QUEUES.mail, {}, { singletonKey: MAIL_SINGLETON_KEY })));
      expect(ids.filter(Boolean)).toHaveLength(1);
      expect(await boss.getQueueSize(QUEUES.mail)).toBe(1);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
