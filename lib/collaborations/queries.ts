import "server-only";
import { db } from "@/lib/db/index.ts";
import { isoDate } from "@/lib/dates.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { CollaborationStatus, JdcnTopic } from "@/lib/generated/prisma/enums.ts";
import { PUBLIC_NAME_FIELDS, publicOrganisationName } from "@/lib/organisations/public-name.ts";
import { assertStaff, type Caller } from "@/lib/auth/guards.ts";
import { COLLABORATION_STATUSES, PUBLIC_COLLABORATION_STATUSES, type CollaborationStatusName } from "./constants.ts";

// Reads of JDCN collaborations: the partner's own, the staff queue, and the public ones
// (agreed and later). Public reads name the partner only when it is verified and agreed to
// be shown, and never a person, a reason or what was asked of the city before agreement.

export const COLLABORATION_PAGE_SIZE = 20;

const PUBLIC_WHERE = { status: { in: [...PUBLIC_COLLABORATION_STATUSES] } } satisfies Prisma.CollaborationWhereInput;

const publicSelect = {
  id: true,
  reference: true,
  title: true,
  topic: true,
  status: true,
  offer: true,
  startsOn: true,
  endsOn: true,
  mouReference: true,
  mouSignedOn: true,
  partnerOrganisationId: true,
  partnerOrganisation: { select: PUBLIC_NAME_FIELDS },
  office: { select: { name: true } },
  region: { select: { code: true, name: true, level: true, parent: { select: { name: true } } } },
} satisfies Prisma.CollaborationSelect;

type PublicRow = Prisma.CollaborationGetPayload<{ select: typeof publicSelect }>;

export interface PublicCollaboration {
  id: string;
  reference: string;
  title: string;
  topic: JdcnTopic;
  status: CollaborationStatus;
  offer: string;
  startsOn: Date;
  endsOn: Date;
  mouReference: string;
  mouSignedOn: Date;
  /** The partner's public name; null when it is not public (the page then says "a partner"). */
  partner: string | null;
  partnerId: string | null;
  office: string | null;
  place: { code: string; name: string; level: string; parent: string | null } | null;
}

function publicCollaboration(row: PublicRow): PublicCollaboration {
  const partner = publicOrganisationName(row.partnerOrganisation);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    topic: row.topic,
    status: row.status,
    offer: row.offer,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    mouReference: row.mouReference ?? "",
    mouSignedOn: row.mouSignedOn ?? row.startsOn,
    partner,
    partnerId: partner ? row.partnerOrganisationId : null,
    office: row.office?.name ?? null,
    place: row.region && { code: row.region.code, name: row.region.name, level: row.region.level, parent: row.region.parent?.name ?? null },
  };
}

/** /kolaborasi: agreed and later collaborations, one topic or all, by topic then newest agreement first. */
export async function publicCollaborations(topic: JdcnTopic | undefined, page: number) {
  const where = { ...PUBLIC_WHERE, ...(topic && { topic }) };
  const [rows, perTopic] = await Promise.all([
    db.collaboration.findMany({
      where,
      select: publicSelect,
      orderBy: [{ topic: "asc" }, { mouSignedOn: "desc" }, { id: "asc" }],
      skip: (page - 1) * COLLABORATION_PAGE_SIZE,
      take: COLLABORATION_PAGE_SIZE,
    }),
    db.collaboration.groupBy({ by: ["topic"], where: PUBLIC_WHERE, _count: { _all: true } }),
  ]);
  // The per-topic counts give the total too: one count query fewer.
  const countByTopic = Object.fromEntries(perTopic.map((row) => [row.topic, row._count._all])) as Partial<Record<JdcnTopic, number>>;
  const allTopics = perTopic.reduce((sum, row) => sum + row._count._all, 0);
  const total = topic ? (countByTopic[topic] ?? 0) : allTopics;
  return {
    collaborations: rows.map(publicCollaboration),
    pageCount: Math.max(1, Math.ceil(total / COLLABORATION_PAGE_SIZE)),
    countByTopic,
    allTopics,
  };
}

/** A partner's public collaborations, for its directory page (only while the partner itself is public). */
export async function partnerCollaborations(organisationId: string): Promise<PublicCollaboration[]> {
  const rows = await db.collaboration.findMany({
    where: { ...PUBLIC_WHERE, partnerOrganisationId: organisationId },
    select: publicSelect,
    orderBy: [{ mouSignedOn: "desc" }, { id: "asc" }],
    take: 50,
  });
  return rows.map(publicCollaboration).filter((row) => row.partner !== null);
}

/** The open-data record of a collaboration: the same names in CSV, JSON and /api/v1/collaborations. */
export function collaborationRecord(row: PublicCollaboration) {
  return {
    reference: row.reference,
    title: row.title,
    topic: row.topic,
    status: row.status,
    partner: row.partner,
    office: row.office,
    kota_code: row.place ? row.place.code.slice(0, 5) : null,
    kelurahan_code: row.place?.level === "KELURAHAN" ? row.place.code : null,
    place_name: row.place?.name ?? null,
    offer: row.offer,
    starts_on: isoDate(row.startsOn),
    ends_on: isoDate(row.endsOn),
    mou_reference: row.mouReference,
    mou_signed_on: isoDate(row.mouSignedOn),
  };
}
export type CollaborationRecord = ReturnType<typeof collaborationRecord>;

