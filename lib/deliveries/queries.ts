import "server-only";
import { NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";
import { PUBLIC_NAME_FIELDS, publicOrganisationName } from "@/lib/organisations/public-name.ts";
import { QUEUE_TABS, WEEK_AHEAD_DAYS, type QueueTab } from "./schema.ts";

// The aggregator's delivery queue and its printed manifests. Every read is scoped to the
// caller's organisation as the pledge's aggregator; the donor's name leaves this module
// only when the donor agreed to be shown (publicOrganisationName), since a manifest is
// handed to people outside both organisations.

export const QUEUE_PAGE_SIZE = 20;
/** More pledges than one day's sheets could sensibly hold; the page says when it was cut. */
export const MANIFEST_LIMIT = 300;

const OUT_FOR_DELIVERY: PledgeStatus[] = ["SCHEDULED", "IN_DELIVERY"];

export interface QueueFilters {
  kelurahan?: string;
  /** Planned delivery date, YYYY-MM-DD. */
  tanggal?: string;
  /** A pledge code (KSBB-XXXX-XXXX); null: something was typed that cannot be a code. */
  reference?: string | null;
}

function assertAggregator(caller: Caller) {
  if (caller.role !== "AGGREGATOR") throw new NotFoundError();
}

function scoped(caller: Caller, filters: QueueFilters): Prisma.PledgeWhereInput {
  return {
    aggregatorOrganisationId: caller.organisationId,
    deliveryMode: "AGGREGATOR",
    ...(filters.kelurahan && { need: { kelurahanCode: filters.kelurahan } }),
    ...(filters.tanggal && { plannedDeliveryOn: dateOnly(filters.tanggal) }),
    ...(filters.reference && { reference: filters.reference }),
  };
}

/** The last planned day "today and this week" covers; overdue pledges stay in it. */
export function weekEnd(today: string): Date {
  return addDays(dateOnly(today), WEEK_AHEAD_DAYS);
}

export function tabWhere(tab: QueueTab, today: string): Prisma.PledgeWhereInput {
  switch (tab) {
    case "schedule":
      return { status: "APPROVED" };
    case "today":
      return { status: { in: OUT_FOR_DELIVERY }, plannedDeliveryOn: { lte: weekEnd(today) } };
    case "in-delivery":
      return { status: "IN_DELIVERY" };
    case "waiting":
      return { status: "DELIVERED" };
    case "done":
      return { status: "CONFIRMED" };
  }
}

const ORDER: Record<QueueTab, Prisma.PledgeOrderByWithRelationInput[]> = {
  schedule: [{ plannedDeliveryOn: "asc" }, { id: "asc" }],
  today: [{ plannedDeliveryOn: "asc" }, { need: { kelurahanCode: "asc" } }, { id: "asc" }],
  "in-delivery": [{ plannedDeliveryOn: "asc" }, { id: "asc" }],
  waiting: [{ updatedAt: "desc" }, { id: "asc" }],
  done: [{ updatedAt: "desc" }, { id: "asc" }],
};

export type QueueCounts = Record<QueueTab, number>;

/** How many pledges each tab holds under the filters: two indexed counts. */
export async function queueCounts(caller: Caller, filters: QueueFilters, today = jakartaToday()): Promise<QueueCounts> {
  assertAggregator(caller);
  const counts: QueueCounts = { schedule: 0, today: 0, "in-delivery": 0, waiting: 0, done: 0 };
  if (filters.reference === null) return counts;
  const where = scoped(caller, filters);
  const [byStatus, soon] = await Promise.all([
    db.pledge.groupBy({
      by: ["status"],
      where: { AND: [where, { status: { in: ["APPROVED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"] } }] },
      _count: { _all: true },
    }),
    db.pledge.count({ where: { AND: [where, tabWhere("today", today)] } }),
  ]);
  const of = (status: PledgeStatus) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return { schedule: of("APPROVED"), today: soon, "in-delivery": of("IN_DELIVERY"), waiting: of("DELIVERED"), done: of("CONFIRMED") };
}

/** With no tab asked for: the first one with work in it (a code search opens where the pledge is). */
export function defaultTab(counts: QueueCounts): QueueTab {
  return QUEUE_TABS.find((tab) => counts[tab] > 0) ?? "schedule";
}

const queueSelect = {
  id: true,
  reference: true,
  status: true,
  quantity: true,
  deliveredQuantity: true,
  plannedDeliveryOn: true,
  need: {
    select: {
      item: true,
      unit: true,
      kelurahan: { select: { code: true, name: true } },
      kecamatan: { select: { name: true } },
    },
  },
  donorOrganisation: { select: PUBLIC_NAME_FIELDS },
} satisfies Prisma.PledgeSelect;

export interface QueueItem {
  id: string;
  reference: string;
  status: PledgeStatus;
  quantity: number;
  deliveredQuantity: number;
  /** YYYY-MM-DD */
  plannedOn: string;
  item: string;
  unit: Prisma.PledgeGetPayload<{ select: typeof queueSelect }>["need"]["unit"];
  kelurahan: { code: string; name: string };
  kecamatan: string;
  /** Null: the donor did not agree to be named (or is not verified). */
  donorName: string | null;
}

/** One page of a tab. */
export async function queuePage(caller: Caller, tab: QueueTab, filters: QueueFilters, page: number, today = jakartaToday()) {
  assertAggregator(caller);
  if (filters.reference === null) return [];
  const rows = await db.pledge.findMany({
    where: { AND: [scoped(caller, filters), tabWhere(tab, today)] },
    select: queueSelect,
    orderBy: ORDER[tab],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
  });
  return rows.map((row): QueueItem => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    quantity: row.quantity,
    deliveredQuantity: row.deliveredQuantity,
    plannedOn: isoDate(row.plannedDeliveryOn),
    item: row.need.item,
    unit: row.need.unit,
    kelurahan: row.need.kelurahan,
    kecamatan: row.need.kecamatan.name,
    donorName: publicOrganisationName(row.donorOrganisation),
  }));
}

