// A need's four running totals (pledged, approved, delivered, confirmed) are defined once,
// in the database: ksbb_pledge_totals says what one pledge adds to each, the view
// need_totals_computed sums it over a need's pledges, and statement triggers on pledge
// apply every change to the stored columns in the same statement. Nothing in the app
// writes them (a trigger on need refuses it). See
// prisma/migrations/20261202170000_need_totals_in_database and docs/decisions/0017.

import type { SqlSession } from "@/lib/db/connect.ts";
import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";

/**
 * A pledge the city has accepted, whatever its delivery progress: the statuses whose
 * quantity counts as approved (ksbb_pledge_totals; lib/pledges/totals.test.ts keeps the two equal).
 */
export const APPROVED_PLEDGE_STATUSES: readonly PledgeStatus[] = ["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"];

/** The stored totals of every need that differ from its pledges, with both figures. */
export const INCONSISTENT_NEEDS_SQL = `
  SELECT n.id, n.target_quantity AS target,
         n.pledged_quantity AS pledged, c.pledged_quantity AS "pledgedComputed",
         n.approved_quantity AS approved, c.approved_quantity AS "approvedComputed",
         n.delivered_quantity AS delivered, c.delivered_quantity AS "deliveredComputed",
         n.confirmed_quantity AS confirmed, c.confirmed_quantity AS "confirmedComputed"
    FROM need n JOIN need_totals_computed c ON c.need_id = n.id
   WHERE (n.pledged_quantity, n.approved_quantity, n.delivered_quantity, n.confirmed_quantity)
         IS DISTINCT FROM (c.pledged_quantity, c.approved_quantity, c.delivered_quantity, c.confirmed_quantity)
   ORDER BY n.id`;

export interface InconsistentNeed {
  id: string;
  target: number;
  pledged: number;
  pledgedComputed: number;
  approved: number;
  approvedComputed: number;
  delivered: number;
  deliveredComputed: number;
  confirmed: number;
  confirmedComputed: number;
}

/** Sets the stored totals of the given needs to the computed ones: the operator's repair. */
export const REPAIR_NEED_TOTALS_SQL = `
  UPDATE need n
     SET pledged_quantity = c.pledged_quantity, approved_quantity = c.approved_quantity,
         delivered_quantity = c.delivered_quantity, confirmed_quantity = c.confirmed_quantity, updated_at = now()
    FROM need_totals_computed c
   WHERE c.need_id = n.id AND n.id = ANY($1::text[])`;

/** Every need whose stored totals differ from its pledges (empty when the database is sound). */
export async function findInconsistentNeeds(sql: Pick<SqlSession, "query">): Promise<InconsistentNeed[]> {
  return sql.query<InconsistentNeed>(INCONSISTENT_NEEDS_SQL);
}
