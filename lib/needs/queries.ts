import "server-only";
import { db } from "@/lib/db/index.ts";
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

export function catalogueWhere(filters: CatalogueFilters): Prisma.NeedWhereInput {
  const contains = (value: string) => ({ contains: likeLiteral(value), mode: "insensitive" as const });
  return {
    status: filters.status ?? { in: [...PUBLIC_NEED_STATUSES] },
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

const ORDER: Record<NonNullable<CatalogueFilters["sort"]>, Prisma.NeedOrderByWithRelationInput[]> = {
  // Enum order is LOW < MEDIUM < HIGH < URGENT, so descending puts urgent first.
  priority: [{ priority: "desc" }, { deadline: "asc" }, { id: "asc" }],
  deadline: [{ deadline: "asc" }, { priority: "desc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "asc" }],
};

export interface CataloguePage {
  needs: NeedCard[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export async function searchNeeds(filters: CatalogueFilters, pageSize = CATALOGUE_PAGE_SIZE): Promise<CataloguePage> {
  const where = catalogueWhere(filters);
  const page = filters.page ?? 1;
  const [total, needs] = await Promise.all([
    db.need.count({ where }),
    db.need.findMany({
      where,
      select: needCardSelect,
      orderBy: ORDER[filters.sort ?? "priority"],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
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
  const pledgesByStatus = await db.pledge.groupBy({
    by: ["status"],
    where: { needId: id },
    _count: { _all: true },
    _sum: { quantity: true },
  });
  return {
    ...need,
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
