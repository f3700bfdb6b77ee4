import { describe, expect, it } from "vitest";
import { PledgeStatus } from "@/lib/generated/prisma/enums.ts";
import { sql, testDb } from "@/tests/helpers/db.ts";
import { APPROVED_PLEDGE_STATUSES, findInconsistentNeeds, REPAIR_NEED_TOTALS_SQL } from "./totals.ts";
import { RELEASING } from "./state-machine.ts";

describe("need totals, defined in the database", () => {
  it("counts as approved and as released exactly the statuses the app names", async () => {
    const rows = await sql<{ status: string; pledged: number; approved: number; delivered: number; confirmed: number }>(
      `SELECT s::text AS status, t.pledged, t.approved, t.delivered_part AS delivered, t.confirmed
         FROM unnest(enum_range(NULL::"PledgeStatus")) s, ksbb_pledge_totals(s, 10, 3) t ORDER BY 1`,
    );
    expect(rows.map((row) => row.status).sort()).toEqual(Object.values(PledgeStatus).sort());
    for (const row of rows) {
      const status = row.status as PledgeStatus;
      expect(row, status).toEqual({
        status,
        pledged: RELEASING.has(status) ? 3 : 10,
        approved: APPROVED_PLEDGE_STATUSES.includes(status) ? 10 : 0,
        delivered: 3,
        confirmed: status === "CONFIRMED" ? 3 : 0,
      });
    }
  });

  it("finds a need whose stored totals were set by hand, and the repair sets them from its pledges", async () => {
    expect(await findInconsistentNeeds(testDb())).toEqual([]);
    const [need] = await sql<{ id: string; approved: number }>(
      `SELECT id, approved_quantity AS approved FROM need WHERE approved_quantity > 0 ORDER BY id LIMIT 1`,
    );
    await testDb().session(async (session) => {
      await session.query(`SELECT set_config('ksbb.repair_totals', 'on', false)`);
      await session.query(`UPDATE need SET approved_quantity = approved_quantity - 1 WHERE id = $1`, [need!.id]);
      await session.query(`SELECT set_config('ksbb.repair_totals', 'off', false)`);
    });
    const found = await findInconsistentNeeds(testDb());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: need!.id, approved: need!.approved - 1, approvedComputed: need!.approved });

    await testDb().session(async (session) => {
      await session.query(`SELECT set_config('ksbb.repair_totals', 'on', false)`);
      await session.query(REPAIR_NEED_TOTALS_SQL, [[need!.id]]);
      await session.query(`SELECT set_config('ksbb.repair_totals', 'off', false)`);
    });
    expect(await findInconsistentNeeds(testDb())).toEqual([]);
  });
});
