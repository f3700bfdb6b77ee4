import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { currentUser, type Caller } from "@/lib/auth/guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { closeNeed } from "@/lib/needs/service.ts";
import { changePledgeStatus, createPledge } from "@/lib/pledges/service.ts";
import { findInconsistentNeeds } from "@/lib/pledges/totals.ts";
import { sql, testDb } from "@/tests/helpers/db.ts";
import { freshNeed, needTotals, pledgeState } from "@/tests/helpers/pledges.ts";
import { actAs, userIdByEmail } from "@/tests/helpers/session.ts";

// Races, on a real PostgreSQL server (collected only with TEST_DATABASE_URL): the
// service functions run concurrently over the connection pool, as parallel requests would.

let donor: Caller;
let staff: Caller;

beforeAll(async () => {
  actAs(await userIdByEmail("donor@ksbb.test"));
  donor = (await currentUser())!;
  actAs(await userIdByEmail("staf@ksbb.test"));
  staff = (await currentUser())!;
});

const input = (needId: string, quantity: number, idempotencyKey = randomUUID()) => ({
  needId,
  quantity,
  deliveryMode: "DIRECT" as const,
  aggregatorId: undefined,
  plannedDeliveryOn: jakartaToday(),
  note: undefined,
  idempotencyKey,
});

describe("concurrent pledges on PostgreSQL", () => {
  it("never over-pledges: 50 concurrent pledges of 3 on a target of 100 give exactly 33, twenty times over", async () => {
    for (let round = 0; round < 20; round++) {
      const need = await freshNeed(100);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => createPledge(donor, input(need.id, 3))));
      const succeeded = results.filter((r) => r.status === "fulfilled").length;
      const refused = results.filter(
        (r) => r.status === "rejected" && (r.reason as { messageKey?: string }).messageKey === "exceedsRemaining",
      ).length;
      expect({ round, succeeded, refused }).toEqual({ round, succeeded: 33, refused: 17 });
      expect(await needTotals(need.id)).toMatchObject({ pledged: 99 });
      const [row] = await sql<{ n: number; total: number }>(
        `SELECT count(*)::int AS n, sum(quantity)::int AS total FROM pledge WHERE need_id = $1`,
        [need.id],
      );
      expect(row).toEqual({ n: 33, total: 99 });
    }
  });

  it("lets exactly one of two concurrent status changes win, with one audit event", async () => {
    const need = await freshNeed(20);
    const pledge = await createPledge(donor, input(need.id, 5));
    const results = await Promise.allSettled([
      changePledgeStatus(staff, { pledgeId: pledge.id, version: 0, to: "APPROVED", reason: undefined }),
      changePledgeStatus(staff, { pledgeId: pledge.id, version: 0, to: "REJECTED", reason: "Ganda" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "CONFLICT")).toHaveLength(1);
    expect(await pledgeState(pledge.id)).toMatchObject({ version: 1 });
    const events = await sql(`SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'pledge.status_changed'`, [pledge.id]);
    expect(events).toHaveLength(1);
  });

  it("makes one pledge from ten concurrent submissions with the same idempotency key", async () => {
    const need = await freshNeed(100);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => createPledge(donor, input(need.id, 7, key))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await sql(`SELECT 1 FROM pledge WHERE need_id = $1`, [need.id])).toHaveLength(1);
    expect(await needTotals(need.id)).toMatchObject({ pledged: 7 });
  });

  // Every writer takes the need's row before a pledge's (lockNeed in lib/pledges/service.ts);
  // closing a need claims the need, then cancels its pledges. If a status change took the
  // pledge first, the totals trigger would then wait for the need while the close waits for
  // the pledge: PostgreSQL breaks that deadlock by failing one of them (40P01). The model
  // test runs one operation at a time and cannot see this.
  it("never deadlocks when reviews race a close that cancels the pledges: each review either lands or is refused as changed", async () => {
    for (let round = 0; round < 10; round++) {
      const need = await freshNeed(100);
      const pledges = [];
      for (let i = 0; i < 6; i++) pledges.push(await createPledge(donor, input(need.id, 5)));
      const [{ version }] = (await sql<{ version: number }>(`SELECT version FROM need WHERE id = $1`, [need.id])) as [{ version: number }];
      const results = await Promise.allSettled([
        ...pledges.map((p) => changePledgeStatus(staff, { pledgeId: p.id, version: 0, to: "APPROVED", reason: undefined })),
        closeNeed(staff, { id: need.id, version, pledges: "cancel", reason: "Ditutup untuk uji" }),
      ]);
      const unexpected = results.flatMap((r) =>
        r.status === "rejected" && (r.reason as { code?: string }).code !== "CONFLICT" ? [String((r.reason as Error).message)] : [],
      );
      expect({ round, unexpected }).toEqual({ round, unexpected: [] });
      expect(results.at(-1)!.status, `round ${round}: the close`).toBe("fulfilled");
      const states = await sql<{ status: string }>(`SELECT status FROM pledge WHERE need_id = $1`, [need.id]);
      expect(states.every((row) => row.status === "CANCELLED")).toBe(true);
      expect(await needTotals(need.id)).toMatchObject({ pledged: 0 });
    }
    expect(await findInconsistentNeeds(testDb())).toEqual([]);
  });
});