/**
 * The "today and this week" rows by the day they go out and their kelurahan: one
 * manifest each. An overdue pledge goes out today, so it joins today's group.
 */
export function groupByDayAndKelurahan(items: readonly QueueItem[], today: string) {
  const groups = new Map<string, { day: string; kelurahan: QueueItem["kelurahan"]; kecamatan: string; items: QueueItem[] }>();
  for (const item of items) {
    const day = item.plannedOn < today ? today : item.plannedOn;
    const key = `${day}|${item.kelurahan.code}`;
    if (!groups.has(key)) groups.set(key, { day, kelurahan: item.kelurahan, kecamatan: item.kecamatan, items: [] });
    groups.get(key)!.items.push(item);
  }
  return [...groups.values()].sort((a, b) => a.day.localeCompare(b.day) || a.kelurahan.name.localeCompare(b.kelurahan.name));
}

/** The kelurahan the aggregator serves, for the queue's filter. */
export async function servedKelurahan(caller: Caller) {
  assertAggregator(caller);
  const areas = await db.aggregatorArea.findMany({
    where: { organisationId: caller.organisationId, region: { level: "KELURAHAN" } },
    select: { region: { select: { code: true, name: true, parent: { select: { name: true } } } } },
    orderBy: { region: { name: "asc" } },
  });
  return areas.map(({ region }) => ({ code: region.code, name: region.name, kecamatan: region.parent?.name ?? "" }));
}

/** The queue's fields, and what the manifest adds about the need (the recipient count, never names). */
const manifestSelect = {
  ...queueSelect,
  need: {
    select: {
      ...queueSelect.need.select,
      rw: true,
      targetQuantity: true,
      beneficiaryCount: true,
      beneficiaryKind: true,
      kota: { select: { name: true } },
    },
  },
} satisfies Prisma.PledgeSelect;
type ManifestRow = Prisma.PledgeGetPayload<{ select: typeof manifestSelect }>;

export interface ManifestLine {
  id: string;
  reference: string;
  item: string;
  unit: ManifestRow["need"]["unit"];
  /** What is still to hand over. */
  quantity: number;
  /** The whole pledge, when part of it was already delivered. */
  pledged: number;
  rw: number | null;
  /** The need's beneficiaries in proportion to this delivery: a count, never names. */
  recipients: number;
  recipientKind: ManifestRow["need"]["beneficiaryKind"];
  donorName: string | null;
  overdue: boolean;
}

export interface ManifestSheet {
  kelurahan: { code: string; name: string };
  kecamatan: string;
  kota: string;
  lines: ManifestLine[];
}

/**
 * The delivery manifest (surat jalan) of one day: what goes out to each kelurahan,
 * one sheet per kelurahan. Today's carries the overdue pledges too.
 */
export async function deliveryManifest(caller: Caller, { day, kelurahan }: { day: string; kelurahan?: string }, today = jakartaToday()) {
  assertAggregator(caller);
  const rows = await db.pledge.findMany({
    where: {
      aggregatorOrganisationId: caller.organisationId,
      deliveryMode: "AGGREGATOR",
      status: { in: OUT_FOR_DELIVERY },
      plannedDeliveryOn: day === today ? { lte: dateOnly(day) } : dateOnly(day),
      ...(kelurahan && { need: { kelurahanCode: kelurahan } }),
    },
    select: manifestSelect,
    orderBy: [{ need: { kelurahanCode: "asc" } }, { plannedDeliveryOn: "asc" }, { reference: "asc" }],
    take: MANIFEST_LIMIT,
  });
  const sheets = new Map<string, ManifestSheet>();
  for (const row of rows) {
    const { need } = row;
    if (!sheets.has(need.kelurahan.code))
      sheets.set(need.kelurahan.code, { kelurahan: need.kelurahan, kecamatan: need.kecamatan.name, kota: need.kota.name, lines: [] });
    const remaining = row.quantity - row.deliveredQuantity;
    sheets.get(need.kelurahan.code)!.lines.push({
      id: row.id,
      reference: row.reference,
      item: need.item,
      unit: need.unit,
      quantity: remaining,
      pledged: row.quantity,
      rw: need.rw,
      recipients: Math.max(1, Math.round((need.beneficiaryCount * remaining) / need.targetQuantity)),
      recipientKind: need.beneficiaryKind,
      donorName: publicOrganisationName(row.donorOrganisation),
      overdue: isoDate(row.plannedDeliveryOn) < today,
    });
  }
  return { sheets: [...sheets.values()], truncated: rows.length === MANIFEST_LIMIT };
}
