import { beforeAll, describe, expect, it } from "vitest";
import { currentUser, type Caller } from "@/lib/auth/guards.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, userIdByEmail } from "@/tests/helpers/session.ts";
import { kelurahanCoverage, kelurahanWaitingReview } from "./queries.ts";
import { uncoveredShare } from "@/lib/coverage/share.ts";
import { SHADES, shareShade, waitingShade } from "./shades.ts";

// Expected numbers come straight from the seeded rows with plain SQL and arithmetic
// written out here, not from the functions under test.
interface NeedRow {
  kelurahan: string;
  category: string;
  status: string;
  unit: string;
  target: number;
  pledged: number;
  beneficiaries: number;
}
let needs: NeedRow[];

beforeAll(async () => {
  needs = await sql<NeedRow>(
    `SELECT n.kelurahan_code AS kelurahan, p.category::text AS category, n.status::text AS status, n.unit::text AS unit,
            n.target_quantity AS target, n.pledged_quantity AS pledged, n.beneficiary_count AS beneficiaries
       FROM need n JOIN program p ON p.id = n.program_id`,
  );
});

/** Which of the five shades a hand-computed share falls in: 0–20 %, 20–40 %, … 80–100 %. */
function expectedShade(share: number): number {
  return Math.min(4, Math.floor(share * 5 + 1e-12));
}

describe("kelurahan coverage", () => {
  it("has one row for every kelurahan, and the seed gives the map something to show", async () => {
    const rows = await kelurahanCoverage();
    expect(rows).toHaveLength(267);
    expect(new Set(rows.map((row) => row.code)).size).toBe(267);
    const classes = new Set(rows.map((row) => shareShade(row.share)));
    // Every shade and "no open need" occur, so a broken scale would show.
    for (const shade of [null, 0, 1, 2, 3, 4]) expect(classes, `shade ${shade}`).toContain(shade);
  });

  it("gives each kelurahan the shade its seeded needs call for, per category", async () => {
    for (const category of [undefined, "PANGAN", "PENDIDIKAN"] as const) {
      const rows = await kelurahanCoverage({ category });
      let checked = 0;
      let fullyPledged = 0;
      for (const row of rows) {
        const mine = needs.filter(
          (n) => n.kelurahan === row.code && ["OPEN", "FULFILLED"].includes(n.status) && (!category || n.category === category),
        );
        if (mine.length === 0) {
          expect(row.share, row.code).toBeNull();
          expect(shareShade(row.share)).toBeNull();
          expect(row.needs).toBe(0);
          continue;
        }
        if (!mine.some((n) => n.status === "OPEN")) {
          // Everything pledged, nothing open: shown as "no open need", not as a shade.
          expect(row.share, row.code).toBeNull();
          expect(row.needs).toBe(mine.length);
          fullyPledged++;
          continue;
        }
        let weighted = 0;
        let people = 0;
        for (const n of mine) {
          weighted += n.beneficiaries * (1 - n.pledged / n.target);
          people += n.beneficiaries;
        }
        const share = weighted / people;
        expect(row.share, row.code).toBeCloseTo(share, 9);
        if (Math.abs(share * 5 - Math.round(share * 5)) > 1e-9) expect(shareShade(row.share), row.code).toBe(expectedShade(share));
        expect(row.openNeeds).toBe(mine.filter((n) => n.status === "OPEN").length);
        expect(row.needs).toBe(mine.length);
        const units = [...new Set(mine.map((n) => n.unit))].sort();
        expect(row.units.map((u) => u.unit)).toEqual(units);
        for (const u of row.units) {
          const ofUnit = mine.filter((n) => n.unit === u.unit);
          expect(u.target).toBe(ofUnit.reduce((sum, n) => sum + n.target, 0));
          expect(u.uncovered).toBe(ofUnit.reduce((sum, n) => sum + n.target - n.pledged, 0));
        }
        checked++;
      }
      expect(checked, String(category)).toBeGreaterThan(50);
      if (!category) expect(fullyPledged, "the seed has kelurahan with every need pledged").toBeGreaterThan(0);
    }
  });

  it("agrees with the pure uncoveredShare() that other pages reuse", async () => {
    const rows = await kelurahanCoverage();
    for (const row of rows.filter((r) => r.share !== null).slice(0, 40)) {
      const terms = needs
        .filter((n) => n.kelurahan === row.code && ["OPEN", "FULFILLED"].includes(n.status))
        .map((n) => ({ targetQuantity: n.target, pledgedQuantity: n.pledged, beneficiaryCount: n.beneficiaries }));
      expect(uncoveredShare(terms)).toBeCloseTo(row.share!, 9);
    }
  });

  it("counts closed needs and drafts nowhere", async () => {
    const [row] = await sql<{ code: string }>(
      `SELECT kelurahan_code AS code FROM need WHERE status IN ('CLOSED','DRAFT') GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const coverage = (await kelurahanCoverage()).find((r) => r.code === row!.code)!;
    const expected = needs.filter((n) => n.kelurahan === row!.code && ["OPEN", "FULFILLED"].includes(n.status)).length;
    expect(coverage.needs).toBe(expected);
  });
});

describe("shades", () => {
  it("splits shares into five classes, and no need into none", () => {
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map(shareShade)).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(shareShade(null)).toBeNull();
    expect([0, 1, 2, 3, 4, 5, 9, 10, 500].map(waitingShade)).toEqual([null, 0, 1, 2, 2, 3, 3, 4, 4]);
    expect(SHADES).toHaveLength(5);
  });

  it("weights needs by their beneficiaries", () => {
    // 100 households half covered, 300 households not covered at all: (50 + 300) / 400.
    const share = uncoveredShare([
      { targetQuantity: 100, pledgedQuantity: 50, beneficiaryCount: 100 },
      { targetQuantity: 10, pledgedQuantity: 0, beneficiaryCount: 300 },
    ]);
    expect(share).toBeCloseTo(0.875, 12);
    expect(uncoveredShare([])).toBeNull();
  });
});

describe("pledges waiting for review", () => {
  let staff: Caller;
  let donor: Caller;
  beforeAll(async () => {
    actAs(await userIdByEmail("staf@ksbb.test"));
    staff = (await currentUser())!;
    actAs(await userIdByEmail("donor@ksbb.test"));
    donor = (await currentUser())!;
    actAs(null);
  });

  it("counts SUBMITTED pledges per kelurahan for staff", async () => {
    const rows = await kelurahanWaitingReview(staff);
    expect(rows).toHaveLength(267);
    const expected = await sql<{ code: string; n: number }>(
      `SELECT n.kelurahan_code AS code, count(*)::int AS n FROM pledge pl JOIN need n ON n.id = pl.need_id
        WHERE pl.status = 'SUBMITTED' GROUP BY 1`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const byCode = new Map(expected.map((row) => [row.code, row.n]));
    for (const row of rows) expect(row.waiting, row.code).toBe(byCode.get(row.code) ?? 0);
    expect(rows.filter((row) => row.waiting > 0).every((row) => row.oldestWaitingSince instanceof Date)).toBe(true);
  });

  it("is not found for anyone but staff", async () => {
    await expect(kelurahanWaitingReview(donor)).rejects.toThrow();
  });
});
