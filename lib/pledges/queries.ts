import "server-only";
import { NotFoundError, STAFF_ROLES, type Caller } from "@/lib/auth/guards.ts";
import { addDays, dateOnly, jakartaToday } from "@/lib/dates.ts";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { PledgeStatus, ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { actorsFor } from "./service.ts";
import { EXPIRY_GRACE_DAYS } from "./state-machine.ts";

// Reads of pledges, always scoped to the caller: the donor's organisation, the chosen
// aggregator, or city staff. Anything else answers "not found".

export const PLEDGE_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  reference: true,
  status: true,
  version: true,
  quantity: true,
  deliveredQuantity: true,
  plannedDeliveryOn: true,
  createdAt: true,
  updatedAt: true,
  deliveryMode: true,
  need: {
    select: {
      id: true,
      item: true,
      unit: true,
      kelurahan: { select: { code: true, name: true } },
      kecamatan: { select: { name: true } },
      program: { select: { category: true } },
    },
  },
  donorOrganisation: { select: { name: true, verificationStatus: true } },
  aggregatorOrganisation: { select: { name: true } },
} satisfies Prisma.PledgeSelect;

export type PledgeListItem = Prisma.PledgeGetPayload<{ select: typeof listSelect }>;

export async function pledgeDetail(caller: Caller, id: string) {
  const pledge = await db.pledge.findUnique({
    where: { id },
    select: {
      ...listSelect,
      note: true,
      statusReason: true,
      donorOrganisationId: true,
      aggregatorOrganisationId: true,
      need: {
        select: {
          ...listSelect.need.select,
          deadline: true,
          targetQuantity: true,
          pledgedQuantity: true,
          deliveredQuantity: true,
          kota: { select: { name: true } },
        },
      },
      deliveryUpdates: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          deliveredOn: true,
          quantity: true,
          recipientGroup: true,
          recipientCount: true,
          notes: true,
          photos: { select: { id: true } },
          community: { select: { id: true, expiresAt: true, confirmedAt: true, quantityReceived: true } },
        },
      },
    },
  });
  const actors = pledge ? actorsFor(caller, pledge) : [];
  if (!pledge || actors.length === 0) throw new NotFoundError();
  const timeline = await db.auditEvent.findMany({
    where: { entityType: "pledge", entityId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      action: true,
      fromStatus: true,
      toStatus: true,
      reason: true,
      createdAt: true,
      actorOrganisation: { select: { name: true, kind: true } },
    },
  });
  return { pledge, actors, timeline };
}

export async function myPledges(caller: Caller, page: number) {
  const where = { donorOrganisationId: caller.organisationId };
  const [total, pledges] = await Promise.all([
    db.pledge.count({ where }),
    db.pledge.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PLEDGE_PAGE_SIZE,
      take: PLEDGE_PAGE_SIZE,
    }),
  ]);
  return { total, pledges, pageCount: Math.max(1, Math.ceil(total / PLEDGE_PAGE_SIZE)) };
}

export interface ReviewFilters {
  category?: ProgramCategory;
  kota?: string;
  status: PledgeStatus;
  /** Only pledges waiting at least this many days. */
  minAgeDays?: number;
  /** A pledge reference quoted by a donor, e.g. KSBB-7K3Q-X9PD. */
  reference?: string;
  page: number;
}

/**
 * Since when a pledge has been in its status. A pledge is created SUBMITTED, and every
 * later status change is the last write to its row (lib/pledges/service.ts), so its
 * updated_at is the moment it entered the status it is in.
 */
export function waitingSince(pledge: Pick<PledgeListItem, "status" | "createdAt" | "updatedAt">): Date {
  return pledge.status === "SUBMITTED" ? pledge.createdAt : pledge.updatedAt;
}

/** Longest in this status first: the order of the review list and of the staff inbox. */
function waitingOrder(status: PledgeStatus): Prisma.PledgeOrderByWithRelationInput[] {
  return [status === "SUBMITTED" ? { createdAt: "asc" } : { updatedAt: "asc" }, { id: "asc" }];
}

export async function reviewQueue(caller: Caller, filters: ReviewFilters) {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  const before = filters.minAgeDays ? { lte: addDays(new Date(), -filters.minAgeDays) } : undefined;
  const where: Prisma.PledgeWhereInput = {
    status: filters.status,
    ...(filters.category && { need: { program: { category: filters.category } } }),
    ...(filters.kota && { need: { kotaCode: filters.kota, ...(filters.category && { program: { category: filters.category } }) } }),
    ...(before && (filters.status === "SUBMITTED" ? { createdAt: before } : { updatedAt: before })),
    ...(filters.reference && { reference: filters.reference }),
  };
  const [total, pledges] = await Promise.all([
    db.pledge.count({ where }),
    db.pledge.findMany({
      where,
      select: listSelect,
      orderBy: waitingOrder(filters.status),
      skip: (filters.page - 1) * PLEDGE_PAGE_SIZE,
      take: PLEDGE_PAGE_SIZE,
    }),
  ]);
  return { total, pledges, pageCount: Math.max(1, Math.ceil(total / PLEDGE_PAGE_SIZE)) };
}

/** How many pledges wait in a status, and the `take` that have waited longest, for the staff inbox. */
export async function pledgesWaiting(caller: Caller, status: "SUBMITTED" | "DELIVERED", take: number) {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  const [total, pledges] = await Promise.all([
    db.pledge.count({ where: { status } }),
    db.pledge.findMany({ where: { status }, select: listSelect, orderBy: waitingOrder(status), take }),
  ]);
  return { total, pledges };
}

/** A pledge staff confirmed, named by its code for the inbox's confirmation; null when it is not confirmed. */
export async function confirmedPledgeReference(caller: Caller, id: string): Promise<string | null> {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  const pledge = await db.pledge.findFirst({ where: { id, status: "CONFIRMED" }, select: { reference: true } });
  return pledge?.reference ?? null;
}

/** Overdue: past its planned delivery date, or waiting for review for more than three days. */
export function isOverdue(pledge: Pick<PledgeListItem, "status" | "plannedDeliveryOn" | "createdAt">, now = new Date()): boolean {
  const today = dateOnly(jakartaToday(now));
  if (pledge.status === "SUBMITTED" && pledge.createdAt < addDays(now, -3)) return true;
  return ["APPROVED", "SCHEDULED", "IN_DELIVERY"].includes(pledge.status) && pledge.plannedDeliveryOn < today;
}

export const EXPIRES_AFTER_DAYS = EXPIRY_GRACE_DAYS;

/** Verified aggregators that serve a kelurahan, for the pledge form. */
export async function aggregatorsServing(kelurahanCode: string) {
  return db.organisation.findMany({
    where: { kind: "AGGREGATOR", verificationStatus: "VERIFIED", serviceAreas: { some: { regionCode: kelurahanCode } } },
    select: { id: true, name: true, deliveryCapacity: true, _count: { select: { serviceAreas: true } } },
    orderBy: { name: "asc" },
  });
}

/** Pledge codes (KSBB-…) by id, for city staff: how a review names the pledges it skipped. */
export async function pledgeReferences(caller: Caller, ids: readonly string[]): Promise<Map<string, string>> {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  if (ids.length === 0) return new Map();
  const rows = await db.pledge.findMany({ where: { id: { in: [...ids] } }, select: { id: true, reference: true } });
  return new Map(rows.map((row) => [row.id, row.reference]));
}
