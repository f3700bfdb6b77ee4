import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { ActionError } from "@/lib/actions/errors.ts";
import { NotFoundError, STAFF_ROLES } from "@/lib/auth/errors.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { createCommunityLink } from "@/lib/deliveries/community.ts";
import { addDays, dateOnly, jakartaToday } from "@/lib/dates.ts";
import { isUniqueViolation } from "@/lib/db/constraint-error.ts";
import { db, dbHandle } from "@/lib/db/index.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";
import { noticeMail } from "@/lib/notifications/mail.ts";
import { notify, officeStaff, organisationMembers } from "@/lib/notifications/service.ts";
import { fileStore } from "@/lib/storage/index.ts";
import { cleanPhoto } from "./photos.ts";
import { pledgeReference } from "./reference.ts";
import type { changePledgeStatusSchema, createPledgeSchema, recordDeliverySchema } from "./schema.ts";
import { checkTransition, DELIVERABLE, EXPIRY_GRACE_DAYS, NEEDS_REASON, OPEN_PLEDGE_STATUSES, type PledgeActor } from "./state-machine.ts";

type Tx = Prisma.TransactionClient;

// Coverage can never be broken. A need's totals are the database's (lib/pledges/totals.ts):
// triggers on pledge move them in the statement that changes a pledge, and the need's
// CHECKs judge the result. A new pledge first claims its quantity with a conditional
// UPDATE on the need row (PostgreSQL re-checks its WHERE after waiting for a concurrent
// writer), so a refusal is a clean "not enough left" rather than a CHECK violation.
// Status changes carry the version the person saw; each writes its audit event and
// notices in the same transaction.

// $1 need, $2 quantity, $3 today (Jakarta), $4 planned delivery, $5 donor organisation,
// $6 idempotency key, $7 aggregator or null, $8 reference, $9 user, $10 delivery mode,
// $11 note, $12-$14 the staff e-mail's subject, text and HTML in Indonesian and $15-$17 in
// English, with slots for the need's item and the pledge's id (both known only here; the item
// is escaped for the HTML). The notice and the mail go to the staff of the office that owns
// the need's program; the mail only to those who chose a mail per notice over the digest.
// Every new row takes its id from the database.
const ITEM_SLOT = "__ksbb_item__";
const PLEDGE_SLOT = "__ksbb_pledge__";
const CREATE_PLEDGE_SQL = `
  WITH claimed AS (
    UPDATE need
       SET updated_at = now()
     WHERE id = $1
       AND status = 'OPEN'
       AND pledged_quantity + $2::int <= target_quantity
       AND deadline >= $3::date
       AND deadline >= $4::date
       AND NOT EXISTS (SELECT 1 FROM pledge WHERE donor_organisation_id = $5 AND idempotency_key = $6)
       AND ($7::text IS NULL OR EXISTS (
             SELECT 1 FROM aggregator_area a JOIN organisation o ON o.id = a.organisation_id
              WHERE a.organisation_id = $7::text AND a.region_code = need.kelurahan_code
                AND o.kind = 'AGGREGATOR' AND o.verification_status = 'VERIFIED'))
    RETURNING id, item, program_id
  ), created AS (
    INSERT INTO pledge (reference, need_id, donor_organisation_id, created_by_id, quantity, delivery_mode,
                        aggregator_organisation_id, planned_delivery_on, note, idempotency_key, updated_at)
    SELECT $8, claimed.id, $5, $9, $2::int, $10::"DeliveryMode", $7::text, $4::date, $11::text, $6, now()
      FROM claimed
    RETURNING id, reference
  ), audit AS (
    INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, action, to_status, metadata)
    SELECT $9, $5, 'pledge', created.id, 'pledge.created', 'SUBMITTED', jsonb_build_object('quantity', $2::int)
      FROM created
  ), staff AS (
    SELECT u.id, u.email, u.locale, u.staff_mail
      FROM app_user u JOIN program p ON p.owner_organisation_id = u.organisation_id JOIN claimed ON claimed.program_id = p.id
     WHERE u.role = 'CITY_STAFF' AND u.active
  ), notices AS (
    INSERT INTO notification (user_id, kind, pledge_id, params)
    SELECT staff.id, 'pledge.SUBMITTED', created.id, jsonb_build_object('reference', $8::text, 'item', claimed.item)
      FROM staff, claimed, created
  ), mails AS (
    INSERT INTO email_outbox (to_address, subject, body, html)
    SELECT staff.email,
           replace(CASE WHEN staff.locale = 'en' THEN $15::text ELSE $12::text END, '${ITEM_SLOT}', claimed.item),
           replace(replace(CASE WHEN staff.locale = 'en' THEN $16::text ELSE $13::text END, '${ITEM_SLOT}', claimed.item), '${PLEDGE_SLOT}', created.id),
           replace(replace(CASE WHEN staff.locale = 'en' THEN $17::text ELSE $14::text END, '${ITEM_SLOT}',
                   replace(replace(replace(replace(replace(claimed.item, '&', '&#38;'), '<', '&#60;'), '>', '&#62;'), '"', '&#34;'), '''', '&#39;')),
                   '${PLEDGE_SLOT}', created.id)
      FROM staff, claimed, created
     WHERE staff.staff_mail = 'IMMEDIATE'
  )
  SELECT id, reference FROM created`;

