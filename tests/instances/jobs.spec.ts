import { expect, test } from "@playwright/test";
import pg from "pg";
import { INSTANCE_PORTS, instancesDatabaseUrl } from "./config.ts";

// Issue 13: with two instances up on one database, the scheduled pledge expiry runs once
// per due time, not once per instance. serve.ts makes it due every minute and has both
// instances look at the schedules every second, so each of them would run it if nothing
// coordinated them. One expiry job per minute slot is the proof; the single audit event is what
// a person would notice (expiry itself also refuses to expire a pledge twice).

const instances = INSTANCE_PORTS.map((port) => `http://localhost:${port}`);
const db = new pg.Pool({ connectionString: instancesDatabaseUrl(process.env.TEST_DATABASE_URL!), max: 2 });
test.afterAll(() => db.end());

test.beforeAll(async ({ request }) => {
  for (const base of instances) await expect.poll(async () => (await request.get(`${base}/masuk`)).status(), { timeout: 60_000 }).toBe(200);
});

test("an overdue pledge is expired once while two instances run the schedule", async () => {
  test.setTimeout(150_000);
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM pledge WHERE status = 'SUBMITTED' ORDER BY id LIMIT 1`);
  const pledgeId = rows[0]!.id;
  await db.query(`UPDATE pledge SET planned_delivery_on = planned_delivery_on - 60 WHERE id = $1`, [pledgeId]);

  await expect
    .poll(
      async () =>
        (await db.query<{ status: string }>(`SELECT status::text AS status FROM pledge WHERE id = $1`, [pledgeId])).rows[0]!.status,
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe("EXPIRED");
  // Both instances keep looking at the schedule every second for a while longer.
  await new Promise((resolve) => setTimeout(resolve, 5_000));

  const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND to_status = 'EXPIRED'`, [
    pledgeId,
  ]);
  expect(audit.rows[0]!.n).toBe(1);
  // pg-boss turns a due schedule into one "send-it" job per minute slot (singleton_on),
  // whichever instance gets there first; each slot must have led to exactly one expiry job.
  const jobs = await db.query<{ jobs: number; slots: number }>(
    `SELECT (SELECT count(*) FROM (SELECT id FROM pgboss.job WHERE name = 'pledges-expire'
                                    UNION ALL SELECT id FROM pgboss.archive WHERE name = 'pledges-expire') j)::int AS jobs,
            (SELECT count(DISTINCT singleton_on) FROM (SELECT singleton_on FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'pledges-expire'
                                    UNION ALL SELECT singleton_on FROM pgboss.archive WHERE name = '__pgboss__send-it' AND singleton_key = 'pledges-expire') s)::int AS slots`,
  );
  expect(jobs.rows[0]!.slots).toBeGreaterThan(0);
  expect(jobs.rows[0]!.jobs).toBe(jobs.rows[0]!.slots);
});
