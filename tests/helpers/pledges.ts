import { randomUUID } from "node:crypto";
import { jakartaToday } from "@/lib/dates.ts";
import { createPledgeAction } from "@/lib/pledges/actions.ts";
import { sql } from "./db.ts";
import { actAs, form, userIdByEmail } from "./session.ts";

/** A fresh open need (copy of a seeded one) with the given target and nothing pledged. */
export async function freshNeed(target: number, options: { deadlineDays?: number } = {}): Promise<{ id: string; kelurahan: string }> {
  const id = `need_t${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const [row] = await sql<{ kelurahan_code: string }>(
    `INSERT INTO need (id, program_id, kota_code, kecamatan_code, kelurahan_code, item, unit, target_quantity, pledged_quantity, delivered_quantity,
                       beneficiary_count, beneficiary_kind, priority, deadline, status, updated_at)
     SELECT $1, program_id, kota_code, kecamatan_code, kelurahan_code, item, unit, $2, 0, 0, beneficiary_count, beneficiary_kind, priority,
            (now() AT TIME ZONE 'Asia/Jakarta')::date + $3::int, 'OPEN', now()
       FROM need WHERE kota_code = '31.71' AND status = 'OPEN' ORDER BY id LIMIT 1
     RETURNING kelurahan_code`,
    [id, target, options.deadlineDays ?? 60],
  );
  return { id, kelurahan: row!.kelurahan_code };
}

export async function needTotals(id: string) {
  const [row] = await sql<{ pledged: number; delivered: number; approved: number; confirmed: number; status: string }>(
    `SELECT pledged_quantity AS pledged, delivered_quantity AS delivered, approved_quantity AS approved, confirmed_quantity AS confirmed,
            status::text AS status FROM need WHERE id = $1`,
    [id],
  );
  return row!;
}

/** The need's approved and confirmed totals, summed from its pledges here rather than read from the row. */
export async function approvalTotalsFromPledges(id: string) {
  const rows = await sql<{ status: string; quantity: number; delivered: number }>(
    `SELECT status::text AS status, quantity, delivered_quantity AS delivered FROM pledge WHERE need_id = $1`,
    [id],
  );
  const approvedStatuses = ["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"];
  return {
    approved: rows.filter((row) => approvedStatuses.includes(row.status)).reduce((sum, row) => sum + row.quantity, 0),
    confirmed: rows.filter((row) => row.status === "CONFIRMED").reduce((sum, row) => sum + row.delivered, 0),
  };
}

export async function pledgeState(id: string) {
  const [row] = await sql<{ status: string; version: number; delivered: number }>(
    `SELECT status::text AS status, version, delivered_quantity AS delivered FROM pledge WHERE id = $1`,
    [id],
  );
  return row!;
}

/** A direct-delivery pledge by the demo donor (signed in for it); its id, or an error when it was refused. */
export async function submitPledge(needId: string, quantity = 10): Promise<string> {
  actAs(await userIdByEmail("donor@ksbb.test"));
  const result = await createPledgeAction(
    null,
    form({ needId, quantity: String(quantity), deliveryMode: "DIRECT", plannedDeliveryOn: jakartaToday(), idempotencyKey: randomUUID() }),
  );
  const id = result?.ok ? result.data?.pledgeId : undefined;
  if (!id) throw new Error(`pledge refused: ${JSON.stringify(result)}`);
  return id;
}