/** The new-pledge mail to staff in one language, with the item's and the pledge's slots for the statement. */
function staffPledgeMail(locale: "id" | "en", reference: string): [string, string, string] {
  const mail = noticeMail({ kind: "pledge.SUBMITTED", params: { reference, item: ITEM_SLOT }, locale, path: `/janji/${PLEDGE_SLOT}` });
  return [mail.subject, mail.text, mail.html];
}

/**
 * Creates a pledge in one SQL statement: it locks the need row if the quantity still fits
 * (the conditional UPDATE; the pledge trigger then adds it to the totals), inserts the pledge, its audit
 * event, and a notice (and, for those who asked, an e-mail) for the staff of the office that
 * owns the need's program, or does none of it. Each rule the form states is in the statement's WHERE. A pledge is the busiest
 * write of the portal (npm run bench): one round trip instead of a dozen. When no row
 * comes back, explainRefusal says which rule stopped it, in the order the form checks.
 */
export async function createPledge(caller: Caller, input: z.infer<typeof createPledgeSchema>) {
  if (caller.role !== "DONOR") throw new ActionError("FORBIDDEN", "onlyDonorsPledge");
  if (caller.organisation.verificationStatus === "REJECTED") throw new ActionError("FORBIDDEN", "organisationRejected");
  // A pledge commits the organisation: its person must be reachable at their address.
  if (!caller.emailVerified) throw new ActionError("FORBIDDEN", "emailUnconfirmed");
  const today = jakartaToday();
  if (input.plannedDeliveryOn < today)
    throw new ActionError("INVALID", "plannedDateOutOfRange", { plannedDeliveryOn: "plannedDateOutOfRange" });
  const aggregatorId = input.deliveryMode === "AGGREGATOR" ? input.aggregatorId! : null;
  const reference = pledgeReference();
  try {
    const [created] = await dbHandle().prepared<{ id: string; reference: string }>("create_pledge", CREATE_PLEDGE_SQL, [
      input.needId,
      input.quantity,
      today,
      input.plannedDeliveryOn,
      caller.organisationId,
      input.idempotencyKey,
      aggregatorId,
      reference,
      caller.id,
      input.deliveryMode,
      input.note ?? null,
      ...staffPledgeMail("id", reference),
      ...staffPledgeMail("en", reference),
    ]);
    if (created) return created;
  } catch (error) {
    // The same form sent twice at once: the other request created it; answer with that one.
    if (!isUniqueViolation(error)) throw error;
  }
  return explainRefusal(caller, input, today);
}