/** Public collaborations in reference order after `after`: one page of the API or one batch of a download. */
export async function publicCollaborationsAfter(
  filter: { topic?: JdcnTopic; status?: CollaborationStatus },
  after: string | undefined,
  take: number,
): Promise<CollaborationRecord[]> {
  const rows = await db.collaboration.findMany({
    where: {
      ...PUBLIC_WHERE,
      ...(filter.topic && { topic: filter.topic }),
      ...(filter.status && { status: filter.status }),
      ...(after && { reference: { gt: after } }),
    },
    select: publicSelect,
    orderBy: { reference: "asc" },
    take,
  });
  return rows.map((row) => collaborationRecord(publicCollaboration(row)));
}

export async function* publicCollaborationBatches(batchSize = 1000): AsyncGenerator<CollaborationRecord[]> {
  let after: string | undefined;
  for (;;) {
    const batch = await publicCollaborationsAfter({}, after, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.reference;
  }
}

const fullSelect = {
  id: true,
  reference: true,
  title: true,
  topic: true,
  status: true,
  offer: true,
  askOfCity: true,
  startsOn: true,
  endsOn: true,
  mouReference: true,
  mouSignedOn: true,
  statusReason: true,
  createdAt: true,
  officeId: true,
  office: { select: { name: true } },
  partnerOrganisation: { select: { id: true, name: true, kind: true } },
  proposedBy: { select: { name: true } },
  region: { select: { name: true, level: true, parent: { select: { name: true } } } },
} satisfies Prisma.CollaborationSelect;

export type CollaborationDetail = Prisma.CollaborationGetPayload<{ select: typeof fullSelect }> & { steps: CollaborationStepRow[] };

export interface CollaborationStepRow {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  createdAt: Date;
}

/** Each collaboration's steps, oldest first, from the audit trail. */
async function stepsOf(ids: string[]): Promise<Map<string, CollaborationStepRow[]>> {
  const events = await db.auditEvent.findMany({
    where: {
      entityType: "collaboration",
      entityId: { in: ids },
      action: { in: ["collaboration.proposed", "collaboration.status_changed", "collaboration.routed"] },
    },
    select: { entityId: true, action: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
    orderBy: { id: "asc" },
  });
  const steps = new Map<string, CollaborationStepRow[]>();
  for (const { entityId, ...event } of events) steps.set(entityId, [...(steps.get(entityId) ?? []), event]);
  return steps;
}

async function withSteps(rows: Prisma.CollaborationGetPayload<{ select: typeof fullSelect }>[]): Promise<CollaborationDetail[]> {
  const steps = await stepsOf(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, steps: steps.get(row.id) ?? [] }));
}

/** The caller's own organisation's proposals, newest first (scoped to the caller, never an id from the address). */
export async function ownCollaborations(caller: Caller, page: number) {
  const where = { partnerOrganisationId: caller.organisationId };
  const [total, rows] = await Promise.all([
    db.collaboration.count({ where }),
    db.collaboration.findMany({
      where,
      select: fullSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * COLLABORATION_PAGE_SIZE,
      take: COLLABORATION_PAGE_SIZE,
    }),
  ]);
  return { collaborations: await withSteps(rows), pageCount: Math.max(1, Math.ceil(total / COLLABORATION_PAGE_SIZE)) };
}

/** Staff: one status, oldest first while open (first come, first answered), the caller's office's first. */
export async function collaborationQueue(caller: Caller, status: CollaborationStatusName, page: number) {
  assertStaff(caller);
  const [rows, counts] = await Promise.all([
    db.collaboration.findMany({
      where: { status },
      select: fullSelect,
      orderBy: [{ createdAt: status === "COMPLETED" || status === "DECLINED" ? "desc" : "asc" }, { id: "asc" }],
      skip: (page - 1) * COLLABORATION_PAGE_SIZE,
      take: COLLABORATION_PAGE_SIZE,
    }),
    db.collaboration.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const countByStatus = Object.fromEntries(COLLABORATION_STATUSES.map((s) => [s, 0])) as Record<CollaborationStatusName, number>;
  for (const row of counts) countByStatus[row.status] = row._count._all;
  return {
    collaborations: await withSteps(rows),
    pageCount: Math.max(1, Math.ceil(countByStatus[status] / COLLABORATION_PAGE_SIZE)),
    countByStatus,
  };
}

/** The city offices a collaboration can be routed to. */
export async function cityOffices() {
  return db.organisation.findMany({
    where: { kind: "CITY_OFFICE", verificationStatus: "VERIFIED" },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The places a proposal may name: each kota, and each kelurahan under its kota. */
export async function proposalPlaces() {
  const regions = await db.region.findMany({
    where: { level: { in: ["KOTA", "KELURAHAN"] } },
    select: { code: true, name: true, level: true },
    orderBy: { code: "asc" },
  });
  const kota = regions.filter((region) => region.level === "KOTA");
  return kota.map((k) => ({
    code: k.code,
    name: k.name,
    kelurahan: regions
      .filter((region) => region.level === "KELURAHAN" && region.code.startsWith(`${k.code}.`))
      .map(({ code, name }) => ({ code, name })),
  }));
}
