// The operations of the need totals model test, each calling the real service the
// portal's pages call (lib/pledges/service.ts, lib/needs/service.ts) as a given person.
// A refusal the app decides on (ActionError, NotFoundError) comes back as
// { ok: false }; anything else thrown (a CHECK violation, a bug) propagates and fails
// the test, because a write path must never end that way.

import { randomUUID } from "node:crypto";
import { ActionError } from "@/lib/actions/errors.ts";
import { GuardError } from "@/lib/auth/errors.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { closeNeed, createNeed, importNeeds, reopenNeed, updateNeed } from "@/lib/needs/service.ts";
import { changePledgeStatus, createPledge, expireOverduePledges, recordDelivery } from "@/lib/pledges/service.ts";
import { testDb } from "./db.ts";
import type { Actor, DeliveryMode, PledgeStatus } from "./need-totals-model.ts";

const sql = <Row>(text: string, params: unknown[] = []) => testDb().query<Row>(text, params);

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; refusal: string };

/** Runs a service call; a refusal by a rule becomes { ok: false }, anything else is thrown on. */
async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ActionError) return { ok: false, refusal: `${error.code} ${error.messageKey}` };
    if (error instanceof GuardError) return { ok: false, refusal: error.code };
    throw error;
  }
}

/** The people and the place every run works with. */
export interface World {
  callers: Record<Actor, Caller>;
  programId: string;
  /** A kelurahan the aggregator serves, so aggregator pledges are accepted. */
  kelurahan: { kelurahanCode: string; kecamatanCode: string; kotaCode: string };
  deadline: string;
}

