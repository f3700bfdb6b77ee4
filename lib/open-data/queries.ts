import "server-only";
import { communityConfirmedQuantity } from "@/lib/deliveries/community.ts";
import { coverageByRegion } from "@/lib/coverage/queries.ts";
import { db } from "@/lib/db/index.ts";
import { isoDate } from "@/lib/dates.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { ProgramCategory, ProgramStatus, RegionLevel } from "@/lib/generated/prisma/enums.ts";
import { catalogueWhere, publicNeedColumns } from "@/lib/needs/queries.ts";
import type { CatalogueFilters } from "@/lib/needs/schema.ts";
import { CATEGORY_KEYS } from "@/lib/programs/categories.ts";
import type { DeliveryRecord, NeedRecord } from "./datasets.ts";

// Reads behind the open-data downloads and the public API. Access: public. Every
// select below names its columns: public need fields, region codes and names, program
// texts, and an owning office's name only when it is verified and agreed to be shown.
// Never users, contacts, pledge notes or donor organisations. Drafts are never read.

const needSelect = {
  ...publicNeedColumns,
  program: { select: { slug: true, category: true } },
} satisfies Prisma.NeedSelect;

type NeedPayload = Prisma.NeedGetPayload<{ select: typeof needSelect }>;

function needRecord(need: NeedPayload, community: ReadonlyMap<string, number>): NeedRecord {
  return {
    id: need.id,
    program: need.program.slug,
    category: need.program.category,
    item: need.item,
    unit: need.unit,
    target_quantity: need.targetQuantity,
    pledged_quantity: need.pledgedQuantity,
    delivered_quantity: need.deliveredQuantity,
    community_confirmed_quantity: community.get(need.id) ?? 0,
    beneficiary_count: need.beneficiaryCount,
    beneficiary_kind: need.beneficiaryKind,
    priority: need.priority,
    status: need.status,
    deadline: isoDate(need.deadline),
    kota_code: need.kota.code,
    kota_name: need.kota.name,
    kecamatan_code: need.kecamatan.code,
    kecamatan_name: need.kecamatan.name,
    kelurahan_code: need.kelurahan.code,
    kelurahan_name: need.kelurahan.name,
    rw: need.rw,
  };
}

/** The catalogue's filters (public statuses only, LIKE-escaped search) plus a program. */
export type PublicNeedFilter = Omit<CatalogueFilters, "sort" | "page"> & { programId?: string };

/** Public needs in id order, strictly after `after`: one page of the API or one batch of a download. */
export async function publicNeedsAfter(filter: PublicNeedFilter, after: string | undefined, take: number): Promise<NeedRecord[]> {
  const { programId, ...catalogue } = filter;
  const needs = await db.need.findMany({
    where: {
      AND: [catalogueWhere(catalogue), ...(programId ? [{ programId }] : []), ...(after ? [{ id: { gt: after } }] : [])],
    },
    select: needSelect,
    orderBy: { id: "asc" },
    take,
  });
  const community = await communityConfirmedQuantity(needs.map((need) => need.id));
  return needs.map((need) => needRecord(need, community));
}

/** Every public need, a batch at a time, so a download of 10,000+ needs never holds them all in memory. */
export async function* publicNeedBatches(batchSize = 1000): AsyncGenerator<NeedRecord[]> {
  let after: string | undefined;
  for (;;) {
    const batch = await publicNeedsAfter({}, after, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.id as string;
  }
}

export async function publicNeedCount(): Promise<number> {
  return db.need.count({ where: catalogueWhere({}) });
}

/**
 * Quantities per kelurahan, category and unit, from lib/coverage with closed needs
 * included: aid delivered to a need that was closed later still counts as delivered.
 * One row per combination that has at least one public need, in code, category, unit order.
 */
export async function deliveryRecords(): Promise<DeliveryRecord[]> {
  const [regions, ...perCategory] = await Promise.all([
    db.region.findMany({ select: { code: true, name: true } }),
    ...CATEGORY_KEYS.map((category) => coverageByRegion("KELURAHAN", { category, includeClosed: true })),
  ]);
  const nameOf = new Map(regions.map((region) => [region.code, region.name]));
  const records: DeliveryRecord[] = [];
  CATEGORY_KEYS.forEach((category, index) => {
    for (const row of perCategory[index]!) {
      for (const figures of row.units) {
        const kota = row.code.slice(0, 5);
        const kecamatan = row.code.slice(0, 8);
        records.push({
          kota_code: kota,
          kota_name: nameOf.get(kota) ?? "",
          kecamatan_code: kecamatan,
          kecamatan_name: nameOf.get(kecamatan) ?? "",
          kelurahan_code: row.code,
          kelurahan_name: row.name,
          category,
          unit: figures.unit,
          needs: figures.needs,
          target_quantity: figures.target,
          pledged_quantity: figures.pledged,
          approved_quantity: figures.approved,
          delivered_quantity: figures.delivered,
          confirmed_quantity: figures.confirmed,
          community_confirmed_quantity: figures.community,
        });
      }
    }
  });
  const key = (record: DeliveryRecord) =>
    `${record.kelurahan_code}|${CATEGORY_KEYS.indexOf(record.category as ProgramCategory)}|${record.unit}`;
  return records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface ProgramFilter {
  category?: ProgramCategory;
  status?: Exclude<ProgramStatus, "DRAFT">;
}

/** Programs that are not drafts, in slug order after `after`. */
export async function publicProgramsAfter(filter: ProgramFilter, after: string | undefined, take: number) {
  const programs = await db.program.findMany({
    where: {
      AND: [
        { status: filter.status ?? { not: "DRAFT" } },
        ...(filter.category ? [{ category: filter.category }] : []),
        ...(after ? [{ slug: { gt: after } }] : []),
      ],
    },
    select: {
      slug: true,
      category: true,
      status: true,
      nameId: true,
      nameEn: true,
      descriptionId: true,
      descriptionEn: true,
      startsOn: true,
      endsOn: true,
      ownerOrganisation: { select: { name: true, verificationStatus: true, showPublicly: true } },
    },
    orderBy: { slug: "asc" },
    take,
  });
  return programs.map((program) => ({
    slug: program.slug,
    category: program.category,
    status: program.status,
    name_id: program.nameId,
    name_en: program.nameEn,
    description_id: program.descriptionId,
    description_en: program.descriptionEn,
    starts_on: isoDate(program.startsOn),
    ends_on: isoDate(program.endsOn),
    owner_office:
      program.ownerOrganisation.verificationStatus === "VERIFIED" && program.ownerOrganisation.showPublicly
        ? program.ownerOrganisation.name
        : null,
  }));
}

/** The id of the public (not draft) program with this slug; null for drafts and unknown slugs alike. */
export async function publicProgramId(slug: string): Promise<string | null> {
  const program = await db.program.findFirst({ where: { slug, status: { not: "DRAFT" } }, select: { id: true } });
  return program?.id ?? null;
}

export interface RegionFilter {
  level?: RegionLevel;
  parent?: string;
}

export async function regionsAfter(filter: RegionFilter, after: string | undefined, take: number) {
  const regions = await db.region.findMany({
    where: {
      ...(filter.level && { level: filter.level }),
      ...(filter.parent && { parentCode: filter.parent }),
      ...(after && { code: { gt: after } }),
    },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
    take,
  });
  return regions.map((region) => ({ code: region.code, name: region.name, level: region.level, parent_code: region.parentCode }));
}
