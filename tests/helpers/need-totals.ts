// Reading a need's totals three ways for the model test: as stored on the need row (what
// every page shows), as the database recomputes them from the pledges (the view
// need_totals_computed, the same comparison as npm run db:check), and the pledges and
// audit events themselves, for the test's own model to judge.

import { findInconsistentNeeds, type InconsistentNeed } from "@/lib/pledges/totals.ts";
import { testDb } from "./db.ts";
import type { ExpectedEvent, NeedStatus, PledgeStatus, Totals } from "./need-totals-model.ts";

const sql = <Row>(text: string, params: unknown[] = []) => testDb().query<Row>(text, params);

export interface NeedRow {
  id: string;
  status: NeedStatus;
  target: number;
  version: number;
  stored: Totals;
  computed: Totals;
}

/** Each need's row and the view's recomputation of its totals, in one query. */
export async function readNeeds(ids: readonly string[]): Promise<Map<string, NeedRow>> {
  const rows = await sql<{
    id: string;
    status: NeedStatus;
    target: number;
    version: number;
    pledged: number;
    approved: number;
    delivered: number;
    confirmed: number;
    c_pledged: number;
    c_approved: number;
    c_delivered: number;
    c_confirmed: number;
  }>(
    `SELECT n.id, n.status::text AS status, n.target_quantity AS target, n.version,
            n.pledged_quantity AS pledged, n.approved_quantity AS approved, n.delivered_quantity AS delivered, n.confirmed_quantity AS confirmed,
            c.pledged_quantity AS c_pledged, c.approved_quantity AS c_approved, c.delivered_quantity AS c_delivered, c.confirmed_quantity AS c_confirmed
       FROM need n JOIN need_totals_computed c ON c.need_id = n.id
      WHERE n.id = ANY($1::text[]) AND c.need_id = ANY($1::text[])`,
    [[...ids]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        status: r.status,
        target: r.target,
        version: r.version,
        stored: { pledged: r.pledged, approved: r.approved, delivered: r.delivered, confirmed: r.confirmed },
        computed: { pledged: r.c_pledged, approved: r.c_approved, delivered: r.c_delivered, confirmed: r.c_confirmed },
      },
    ]),
  );
}

export interface PledgeRow {
  id: string;
  needId: string;
  status: PledgeStatus;
  quantity: number;
  delivered: number;
  version: number;
}

export async function readPledges(needIds: readonly string[]): Promise<PledgeRow[]> {
  return sql<PledgeRow>(
    `SELECT id, need_id AS "needId", status::text AS status, quantity, delivered_quantity AS delivered, version
       FROM pledge WHERE need_id = ANY($1::text[]) ORDER BY id`,
    [[...needIds]],
  );
}

/** The highest audit event id so far: events after it are the next step's. */
export async function auditWatermark(): Promise<bigint> {
  const [row] = await sql<{ id: string | null }>(`SELECT max(id)::text AS id FROM audit_event`);
  return BigInt(row?.id ?? 0);
}

/** Audit events written after the watermark, oldest first, and the new watermark. */
export async function auditSince(watermark: bigint): Promise<{ events: ExpectedEvent[]; watermark: bigint }> {
  const rows = await sql<{ id: string; entityType: string; entityId: string; action: string; from: string | null; to: string | null }>(
    `SELECT id::text AS id, entity_type AS "entityType", entity_id AS "entityId", action, from_status AS "from", to_status AS "to"
       FROM audit_event WHERE id > $1::bigint ORDER BY id`,
    [watermark.toString()],
  );
  const last = rows.at(-1);
  return {
    events: rows.map((row) => ({ entityType: row.entityType, entityId: row.entityId, action: row.action, from: row.from, to: row.to })),
    watermark: last ? BigInt(last.id) : watermark,
  };
}

/** npm run db:check's question over the whole database: every need whose stored totals differ from its pledges. */
export function inconsistentNeeds(): Promise<InconsistentNeed[]> {
  return findInconsistentNeeds(testDb());
}