async function callerByEmail(email: string): Promise<Caller> {
  const [row] = await sql<
    Omit<Caller, "organisation" | "sessionId" | "mustEnrolSecondFactor"> & {
      orgName: string;
      orgKind: Caller["organisation"]["kind"];
      orgStatus: Caller["organisation"]["verificationStatus"];
    }
  >(
    `SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.organisation_id AS "organisationId",
            u.email_verified_at IS NOT NULL AS "emailVerified",
            o.name AS "orgName", o.kind::text AS "orgKind", o.verification_status::text AS "orgStatus"
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
    [email],
  );
  if (!row) throw new Error(`no user ${email}`);
  const { orgName, orgKind, orgStatus, ...user } = row;
  return {
    ...user,
    sessionId: `model:${user.id}`,
    mustEnrolSecondFactor: false,
    organisation: { id: user.organisationId, name: orgName, kind: orgKind, verificationStatus: orgStatus },
  };
}

/**
 * Staff, two verified donors of different organisations and a verified aggregator from the
 * demo seed; the Pangan program, kept open well past the needs' deadline; a kelurahan the
 * aggregator serves. Overdue pledges of the seed are expired once, so that later expiry
 * runs touch only the pledge a step made overdue.
 */
export async function loadWorld(): Promise<World> {
  const programId = "prg_00001";
  await sql(`UPDATE program SET ends_on = (now() AT TIME ZONE 'Asia/Jakarta')::date + 400, status = 'OPEN' WHERE id = $1`, [programId]);
  const callers: Record<Actor, Caller> = {
    staff: await callerByEmail("staf@ksbb.test"),
    donor0: await callerByEmail("donor@ksbb.test"),
    donor1: await callerByEmail("anggota10@ksbb.test"),
    aggregator: await callerByEmail("agregator@ksbb.test"),
  };
  if (callers.donor0.organisationId === callers.donor1.organisationId) throw new Error("the two donors must be different organisations");
  const [kelurahan] = await sql<World["kelurahan"]>(
    `SELECT k.code AS "kelurahanCode", c.code AS "kecamatanCode", c.parent_code AS "kotaCode"
       FROM aggregator_area a JOIN region k ON k.code = a.region_code AND k.level = 'KELURAHAN' JOIN region c ON c.code = k.parent_code
      WHERE a.organisation_id = $1 ORDER BY k.code LIMIT 1`,
    [callers.aggregator.organisationId],
  );
  if (!kelurahan) throw new Error("the demo aggregator serves no kelurahan");
  const [{ deadline }] = (await sql<{ deadline: string }>(
    `SELECT to_char((now() AT TIME ZONE 'Asia/Jakarta')::date + 60, 'YYYY-MM-DD') AS deadline`,
  )) as [{ deadline: string }];
  await expireOverduePledges();
  return { callers, programId, kelurahan: kelurahan, deadline };
}

const needFields = (world: World, item: string, targetQuantity: number) => ({
  programId: world.programId,
  kelurahanCode: world.kelurahan.kelurahanCode,
  rw: undefined,
  item,
  description: undefined,
  unit: "FOOD_PACKAGE" as const,
  targetQuantity,
  beneficiaryCount: 10,
  beneficiaryKind: "HOUSEHOLD" as const,
  deadline: world.deadline,
  priority: "MEDIUM" as const,
});

/** A new need through the staff form. */
export async function createNeedOp(world: World, item: string, target: number, status: "DRAFT" | "OPEN"): Promise<string> {
  const { id } = await createNeed(world.callers.staff, { ...needFields(world, item, target), status });
  return id;
}

export function pledgeOp(world: World, actor: Actor, needId: string, quantity: number, mode: DeliveryMode): Promise<Outcome<string>> {
  return attempt(async () => {
    const created = await createPledge(world.callers[actor], {
      needId,
      quantity,
      deliveryMode: mode,
      aggregatorId: mode === "AGGREGATOR" ? world.callers.aggregator.organisationId : undefined,
      plannedDeliveryOn: jakartaToday(),
      note: undefined,
      idempotencyKey: randomUUID(),
    });
    return created.id;
  });
}

/** Approve, reject, cancel, schedule, start delivery or confirm, naming the version the person saw. */
export function changeStatusOp(
  world: World,
  actor: Actor,
  pledgeId: string,
  version: number,
  to: Exclude<PledgeStatus, "SUBMITTED" | "DELIVERED" | "EXPIRED">,
): Promise<Outcome> {
  const reason = to === "REJECTED" || to === "CANCELLED" ? `Alasan uji model (${to.toLowerCase()})` : undefined;
  return attempt(async () => void (await changePledgeStatus(world.callers[actor], { pledgeId, version, to, reason })));
}

/** One delivery, without photos, recorded today. */
export function deliverOp(world: World, actor: Actor, pledgeId: string, version: number, quantity: number): Promise<Outcome> {
  return attempt(
    async () =>
      void (await recordDelivery(world.callers[actor], {
        pledgeId,
        version,
        quantity,
        deliveredOn: jakartaToday(),
        recipientGroup: "RW 01",
        recipientCount: undefined,
        notes: undefined,
        "photos[]": [],
      })),
  );
}

/**
 * Lets time pass for one pledge (its planned date moves 15 days back, past the grace
 * period), then runs the daily expiry. Returns how many pledges the expiry changed.
 */
export async function expireOp(pledgeId: string): Promise<Outcome<number>> {
  await sql(`UPDATE pledge SET planned_delivery_on = planned_delivery_on - 15 WHERE id = $1`, [pledgeId]);
  return attempt(() => expireOverduePledges());
}

/** An operator deletes a pledge (and its notices) in SQL: no page does, but the totals must still follow. */
export async function deletePledgeBySqlOp(pledgeId: string): Promise<Outcome> {
  const [{ deliveries }] = (await sql<{ deliveries: number }>(
    `SELECT count(*)::int AS deliveries FROM delivery_update WHERE pledge_id = $1`,
    [pledgeId],
  )) as [{ deliveries: number }];
  if (deliveries > 0) return { ok: false, refusal: "has deliveries" };
  await sql(`DELETE FROM notification WHERE pledge_id = $1`, [pledgeId]);
  await sql(`DELETE FROM pledge WHERE id = $1`, [pledgeId]);
  return { ok: true, value: undefined };
}

export function closeNeedOp(
  world: World,
  actor: Actor,
  needId: string,
  version: number,
  pledges: "none" | "keep" | "cancel",
): Promise<Outcome> {
  return attempt(
    async () =>
      void (await closeNeed(world.callers[actor], {
        id: needId,
        version,
        pledges: pledges === "none" ? undefined : pledges,
        reason: pledges === "cancel" ? "Ditutup oleh uji model" : undefined,
      })),
  );
}

/** The need form sent back with only the target changed (every other field as stored). */
export async function editTargetOp(world: World, actor: Actor, needId: string, version: number, target: number): Promise<Outcome> {
  const [row] = await sql<{ item: string; beneficiaryCount: number; deadline: string }>(
    `SELECT item, beneficiary_count AS "beneficiaryCount", to_char(deadline, 'YYYY-MM-DD') AS deadline FROM need WHERE id = $1`,
    [needId],
  );
  return attempt(() =>
    updateNeed(world.callers[actor], {
      ...needFields(world, row!.item, target),
      beneficiaryCount: row!.beneficiaryCount,
      deadline: row!.deadline,
      id: needId,
      version,
      status: undefined,
    }),
  );
}

export function reopenNeedOp(world: World, actor: Actor, needId: string, version: number): Promise<Outcome> {
  return attempt(() => reopenNeed(world.callers[actor], { id: needId, version }));
}

/** A CSV file of one row; returns the id of the need it created. */
export async function importNeedOp(world: World, item: string, target: number, status: "DRAFT" | "OPEN"): Promise<Outcome<string>> {
  const header = "kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas,rw,keterangan";
  const row = [world.kelurahan.kelurahanCode, item, "FOOD_PACKAGE", target, 10, "HOUSEHOLD", world.deadline, "MEDIUM", "", ""].join(",");
  const outcome = await attempt(() =>
    importNeeds(world.callers.staff, {
      programId: world.programId,
      status,
      fileName: "uji-model.csv",
      bytes: new TextEncoder().encode(`${header}\n${row}\n`),
    }),
  );
  if (!outcome.ok) return outcome;
  if (!outcome.value.ok) {
    const codes = [...outcome.value.file, ...outcome.value.lines.flatMap((line) => line.problems)].map((problem) => problem.code);
    return { ok: false, refusal: `import: ${codes.join(", ")}` };
  }
  const [need] = await sql<{ id: string }>(
    `SELECT id FROM need WHERE program_id = $1 AND item = $2 AND status <> 'CLOSED' ORDER BY created_at DESC LIMIT 1`,
    [world.programId, item],
  );
  return { ok: true, value: need!.id };
}