/** Why createPledge's statement changed nothing: the earlier pledge of the same form, or the rule it broke. */
async function explainRefusal(
  caller: Caller,
  input: z.infer<typeof createPledgeSchema>,
  today: string,
): Promise<{ id: string; reference: string }> {
  const existing = await db.pledge.findUnique({
    where: { donorOrganisationId_idempotencyKey: { donorOrganisationId: caller.organisationId, idempotencyKey: input.idempotencyKey } },
    select: { id: true, reference: true },
  });
  if (existing) return existing;
  const need = await db.need.findUnique({
    where: { id: input.needId },
    select: { status: true, deadline: true, kelurahanCode: true },
  });
  if (!need || need.status === "DRAFT") throw new NotFoundError();
  if (need.deadline < dateOnly(today)) throw new ActionError("INVALID", "needDeadlinePassed");
  if (dateOnly(input.plannedDeliveryOn) > need.deadline) {
    throw new ActionError("INVALID", "plannedDateOutOfRange", { plannedDeliveryOn: "plannedDateOutOfRange" });
  }
  if (input.deliveryMode === "AGGREGATOR") {
    const serves = await db.aggregatorArea.findFirst({
      where: {
        organisationId: input.aggregatorId,
        regionCode: need.kelurahanCode,
        organisation: { kind: "AGGREGATOR", verificationStatus: "VERIFIED" },
      },
      select: { organisationId: true },
    });
    if (!serves) throw new ActionError("INVALID", "aggregatorNotServing", { aggregatorId: "aggregatorNotServing" });
  }
  // Closed, fulfilled, or not enough left for this quantity.
  throw new ActionError("CONFLICT", "exceedsRemaining", { quantity: "exceedsRemaining" });
}

const pledgeForChange = {
  id: true,
  reference: true,
  status: true,
  version: true,
  quantity: true,
  deliveredQuantity: true,
  needId: true,
  deliveryMode: true,
  donorOrganisationId: true,
  aggregatorOrganisationId: true,
  aggregatorOrganisation: { select: { verificationStatus: true } },
  need: { select: { item: true } },
} satisfies Prisma.PledgeSelect;
type PledgeForChange = Prisma.PledgeGetPayload<{ select: typeof pledgeForChange }>;

/** The parts the caller plays in this pledge; none means it is not theirs to see. */
export function actorsFor(
  caller: Pick<Caller, "role" | "organisationId">,
  pledge: Pick<PledgeForChange, "deliveryMode" | "donorOrganisationId" | "aggregatorOrganisationId">,
): PledgeActor[] {
  const actors: PledgeActor[] = [];
  if (STAFF_ROLES.includes(caller.role)) actors.push("staff");
  if (caller.role === "DONOR" && caller.organisationId === pledge.donorOrganisationId) {
    actors.push("donor");
    if (pledge.deliveryMode === "DIRECT") actors.push("deliverer");
  }
  if (caller.role === "AGGREGATOR" && pledge.deliveryMode === "AGGREGATOR" && caller.organisationId === pledge.aggregatorOrganisationId)
    actors.push("deliverer");
  return actors;
}

async function applyTransition(
  tx: Tx,
  actor: { id: string; organisationId: string } | null,
  pledge: PledgeForChange,
  seenVersion: number,
  to: PledgeStatus,
  reason: string | null,
  delivered: { extra: number } = { extra: 0 },
) {
  await lockNeed(tx, pledge.needId);
  const changed = await tx.pledge.updateMany({
    where: { id: pledge.id, version: seenVersion, status: pledge.status },
    data: {
      status: to,
      version: { increment: 1 },
      statusReason: reason ?? undefined,
      deliveredQuantity: delivered.extra ? { increment: delivered.extra } : undefined,
    },
  });
  if (changed.count !== 1) throw new ActionError("CONFLICT", "pledgeChanged");
  await recordAudit(tx, {
    actor,
    entityType: "pledge",
    entityId: pledge.id,
    action: "pledge.status_changed",
    fromStatus: pledge.status,
    toStatus: to,
    reason,
  });
  const people = await organisationMembers(tx, [pledge.donorOrganisationId, pledge.aggregatorOrganisationId]);
  // A full delivery waits for the city's confirmation: the owning office hears of it.
  const staff = to === "DELIVERED" ? await officeStaff(tx, pledge.needId) : [];
  await notify(tx, {
    userIds: [...people, ...staff].filter((id) => id !== actor?.id),
    kind: `pledge.${to}`,
    pledgeId: pledge.id,
    params: { reference: pledge.reference, item: pledge.need.item },
    reason,
  });
}

