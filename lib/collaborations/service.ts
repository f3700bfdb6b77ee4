import "server-only";
import type { z } from "zod";
import { ActionError } from "@/lib/actions/errors.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { assertStaff, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { takeRateLimit } from "@/lib/auth/rate-limit.ts";
import { dateOnly } from "@/lib/dates.ts";
import { db } from "@/lib/db/index.ts";
import { notify, organisationMembers } from "@/lib/notifications/service.ts";
import {
  COLLABORATION_STEPS,
  PROPOSALS_PER_ORGANISATION_PER_DAY,
  ROUTABLE_STATUSES,
  type proposeCollaborationSchema,
  type routeCollaborationSchema,
  type stepCollaborationSchema,
} from "./schema.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who may propose: a member of a verified partner organisation (never a city office). */
export function canPropose(caller: Caller): boolean {
  return (
    (caller.role === "DONOR" || caller.role === "AGGREGATOR") &&
    caller.organisation.kind !== "CITY_OFFICE" &&
    caller.organisation.verificationStatus === "VERIFIED"
  );
}

/** Staff of the office a collaboration was routed to move it; an admin may too. */
export function canStep(caller: Caller, officeId: string | null): boolean {
  return officeId !== null && (caller.role === "ADMIN" || (caller.role === "CITY_STAFF" && caller.organisationId === officeId));
}

/**
 * A verified partner proposes a collaboration for its own organisation (never one named
 * in the form). At most PROPOSALS_PER_ORGANISATION_PER_DAY, decided in one database call.
 */
export async function proposeCollaboration(caller: Caller, input: z.infer<typeof proposeCollaborationSchema>) {
  if (!canPropose(caller)) throw new ActionError("FORBIDDEN", "collaborations.errors.notVerified");
  if (input.regionCode) {
    const region = await db.region.findFirst({
      where: { code: input.regionCode, level: { in: ["KOTA", "KELURAHAN"] } },
      select: { code: true },
    });
    if (!region)
      throw new ActionError("INVALID", "collaborations.errors.placeInvalid", { regionCode: "collaborations.errors.placeInvalid" });
  }
  if (!(await takeRateLimit(`collaboration:org:${caller.organisationId}`, PROPOSALS_PER_ORGANISATION_PER_DAY, DAY_MS))) {
    throw new ActionError("RATE_LIMITED", "collaborations.errors.tooMany");
  }
  return db.$transaction(async (tx) => {
    const collaboration = await tx.collaboration.create({
      data: {
        partnerOrganisationId: caller.organisationId,
        proposedById: caller.id,
        title: input.title,
        topic: input.topic,
        regionCode: input.regionCode ?? null,
        offer: input.offer,
        askOfCity: input.askOfCity,
        startsOn: dateOnly(input.startsOn),
        endsOn: dateOnly(input.endsOn),
      },
      select: { id: true, reference: true, title: true },
    });
    await recordAudit(tx, {
      actor: { id: caller.id, organisationId: caller.organisationId },
      entityType: "collaboration",
      entityId: collaboration.id,
      action: "collaboration.proposed",
      toStatus: "RECEIVED",
      metadata: { topic: input.topic, regionCode: input.regionCode ?? null },
    });
    await notify(tx, {
      userIds: await organisationMembers(tx, [caller.organisationId]),
      kind: "collaboration.RECEIVED",
      params: { reference: collaboration.reference, item: collaboration.title },
    });
    return collaboration;
  });
}

