import "server-only";
import { db } from "@/lib/db/index.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { NeedUnit, ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { shareOf } from "./share.ts";
import { weekStarts } from "./weeks.ts";

// Coverage figures: how much of the city's listed needs donors have pledged, the city has
// approved, deliverers have delivered and staff have confirmed. One query per view, grouped
// in SQL, so the cost does not grow with the number of pledges shown.
//
// Which needs count: the live targets, OPEN and FULFILLED. Drafts are not public and closed
// needs are no longer asked for (their deliveries still show in the delivery record).

export const COVERAGE_NEED_STATUSES = ["OPEN", "FULFILLED"] as const;
export { APPROVED_PLEDGE_STATUSES } from "@/lib/pledges/totals.ts";

export type CoverageLevel = "KOTA" | "KECAMATAN" | "KELURAHAN";

export interface CoverageFilter {
  category?: ProgramCategory;
  programId?: string;
  /** Only needs inside this kota, kecamatan or kelurahan (dotted Kemendagri code). */
  within?: string;
  /**
   * Count CLOSED needs as well: for the delivery record (open data), where aid delivered
   * to a need that was later closed still happened. Uncovered shares are then not
   * meaningful (a closed need is no longer asked for).
   */
  includeClosed?: boolean;
}

/** Quantities of one unit. */
export interface UnitFigures {
  unit: NeedUnit;
  needs: number;
  target: number;
  pledged: number;
  approved: number;
  delivered: number;
  confirmed: number;
  /** What recipients' representatives confirmed receiving (community confirmations), its own figure. */
  community: number;
}

export interface CoverageRow {
  code: string;
  name: string;
  needs: number;
  openNeeds: number;
  beneficiaries: number;
  uncoveredBeneficiaries: number;
  /** null: no live need here at all (not the same as fully covered). */
  uncoveredShare: number | null;
  units: UnitFigures[];
}

interface RawRow {
  code: string;
  unit: NeedUnit | null;
  needs: number;
  open_needs: number;
  target: number;
  pledged: number;
  approved: number;
  delivered: number;
  confirmed: number;
  community: number;
  beneficiaries: number;
  uncovered: number;
}

const LEVEL_COLUMN: Record<CoverageLevel, Prisma.Sql> = {
  KOTA: Prisma.sql`n.kota_code`,
  KECAMATAN: Prisma.sql`n.kecamatan_code`,
  KELURAHAN: Prisma.sql`n.kelurahan_code`,
};

// Codes are hierarchical and each level has its own length, so one code matches one column.
const withinCondition = (within: string) =>
  Prisma.sql`(n.kota_code = ${within} OR n.kecamatan_code = ${within} OR n.kelurahan_code = ${within})`;

function needConditions(filter: CoverageFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    filter.includeClosed ? Prisma.sql`n.status IN ('OPEN', 'FULFILLED', 'CLOSED')` : Prisma.sql`n.status IN ('OPEN', 'FULFILLED')`,
    // A draft program is not public yet, and neither are its needs.
    Prisma.sql`p.status <> 'DRAFT'`,
  ];
  if (filter.category) parts.push(Prisma.sql`p.category = ${filter.category}::"ProgramCategory"`);
  if (filter.programId) parts.push(Prisma.sql`n.program_id = ${filter.programId}`);
  if (filter.within) parts.push(withinCondition(filter.within));
  return Prisma.join(parts, " AND ");
}

/**
 * Figures per group key and unit; `key` is a SQL expression over need n and program p.
 * The need row carries its pledge totals (lib/pledges/totals.ts), so no pledge is read.
 */