/**
 * Takes the need row's lock before a pledge's: the pledge trigger locks the need when it
 * moves the totals, and closing a need locks it before cancelling its pledges, so taking
 * it first keeps every writer in one order (need, then pledge) and out of deadlocks.
 */
async function lockNeed(tx: Tx, needId: string) {
  await tx.$queryRaw`SELECT 1 FROM need WHERE id = ${needId} FOR NO KEY UPDATE`;
}

async function loadForCaller(caller: Caller, pledgeId: string): Promise<{ pledge: PledgeForChange; actors: PledgeActor[] }> {
  const pledge = await db.pledge.findUnique({ where: { id: pledgeId }, select: pledgeForChange });
  const actors = pledge ? actorsFor(caller, pledge) : [];
  if (!pledge || actors.length === 0) throw new NotFoundError();
  return { pledge, actors };
}

function assertAllowed(pledge: PledgeForChange, actors: PledgeActor[], to: PledgeStatus) {
  const checks = actors.map((actor) => checkTransition(pledge.status, to, actor));
  if (!checks.some((check) => check.ok)) {
    throw new ActionError(
      checks.some((check) => !check.ok && check.reason === "wrongActor") ? "FORBIDDEN" : "CONFLICT",
      "transitionNotAllowed",
    );
  }
  if (
    (to === "SCHEDULED" || to === "IN_DELIVERY") &&
    pledge.deliveryMode === "AGGREGATOR" &&
    pledge.aggregatorOrganisation?.verificationStatus !== "VERIFIED"
  ) {
    throw new ActionError("FORBIDDEN", "aggregatorNotVerified");
  }
}

export async function changePledgeStatus(caller: Caller, input: z.infer<typeof changePledgeStatusSchema>) {
  const { pledge, actors } = await loadForCaller(caller, input.pledgeId);
  if (pledge.version !== input.version) throw new ActionError("CONFLICT", "pledgeChanged");
  assertAllowed(pledge, actors, input.to);
  if (NEEDS_REASON.has(input.to) && !input.reason) throw new ActionError("INVALID", "reasonRequired", { reason: "reasonRequired" });
  if (input.to === "CONFIRMED" && pledge.deliveredQuantity !== pledge.quantity) throw new ActionError("CONFLICT", "transitionNotAllowed");
  await db.$transaction((tx) => applyTransition(tx, caller, pledge, input.version, input.to, input.reason ?? null));
  return pledge;
}

