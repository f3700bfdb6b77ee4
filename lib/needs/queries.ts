import "server-only";
import { communityConfirmedQuantity } from "@/lib/deliveries/community.ts";
import { dateOnly, jakartaToday } from "@/lib/dates.ts";
import { db, dbHandle } from "@/lib/db/index.ts";
import { likeLiteral } from "@/lib/db/like.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { PUBLIC_NAME_FIELDS, publicOrganisationName } from "@/lib/organisations/public-name.ts";
import { CATALOGUE_PAGE_SIZE, PUBLIC_NEED_STATUSES, type CatalogueFilters } from "./schema.ts";

// Public reads of needs. Drafts are never public; beneficiaries are counts only, and
// no query here selects a person's name or contact.

/** The public columns of a need and its region path; the program's columns are the caller's choice. */
export const publicNeedColumns = {
  id: true,
  item: true,
  unit: true,
  rw: true,
  targetQuantity: true,
  pledgedQuantity: true,
  approvedQuantity: true,
  deliveredQuantity: true,
  confirmedQuantity: true,
  beneficiaryCount: true,
  beneficiaryKind: true,
  priority: true,
  deadline: true,
  status: true,
  kota: { select: { code: true, name: true } },
  kecamatan: { select: { code: true, name: true } },
  kelurahan: { select: { code: true, name: true } },
} satisfies Prisma.NeedSelect;

const needCardSelect = {
  ...publicNeedColumns,
  program: { select: { category: true, nameId: true, nameEn: true } },
} satisfies Prisma.NeedSelect;

export type NeedCard = Prisma.NeedGetPayload<{ select: typeof needCardSelect }>;

export function catalogueWhere(filters: CatalogueFilters, today = jakartaToday()): Prisma.NeedWhereInput {
  const contains = (value: string) => ({ contains: likeLiteral(value), mode: "insensitive" as const });
  return {
    status: filters.status ?? { in: [...PUBLIC_NEED_STATUSES] },
    // "Open" is what a donor can still pledge to: an open need whose deadline has passed is not.
    ...(filters.status === "OPEN" && { deadline: { gte: dateOnly(today) } }),
    // A draft program is not public yet, and neither are its needs.
    program: { status: { not: "DRAFT" }, ...(filters.category && { category: filters.category }) },
    ...(filters.kota && { kotaCode: filters.kota }),
    ...(filters.kecamatan && { kecamatanCode: filters.kecamatan }),
    ...(filters.kelurahan && { kelurahanCode: filters.kelurahan }),
    ...(filters.q && {
      OR: [
        { item: contains(filters.q) },
        { description: contains(filters.q) },
        { kelurahan: { name: contains(filters.q) } },
        { kecamatan: { name: contains(filters.q) } },
        { program: { nameId: contains(filters.q) } },
      ],
    }),
  };
}

