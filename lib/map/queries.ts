import "server-only";
import { NotFoundError, STAFF_ROLES, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { NeedUnit, ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";
import { MAPPED_NEED_STATUSES } from "./shades.ts";

// The numbers behind the map: one row for each of the 267 kelurahan, in one query, so
// the per-request work is these numbers only (the shapes are a static import).

export interface KelurahanPlace {
  code: string;
  name: string;
  kecamatan: string;
  kotaCode: string;
  kota: string;
}

export interface UnitQuantities {
  unit: NeedUnit;
  target: number;
  pledged: number;
  /** target − pledged */
  uncovered: number;
}

export interface KelurahanCoverage extends KelurahanPlace {
  /** Needs with status OPEN. */
  openNeeds: number;
  /** Needs with status OPEN or FULFILLED: the ones the share is taken over. */
  needs: number;
  /** Quantities per unit over those needs (units of different kinds are never added up). */
  units: UnitQuantities[];
  /** uncoveredShare() of those needs; null when there are none. */
  share: number | null;
}

type CoverageRow = Omit<KelurahanCoverage, "units"> & { units: { unit: NeedUnit; target: number; pledged: number }[] };

/** Coverage of every kelurahan for one category (all active categories when none), ordered by code. */
export async function kelurahanCoverage(options: { category?: ProgramCategory } = {}): Promise<KelurahanCoverage[]> {
  const categories = options.category ? [options.category] : ACTIVE_CATEGORIES;
  // Sums per kelurahan and unit first, so quantities of different units stay apart; the
  // share is then taken over the kelurahan as a whole (its terms add up across units).
  const rows = await db.$queryRaw<CoverageRow[]>(Prisma.sql`
    WITH per_unit AS (
      SELECT n.kelurahan_code AS code, n.unit::text AS unit,
             count(*) FILTER (WHERE n.status = 'OPEN')::int AS open_needs,
             count(*)::int AS needs,
             sum(n.target_quantity)::int AS target,
             sum(n.pledged_quantity)::int AS pledged,
             sum(n.beneficiary_count)::float8 AS beneficiaries,
             sum(n.beneficiary_count::float8 * (n.target_quantity - n.pledged_quantity) / n.target_quantity) AS uncovered_beneficiaries
        FROM need n JOIN program p ON p.id = n.program_id
       WHERE n.status::text IN (${Prisma.join([...MAPPED_NEED_STATUSES])})
         AND p.category::text IN (${Prisma.join(categories)})
       GROUP BY n.kelurahan_code, n.unit
    )
    SELECT k.code, k.name, kc.name AS kecamatan, kt.code AS "kotaCode", kt.name AS kota,
           coalesce(sum(u.open_needs), 0)::int AS "openNeeds",
           coalesce(sum(u.needs), 0)::int AS needs,
           (sum(u.uncovered_beneficiaries) / nullif(sum(u.beneficiaries), 0))::float8 AS share,
           coalesce(json_agg(json_build_object('unit', u.unit, 'target', u.target, 'pledged', u.pledged) ORDER BY u.unit)
                      FILTER (WHERE u.unit IS NOT NULL), '[]'::json) AS units
      FROM region k
      JOIN region kc ON kc.code = k.parent_code
      JOIN region kt ON kt.code = kc.parent_code
      LEFT JOIN per_unit u ON u.code = k.code
     WHERE k.level = 'KELURAHAN'
     GROUP BY k.code, k.name, kc.name, kt.code, kt.name
     ORDER BY k.code`);
  return rows.map((row) => ({
    ...row,
    units: row.units.map((u) => ({ unit: u.unit, target: u.target, pledged: u.pledged, uncovered: u.target - u.pledged })),
  }));
}

export interface KelurahanWaiting extends KelurahanPlace {
  /** Pledges with status SUBMITTED for needs in this kelurahan. */
  waiting: number;
  /** When the longest-waiting of them was made; null when none wait. */
  oldestWaitingSince: Date | null;
}

/** Pledges waiting for review per kelurahan, for city staff (anyone else: not found). */
export async function kelurahanWaitingReview(caller: Caller, options: { category?: ProgramCategory } = {}): Promise<KelurahanWaiting[]> {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  const categoryFilter = options.category ? Prisma.sql`AND p.category::text = ${options.category}` : Prisma.empty;
  return db.$queryRaw<KelurahanWaiting[]>(Prisma.sql`
    WITH waiting AS (
      SELECT n.kelurahan_code AS code, count(*)::int AS waiting, min(pl.created_at) AS oldest
        FROM pledge pl JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
       WHERE pl.status = 'SUBMITTED' ${categoryFilter}
       GROUP BY n.kelurahan_code
    )
    SELECT k.code, k.name, kc.name AS kecamatan, kt.code AS "kotaCode", kt.name AS kota,
           coalesce(w.waiting, 0)::int AS waiting, w.oldest AS "oldestWaitingSince"
      FROM region k
      JOIN region kc ON kc.code = k.parent_code
      JOIN region kt ON kt.code = kc.parent_code
      LEFT JOIN waiting w ON w.code = k.code
     WHERE k.level = 'KELURAHAN'
     ORDER BY k.code`);
}