/** Records one (possibly partial) delivery with up to three cleaned photos. */
export async function recordDelivery(caller: Caller, input: z.infer<typeof recordDeliverySchema>) {
  const { pledge, actors } = await loadForCaller(caller, input.pledgeId);
  if (!actors.includes("deliverer")) throw new ActionError("FORBIDDEN", "transitionNotAllowed");
  if (pledge.version !== input.version) throw new ActionError("CONFLICT", "pledgeChanged");
  if (!DELIVERABLE.has(pledge.status)) throw new ActionError("CONFLICT", "transitionNotAllowed");
  assertAllowed(pledge, ["deliverer"], "IN_DELIVERY" === pledge.status ? "DELIVERED" : "IN_DELIVERY");
  const remaining = pledge.quantity - pledge.deliveredQuantity;
  if (input.quantity > remaining) throw new ActionError("INVALID", "deliveryExceedsPledge", { quantity: "deliveryExceedsPledge" });
  if (input.deliveredOn > jakartaToday()) throw new ActionError("INVALID", "deliveryInFuture", { deliveredOn: "deliveryInFuture" });
  // Validate and clean every photo before anything is written.
  const photos = await Promise.all(input["photos[]"].map(cleanPhoto));
  const stored = photos.map((photo) => ({ ...photo, key: `deliveries/${pledge.id}/${randomUUID()}.${photo.extension}` }));
  for (const photo of stored) await fileStore().put(photo.key, photo.body, photo.contentType);

  const complete = input.quantity === remaining;
  await db.$transaction(async (tx) => {
    // Scheduled → in delivery on the first delivery; → delivered when the last unit arrives.
    // The delivery is recorded between the two, so the pledge's history reads in the order
    // things happened: on its way, this delivery, delivered. A stale version rolls it all back.
    let version = input.version;
    if (pledge.status === "SCHEDULED") {
      await applyTransition(tx, caller, pledge, version, "IN_DELIVERY", null, { extra: complete ? 0 : input.quantity });
      version += 1;
    } else if (!complete) {
      await lockNeed(tx, pledge.needId);
      const changed = await tx.pledge.updateMany({
        where: { id: pledge.id, version, status: pledge.status },
        data: { deliveredQuantity: { increment: input.quantity }, version: { increment: 1 } },
      });
      if (changed.count !== 1) throw new ActionError("CONFLICT", "pledgeChanged");
    }
    const update = await tx.deliveryUpdate.create({
      data: {
        pledgeId: pledge.id,
        recordedById: caller.id,
        deliveredOn: dateOnly(input.deliveredOn),
        quantity: input.quantity,
        recipientGroup: input.recipientGroup,
        recipientCount: input.recipientCount ?? null,
        notes: input.notes ?? null,
        photos: { create: stored.map((photo) => ({ storageKey: photo.key, contentType: photo.contentType, byteSize: photo.body.length })) },
      },
    });
    // The recipients' side: a single-use link for a representative to confirm what arrived.
    await createCommunityLink(tx, update.id);
    await recordAudit(tx, {
      actor: caller,
      entityType: "pledge",
      entityId: pledge.id,
      action: "pledge.delivery_recorded",
      reason: input.notes ?? null,
      metadata: { quantity: input.quantity, deliveryUpdateId: update.id, photos: stored.length },
    });
    if (complete)
      await applyTransition(tx, caller, { ...pledge, status: "IN_DELIVERY" }, version, "DELIVERED", null, { extra: input.quantity });
  });
  return pledge;
}

/**
 * Cancels, with the staff member's reason, the pledges of a need being closed that the
 * state machine lets a closure cancel (not yet in delivery). Runs inside the closing
 * transaction: each goes through applyTransition, so the need's pledged quantity is
 * released and the audit events and notices are written with the closure.
 */
export async function cancelPledgesOfClosingNeed(
  tx: Tx,
  actor: { id: string; organisationId: string },
  needId: string,
  reason: string,
): Promise<number> {
  const open = await tx.pledge.findMany({
    where: { needId, status: { in: [...OPEN_PLEDGE_STATUSES] } },
    select: pledgeForChange,
    orderBy: { id: "asc" },
  });
  const cancellable = open.filter((pledge) => checkTransition(pledge.status, "CANCELLED", "closure").ok);
  for (const pledge of cancellable) await applyTransition(tx, actor, pledge, pledge.version, "CANCELLED", reason);
  return cancellable.length;
}

/** Expires pledges not delivered by their planned date + 14 days, releasing what was not delivered. */
export async function expireOverduePledges(now = new Date()): Promise<number> {
  const cutoff = addDays(dateOnly(jakartaToday(now)), -EXPIRY_GRACE_DAYS);
  const overdue = await db.pledge.findMany({
    where: { status: { in: ["SUBMITTED", "APPROVED", "SCHEDULED", "IN_DELIVERY"] }, plannedDeliveryOn: { lt: cutoff } },
    select: pledgeForChange,
    orderBy: { plannedDeliveryOn: "asc" },
    take: 1000,
  });
  let expired = 0;
  for (const pledge of overdue) {
    try {
      await db.$transaction((tx) => applyTransition(tx, null, pledge, pledge.version, "EXPIRED", "expired"));
      expired += 1;
    } catch (error) {
      // Someone changed it meanwhile; the next run looks again.
      if (!(error instanceof ActionError)) throw error;
    }
  }
  return expired;
}