async function figuresBy(key: Prisma.Sql, filter: CoverageFilter): Promise<RawRow[]> {
  return db.$queryRaw<RawRow[]>`
    SELECT ${key} AS code, n.unit::text AS unit,
           count(*)::int AS needs,
           (count(*) FILTER (WHERE n.status = 'OPEN'))::int AS open_needs,
           SUM(n.target_quantity)::float8 AS target,
           SUM(n.pledged_quantity)::float8 AS pledged,
           SUM(n.approved_quantity)::float8 AS approved,
           SUM(n.delivered_quantity)::float8 AS delivered,
           SUM(n.confirmed_quantity)::float8 AS confirmed,
           SUM(n.community_confirmed_quantity)::float8 AS community,
           SUM(n.beneficiary_count)::float8 AS beneficiaries,
           SUM(n.beneficiary_count * GREATEST(n.target_quantity - n.pledged_quantity, 0)::float8 / n.target_quantity) AS uncovered
    FROM need n
    JOIN program p ON p.id = n.program_id
    WHERE ${needConditions(filter)}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

function fold(rows: RawRow[]): Map<string, Omit<CoverageRow, "name">> {
  const byCode = new Map<string, Omit<CoverageRow, "name">>();
  for (const row of rows) {
    let entry = byCode.get(row.code);
    if (!entry) {
      entry = { code: row.code, needs: 0, openNeeds: 0, beneficiaries: 0, uncoveredBeneficiaries: 0, uncoveredShare: null, units: [] };
      byCode.set(row.code, entry);
    }
    entry.needs += row.needs;
    entry.openNeeds += row.open_needs;
    entry.beneficiaries += row.beneficiaries;
    entry.uncoveredBeneficiaries += row.uncovered;
    entry.units.push({
      unit: row.unit!,
      needs: row.needs,
      target: row.target,
      pledged: row.pledged,
      approved: row.approved,
      delivered: row.delivered,
      confirmed: row.confirmed,
      community: row.community,
    });
  }
  for (const entry of byCode.values()) entry.uncoveredShare = shareOf(entry.beneficiaries, entry.uncoveredBeneficiaries, entry.needs);
  return byCode;
}

const emptyRow = (code: string, name: string): CoverageRow => ({
  code,
  name,
  needs: 0,
  openNeeds: 0,
  beneficiaries: 0,
  uncoveredBeneficiaries: 0,
  uncoveredShare: null,
  units: [],
});

/**
 * One row per region of the level (inside `filter.within` when given), in code order,
 * including regions without any live need (uncoveredShare null).
 */
export async function coverageByRegion(level: CoverageLevel, filter: CoverageFilter = {}): Promise<CoverageRow[]> {
  const parentCondition = filter.within
    ? level === "KELURAHAN" && filter.within.length === 5
      ? { parent: { parentCode: filter.within } }
      : { parentCode: filter.within }
    : {};
  const [regions, rows] = await Promise.all([
    db.region.findMany({ where: { level, ...parentCondition }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    figuresBy(LEVEL_COLUMN[level], filter),
  ]);
  const figures = fold(rows);
  return regions.map((region) => {
    const entry = figures.get(region.code);
    return entry ? { ...entry, name: region.name } : emptyRow(region.code, region.name);
  });
}

export interface CategoryCoverage extends Omit<CoverageRow, "name" | "code"> {
  category: ProgramCategory;
}

/** Figures per category (every category with a live need). */
export async function coverageByCategory(filter: Omit<CoverageFilter, "category"> = {}): Promise<CategoryCoverage[]> {
  const figures = fold(await figuresBy(Prisma.sql`p.category::text`, filter));
  return [...figures.values()].map(({ code, ...rest }) => ({ ...rest, category: code as ProgramCategory }));
}

export interface ProgramCoverage extends Omit<CoverageRow, "name" | "code"> {
  programId: string;
  slug: string;
  category: ProgramCategory;
  nameId: string;
  nameEn: string;
}

/** Figures per program that has a live need, in category then name order. */
export async function coverageByProgram(filter: CoverageFilter = {}): Promise<ProgramCoverage[]> {
  const [rows, programs] = await Promise.all([
    figuresBy(Prisma.sql`n.program_id`, filter),
    db.program.findMany({
      select: { id: true, slug: true, category: true, nameId: true, nameEn: true },
      orderBy: [{ category: "asc" }, { nameId: "asc" }],
    }),
  ]);
  const figures = fold(rows);
  return programs.flatMap((program) => {
    const entry = figures.get(program.id);
    if (!entry) return [];
    const { code, ...rest } = entry;
    return [{ ...rest, programId: code, slug: program.slug, category: program.category, nameId: program.nameId, nameEn: program.nameEn }];
  });
}

export interface UncoveredKelurahan extends CoverageRow {
  kecamatan: string;
  kota: string;
}

/**
 * The kelurahan where the largest share of beneficiaries is still uncovered (only those
 * with an open need), ties broken by the number of uncovered beneficiaries.
 */
export async function mostUncoveredKelurahan(limit: number, filter: CoverageFilter = {}): Promise<UncoveredKelurahan[]> {
  const figures = fold(await figuresBy(LEVEL_COLUMN.KELURAHAN, filter));
  const ranked = [...figures.values()]
    .filter((row) => row.openNeeds > 0 && (row.uncoveredShare ?? 0) > 0)
    .sort(
      (a, b) =>
        b.uncoveredShare! - a.uncoveredShare! || b.uncoveredBeneficiaries - a.uncoveredBeneficiaries || a.code.localeCompare(b.code),
    )
    .slice(0, limit);
  const regions = await db.region.findMany({
    where: { code: { in: ranked.map((row) => row.code) } },
    select: { code: true, name: true, parent: { select: { name: true, parent: { select: { name: true } } } } },
  });
  const byCode = new Map(regions.map((region) => [region.code, region]));
  return ranked.map((row) => {
    const region = byCode.get(row.code);
    return { ...row, name: region?.name ?? row.code, kecamatan: region?.parent?.name ?? "", kota: region?.parent?.parent?.name ?? "" };
  });
}

/** Sum of the figures of several rows (for totals lines). */
export function totalOf(rows: readonly Pick<CoverageRow, "needs" | "openNeeds" | "beneficiaries" | "uncoveredBeneficiaries" | "units">[]) {
  const units = new Map<NeedUnit, UnitFigures>();
  let needs = 0,
    openNeeds = 0,
    beneficiaries = 0,
    uncovered = 0;
  for (const row of rows) {
    needs += row.needs;
    openNeeds += row.openNeeds;
    beneficiaries += row.beneficiaries;
    uncovered += row.uncoveredBeneficiaries;
    for (const figures of row.units) {
      const sum = units.get(figures.unit) ?? {
        unit: figures.unit,
        needs: 0,
        target: 0,
        pledged: 0,
        approved: 0,
        delivered: 0,
        confirmed: 0,
        community: 0,
      };
      sum.needs += figures.needs;
      sum.target += figures.target;
      sum.pledged += figures.pledged;
      sum.approved += figures.approved;
      sum.delivered += figures.delivered;
      sum.confirmed += figures.confirmed;
      sum.community += figures.community;
      units.set(figures.unit, sum);
    }
  }
  return {
    needs,
    openNeeds,
    beneficiaries,
    uncoveredBeneficiaries: uncovered,
    uncoveredShare: shareOf(beneficiaries, uncovered, needs),
    units: [...units.values()],
  };
}

export interface WeeklyDeliveries {
  /** Monday of the week, YYYY-MM-DD (Jakarta dates). */
  week: string;
  category: ProgramCategory;
  /** Quantities are per unit: a category may count in several units, which never add up. */
  unit: NeedUnit;
  deliveries: number;
  quantity: number;
}

/**
 * Delivery updates per week, category and unit over the last `weeks` weeks, this week
 * included (Monday-aligned, Jakarta dates; weeks without any are omitted — see fillWeeks).
 */
export async function deliveriesPerWeek(weeks: number, filter: CoverageFilter = {}, today = jakartaToday()): Promise<WeeklyDeliveries[]> {
  const parts: Prisma.Sql[] = [Prisma.sql`d.delivered_on >= ${weekStarts(today, weeks)[0]!}::date`];
  if (filter.category) parts.push(Prisma.sql`p.category = ${filter.category}::"ProgramCategory"`);
  if (filter.programId) parts.push(Prisma.sql`n.program_id = ${filter.programId}`);
  if (filter.within) parts.push(withinCondition(filter.within));
  const rows = await db.$queryRaw<WeeklyDeliveries[]>`
    SELECT to_char(date_trunc('week', d.delivered_on), 'YYYY-MM-DD') AS week, p.category::text AS category, n.unit::text AS unit,
           count(*)::int AS deliveries, SUM(d.quantity)::float8 AS quantity
    FROM delivery_update d
    JOIN pledge pl ON pl.id = d.pledge_id
    JOIN need n ON n.id = pl.need_id
    JOIN program p ON p.id = n.program_id
    WHERE ${Prisma.join(parts, " AND ")}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`;
  return rows;
}