export interface CataloguePage {
  needs: NeedCard[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

// The catalogue's query as one SQL statement per sort order, prepared once per connection:
// the page with its total (a window count) in one round trip, without Prisma compiling
// the query on every request (a tenth of a catalogue render's CPU, see
// docs/decisions/0025-render-cost.md). catalogueWhere above states the same filter for
// Prisma and stays the reference (lib/needs/queries.test.ts checks both agree).
const CATALOGUE_ORDER_SQL: Record<NonNullable<CatalogueFilters["sort"]>, string> = {
  priority: "n.priority DESC, n.deadline ASC, n.id ASC",
  deadline: "n.deadline ASC, n.priority DESC, n.id ASC",
  newest: "n.created_at DESC, n.id ASC",
};

const catalogueSql = (order: string) => `
  SELECT n.id, n.item, n.unit::text AS unit, n.rw, n.target_quantity, n.pledged_quantity, n.approved_quantity,
         n.delivered_quantity, n.confirmed_quantity, n.beneficiary_count, n.beneficiary_kind::text AS beneficiary_kind,
         n.priority::text AS priority, to_char(n.deadline, 'YYYY-MM-DD') AS deadline, n.status::text AS status,
         kota.code AS kota_code, kota.name AS kota_name, kec.code AS kecamatan_code, kec.name AS kecamatan_name,
         kel.code AS kelurahan_code, kel.name AS kelurahan_name,
         p.category::text AS category, p.name_id, p.name_en,
         count(*) OVER () AS total
    FROM need n
    JOIN program p ON p.id = n.program_id
    JOIN region kota ON kota.code = n.kota_code
    JOIN region kec ON kec.code = n.kecamatan_code
    JOIN region kel ON kel.code = n.kelurahan_code
   WHERE p.status <> 'DRAFT'
     AND (CASE WHEN $1::text IS NULL THEN n.status::text = ANY($2::text[]) ELSE n.status::text = $1 END)
     AND ($1::text IS DISTINCT FROM 'OPEN' OR n.deadline >= $10::date)
     AND ($3::text IS NULL OR p.category::text = $3)
     AND ($4::text IS NULL OR n.kota_code = $4)
     AND ($5::text IS NULL OR n.kecamatan_code = $5)
     AND ($6::text IS NULL OR n.kelurahan_code = $6)
     AND ($7::text IS NULL OR n.item ILIKE $7 OR n.description ILIKE $7 OR kel.name ILIKE $7 OR kec.name ILIKE $7 OR p.name_id ILIKE $7)
   ORDER BY ${order}
   LIMIT $8 OFFSET $9`;

interface CatalogueRow {
  id: string;
  item: string;
  unit: NeedCard["unit"];
  rw: number | null;
  target_quantity: number;
  pledged_quantity: number;
  approved_quantity: number;
  delivered_quantity: number;
  confirmed_quantity: number;
  beneficiary_count: number;
  beneficiary_kind: NeedCard["beneficiaryKind"];
  priority: NeedCard["priority"];
  deadline: string;
  status: NeedCard["status"];
  kota_code: string;
  kota_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  kelurahan_code: string;
  kelurahan_name: string;
  category: NeedCard["program"]["category"];
  name_id: string;
  name_en: string;
  total: string | number;
}

export async function searchNeeds(filters: CatalogueFilters, pageSize = CATALOGUE_PAGE_SIZE): Promise<CataloguePage> {
  const page = filters.page ?? 1;
  const sort = filters.sort ?? "priority";
  const today = jakartaToday();
  const params = [
    filters.status ?? null,
    [...PUBLIC_NEED_STATUSES],
    filters.category ?? null,
    filters.kota ?? null,
    filters.kecamatan ?? null,
    filters.kelurahan ?? null,
    filters.q ? `%${likeLiteral(filters.q)}%` : null,
    pageSize,
    (page - 1) * pageSize,
    today,
  ];
  const rows = await dbHandle().prepared<CatalogueRow>(`catalogue_${sort}`, catalogueSql(CATALOGUE_ORDER_SQL[sort]), params);
  // A page past the end has no rows to carry the total: count without the page.
  const total = rows.length > 0 ? Number(rows[0]!.total) : page > 1 ? await db.need.count({ where: catalogueWhere(filters, today) }) : 0;
  const needs: NeedCard[] = rows.map((row) => ({
    id: row.id,
    item: row.item,
    unit: row.unit,
    rw: row.rw,
    targetQuantity: row.target_quantity,
    pledgedQuantity: row.pledged_quantity,
    approvedQuantity: row.approved_quantity,
    deliveredQuantity: row.delivered_quantity,
    confirmedQuantity: row.confirmed_quantity,
    beneficiaryCount: row.beneficiary_count,
    beneficiaryKind: row.beneficiary_kind,
    priority: row.priority,
    // A calendar date, as Prisma returns one: midnight UTC.
    deadline: new Date(`${row.deadline}T00:00:00Z`),
    status: row.status,
    kota: { code: row.kota_code, name: row.kota_name },
    kecamatan: { code: row.kecamatan_code, name: row.kecamatan_name },
    kelurahan: { code: row.kelurahan_code, name: row.kelurahan_name },
    program: { category: row.category, nameId: row.name_id, nameEn: row.name_en },
  }));
  return { needs, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One public need with its program, region path and coverage funnel; null when absent or a draft. */
export async function getPublicNeed(id: string) {
  const need = await db.need.findFirst({
    where: { id, status: { in: [...PUBLIC_NEED_STATUSES] }, program: { status: { not: "DRAFT" } } },
    select: {
      ...needCardSelect,
      description: true,
      createdAt: true,
      program: {
        select: {
          category: true,
          slug: true,
          nameId: true,
          nameEn: true,
          descriptionId: true,
          descriptionEn: true,
          startsOn: true,
          endsOn: true,
          ownerOrganisation: { select: PUBLIC_NAME_FIELDS },
        },
      },
    },
  });
  if (!need) return null;
  // The owner's name leaves this function only when it may be shown publicly.
  const { ownerOrganisation, ...program } = need.program;
  const [pledgesByStatus, community] = await Promise.all([
    db.pledge.groupBy({
      by: ["status"],
      where: { needId: id },
      _count: { _all: true },
      _sum: { quantity: true },
    }),
    communityConfirmedQuantity([id]),
  ]);
  return {
    ...need,
    /** What recipients' representatives confirmed receiving (lib/deliveries/community.ts). */
    communityConfirmed: community.get(id) ?? 0,
    program: { ...program, ownerName: publicOrganisationName(ownerOrganisation) },
    pledgesByStatus: pledgesByStatus.map((row) => ({ status: row.status, count: row._count._all, quantity: row._sum.quantity ?? 0 })),
  };
}

export type PublicNeed = NonNullable<Awaited<ReturnType<typeof getPublicNeed>>>;

/** Live totals per category and unit for the home page (open and fulfilled needs). */
export async function categoryTotals() {
  const rows = await db.need.groupBy({
    by: ["programId", "unit"],
    where: { status: { in: ["OPEN", "FULFILLED"] }, program: { status: { not: "DRAFT" } } },
    _count: { _all: true },
    _sum: { targetQuantity: true, pledgedQuantity: true, deliveredQuantity: true, beneficiaryCount: true },
  });
  const programs = await db.program.findMany({ select: { id: true, category: true } });
  const categoryOf = new Map(programs.map((program) => [program.id, program.category]));
  return rows.map((row) => ({
    category: categoryOf.get(row.programId)!,
    unit: row.unit,
    needs: row._count._all,
    target: row._sum.targetQuantity ?? 0,
    pledged: row._sum.pledgedQuantity ?? 0,
    delivered: row._sum.deliveredQuantity ?? 0,
    beneficiaries: row._sum.beneficiaryCount ?? 0,
  }));
}
