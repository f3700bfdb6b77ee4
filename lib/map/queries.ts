import "server-only";
import { NotFoundError, STAFF_ROLES, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { NeedUnit, ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { coverageByRegion } from "@/lib/coverage/queries.ts";

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
  /** uncoveredShare() of those needs; null when none of them is OPEN. */
  share: number | null;
}

/**
 * Coverage of every kelurahan for one category (all categories when none), ordered by
 * code: the figures of lib/coverage, with the place names the map's cards show. A
 * kelurahan without an OPEN need has no share, even when all its needs are pledged: the
 * map says "no open need" there instead of a shade.
 */
export async function kelurahanCoverage(options: { category?: ProgramCategory } = {}): Promise<KelurahanCoverage[]> {
  const [rows, places] = await Promise.all([coverageByRegion("KELURAHAN", { category: options.category }), kelurahanPlaces()]);
  return rows.map((row) => ({
    ...places.get(row.code)!,
    openNeeds: row.openNeeds,
    needs: row.needs,
    units: row.units
      .map((u) => ({ unit: u.unit, target: u.target, pledged: u.pledged, uncovered: u.target - u.pledged }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    share: row.openNeeds > 0 ? row.uncoveredShare : null,
  }));
}

/** Every kelurahan with its kecamatan and kota names, by code. */
async function kelurahanPlaces(): Promise<Map<string, KelurahanPlace>> {
  const rows = await db.region.findMany({
    where: { level: "KELURAHAN" },
    select: { code: true, name: true, parent: { select: { name: true, parent: { select: { code: true, name: true } } } } },
  });
  return new Map(
    rows.map((row) => [
      row.code,
      {
        code: row.code,
        name: row.name,
        kecamatan: row.parent?.name ?? "",
        kotaCode: row.parent?.parent?.code ?? "",
        kota: row.parent?.parent?.name ?? "",
      },
    ]),
  );
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