/** Staff hand a collaboration to the city office that owns its subject; its staff and the partner hear of it. */
export async function routeCollaboration(caller: Caller, input: z.infer<typeof routeCollaborationSchema>) {
  assertStaff(caller);
  const office = await db.organisation.findFirst({ where: { id: input.officeId, kind: "CITY_OFFICE" }, select: { id: true, name: true } });
  if (!office) throw new ActionError("INVALID", "collaborations.errors.officeInvalid", { officeId: "collaborations.errors.officeInvalid" });
  return db.$transaction(async (tx) => {
    const collaboration = await tx.collaboration.findUnique({
      where: { id: input.collaborationId },
      select: { id: true, reference: true, title: true, status: true, officeId: true, partnerOrganisationId: true },
    });
    if (!collaboration) throw new NotFoundError();
    if (collaboration.officeId === office.id) return { reference: collaboration.reference, status: collaboration.status };
    // Only while it is not yet agreed, and only from the office the form was shown with.
    const updated = await tx.collaboration.updateMany({
      where: { id: collaboration.id, status: { in: [...ROUTABLE_STATUSES] }, officeId: collaboration.officeId },
      data: { officeId: office.id },
    });
    if (updated.count !== 1) throw new ActionError("CONFLICT", "collaborations.errors.changedMeanwhile");
    await recordAudit(tx, {
      actor: { id: caller.id, organisationId: caller.organisationId },
      entityType: "collaboration",
      entityId: collaboration.id,
      action: "collaboration.routed",
      metadata: { fromOfficeId: collaboration.officeId, toOfficeId: office.id },
    });
    const officeStaff = await tx.user.findMany({
      where: { organisationId: office.id, role: "CITY_STAFF", active: true },
      select: { id: true },
    });
    await notify(tx, {
      userIds: officeStaff.map((user) => user.id).filter((id) => id !== caller.id),
      kind: "collaboration.ASSIGNED",
      params: { reference: collaboration.reference, item: collaboration.title },
    });
    await notify(tx, {
      userIds: await organisationMembers(tx, [collaboration.partnerOrganisationId]),
      kind: "collaboration.ROUTED",
      params: { reference: collaboration.reference, item: collaboration.title, organisation: office.name },
    });
    return { reference: collaboration.reference, status: collaboration.status };
  });
}

/**
 * The owning office moves a collaboration one step (COLLABORATION_STEPS), always with a
 * reason, and with the MoU's reference and date when it is agreed. The step is taken only
 * from the status the form showed, so two staff members cannot both take it.
 */
export async function stepCollaboration(caller: Caller, input: z.infer<typeof stepCollaborationSchema>) {
  assertStaff(caller);
  if (!COLLABORATION_STEPS[input.from].includes(input.to)) throw new ActionError("CONFLICT", "collaborations.errors.notAllowed");
  return db.$transaction(async (tx) => {
    const collaboration = await tx.collaboration.findUnique({
      where: { id: input.collaborationId },
      select: { id: true, reference: true, title: true, officeId: true, partnerOrganisationId: true },
    });
    if (!collaboration) throw new NotFoundError();
    if (!canStep(caller, collaboration.officeId)) {
      throw new ActionError(
        "FORBIDDEN",
        collaboration.officeId ? "collaborations.errors.notYourOffice" : "collaborations.errors.notRouted",
      );
    }
    const agreeing = input.to === "AGREED";
    const updated = await tx.collaboration.updateMany({
      where: { id: collaboration.id, status: input.from },
      data: {
        status: input.to,
        statusReason: input.reason,
        ...(agreeing && { mouReference: input.mouReference, mouSignedOn: dateOnly(input.mouSignedOn!) }),
      },
    });
    if (updated.count !== 1) throw new ActionError("CONFLICT", "collaborations.errors.changedMeanwhile");
    await recordAudit(tx, {
      actor: { id: caller.id, organisationId: caller.organisationId },
      entityType: "collaboration",
      entityId: collaboration.id,
      action: "collaboration.status_changed",
      fromStatus: input.from,
      toStatus: input.to,
      reason: input.reason,
      metadata: agreeing ? { mouReference: input.mouReference, mouSignedOn: input.mouSignedOn } : undefined,
    });
    await notify(tx, {
      userIds: await organisationMembers(tx, [collaboration.partnerOrganisationId]),
      kind: `collaboration.${input.to}`,
      params: { reference: collaboration.reference, item: collaboration.title },
      reason: input.reason,
    });
    return { reference: collaboration.reference };
  });
}
