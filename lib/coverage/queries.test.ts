import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db.ts";
import { coverageByCategory, coverageByProgram, coverageByRegion, deliveriesPerWeek, mostUncoveredKelurahan, totalOf } from "./queries.ts";
import { uncoveredShare } from "./share.ts";

// The expected figures are recomputed here in plain TypeScript from the raw seeded rows
// (needs and pledges, no SQL aggregation), so a wrong filter or join in queries.ts shows.

interface NeedRow {
  id: string;
  status: string;
  category: string;
  program_id: string;
  unit: string;
  kota_code: string;
  kecamatan_code: string;
  kelurahan_code: string;
  target_quantity: number;
  pledged_quantity: number;
  delivered_quantity: number;
  beneficiary_count: number;
}
interface PledgeRow {
  need_id: string;
  status: string;
  quantity: number;
  delivered_quantity: number;
}

const APPROVED = new Set(["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"]);

async function seeded() {
  const needs = await testDb().query<NeedRow>(
    `SELECT n.id, n.status, p.category, n.program_id, n.unit, n.kota_code, n.kecamatan_code, n.kelurahan_code,
            n.target_quantity, n.pledged_quantity, n.delivered_quantity, n.beneficiary_count
     FROM need n JOIN program p ON p.id = n.program_id`,
  );
  const pledges = await testDb().query<PledgeRow>(`SELECT need_id, status, quantity, delivered_quantity FROM pledge`);
  return { needs, pledges };
}

function expectedFigures(needs: NeedRow[], pledges: PledgeRow[]) {
  const live = needs.filter((need) => need.status === "OPEN" || need.status === "FULFILLED");
  const ids = new Set(live.map((need) => need.id));
  const ours = pledges.filter((pledge) => ids.has(pledge.need_id));
  return {
    needs: live.length,
    target: live.reduce((sum, need) => sum + need.target_quantity, 0),
    pledged: live.reduce((sum, need) => sum + need.pledged_quantity, 0),
    delivered: live.reduce((sum, need) => sum + need.delivered_quantity, 0),
    approved: ours.filter((pledge) => APPROVED.has(pledge.status)).reduce((sum, pledge) => sum + pledge.quantity, 0),
    confirmed: ours.filter((pledge) => pledge.status === "CONFIRMED").reduce((sum, pledge) => sum + pledge.delivered_quantity, 0),
    share: uncoveredShare(
      live.map((need) => ({
        targetQuantity: need.target_quantity,
        pledgedQuantity: need.pledged_quantity,
        beneficiaryCount: need.beneficiary_count,
      })),
    ),
  };
}

describe("uncoveredShare", () => {
  it("is the beneficiary-weighted gap, null without needs, and exact for proportional needs", () => {
    expect(uncoveredShare([])).toBeNull();
    expect(uncoveredShare([{ targetQuantity: 100, pledgedQuantity: 100, beneficiaryCount: 100 }])).toBe(0);
    // Two needs of one unit, one package per household: Σ(target − pledged) / Σ target = 75 / 200.
    expect(
      uncoveredShare([
        { targetQuantity: 100, pledgedQuantity: 25, beneficiaryCount: 100 },
        { targetQuantity: 100, pledgedQuantity: 100, beneficiaryCount: 100 },
      ]),
    ).toBeCloseTo(0.375, 10);
    // 10 devices for 40 students, 5 pledged: half of the 40 uncovered; plus 60 households fully uncovered → 80/100.
    expect(
      uncoveredShare([
        { targetQuantity: 10, pledgedQuantity: 5, beneficiaryCount: 40 },
        { targetQuantity: 30, pledgedQuantity: 0, beneficiaryCount: 60 },
      ]),
    ).toBeCloseTo(0.8, 10);
  });
});

describe("coverage figures", () => {
  it("per kelurahan match the seeded needs and pledges, and list all 267 kelurahan", async () => {
    // The seed has no closed needs: close some, so leaving them out is checked too.
    await testDb().exec(
      `UPDATE need SET status = 'CLOSED' WHERE id IN (SELECT id FROM need WHERE status = 'OPEN' AND pledged_quantity > 0 ORDER BY id LIMIT 15)`,
    );
    const { needs, pledges } = await seeded();
    expect(needs.filter((need) => need.status === "CLOSED")).toHaveLength(15);
    const rows = await coverageByRegion("KELURAHAN");
    expect(rows).toHaveLength(267);
    let checked = 0;
    for (const row of rows) {
      const expected = expectedFigures(
        needs.filter((need) => need.kelurahan_code === row.code),
        pledges,
      );
      expect(row.needs, row.code).toBe(expected.needs);
      if (expected.needs === 0) {
        expect(row.uncoveredShare).toBeNull();
        continue;
      }
      const sum = totalOf([row]).units;
      expect(
        sum.reduce((s, u) => s + u.target, 0),
        row.code,
      ).toBe(expected.target);
      expect(
        sum.reduce((s, u) => s + u.pledged, 0),
        row.code,
      ).toBe(expected.pledged);
      expect(
        sum.reduce((s, u) => s + u.approved, 0),
        row.code,
      ).toBe(expected.approved);
      expect(
        sum.reduce((s, u) => s + u.delivered, 0),
        row.code,
      ).toBe(expected.delivered);
      expect(
        sum.reduce((s, u) => s + u.confirmed, 0),
        row.code,
      ).toBe(expected.confirmed);
      expect(row.uncoveredShare!, row.code).toBeCloseTo(expected.share!, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    // The seed has approved and confirmed quantities somewhere, so those columns are exercised.
    expect(rows.some((row) => row.units.some((u) => u.confirmed > 0))).toBe(true);
  });

  it("per kota, per category and per program add up, with a category filter applied", async () => {
    const { needs, pledges } = await seeded();
    const kota = await coverageByRegion("KOTA", { category: "PANGAN" });
    expect(kota).toHaveLength(6);
    for (const row of kota) {
      const expected = expectedFigures(
        needs.filter((need) => need.kota_code === row.code && need.category === "PANGAN"),
        pledges,
      );
      expect(row.needs).toBe(expected.needs);
      expect(row.units.filter((u) => u.unit !== "FOOD_PACKAGE")).toEqual([]);
      expect(row.units[0]?.pledged ?? 0).toBe(expected.pledged);
    }
    const categories = await coverageByCategory();
    for (const row of categories) {
      const expected = expectedFigures(
        needs.filter((need) => need.category === row.category),
        pledges,
      );
      expect(row.needs).toBe(expected.needs);
      expect(row.uncoveredShare!).toBeCloseTo(expected.share!, 9);
    }
    const programs = await coverageByProgram();
    expect(programs.reduce((sum, p) => sum + p.needs, 0)).toBe(expectedFigures(needs, pledges).needs);
  });

  it("scopes kecamatan and kelurahan rows to the region asked for", async () => {
    const kecamatan = await coverageByRegion("KECAMATAN", { within: "31.71" });
    expect(kecamatan.length).toBeGreaterThan(0);
    expect(kecamatan.every((row) => row.code.startsWith("31.71."))).toBe(true);
    const kelurahan = await coverageByRegion("KELURAHAN", { within: "31.71" });
    expect(kelurahan.every((row) => row.code.startsWith("31.71."))).toBe(true);
    expect(kelurahan.length).toBeGreaterThan(kecamatan.length);
  });

  it("ranks kelurahan by uncovered share, only where a need is open", async () => {
    const { needs } = await seeded();
    const top = await mostUncoveredKelurahan(20);
    expect(top).toHaveLength(20);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.uncoveredShare!).toBeGreaterThanOrEqual(top[i]!.uncoveredShare!);
    for (const row of top) {
      expect(needs.some((need) => need.kelurahan_code === row.code && need.status === "OPEN")).toBe(true);
      expect(row.kecamatan).not.toBe("");
      expect(row.kota).not.toBe("");
    }
    // Nothing outside the list is more uncovered than its last entry.
    const all = await coverageByRegion("KELURAHAN");
    const cut = top.at(-1)!.uncoveredShare!;
    const better = all.filter((row) => row.openNeeds > 0 && (row.uncoveredShare ?? 0) > cut);
    expect(better.every((row) => top.some((t) => t.code === row.code))).toBe(true);
  });

  it("scopes figures to one kelurahan", async () => {
    const { needs, pledges } = await seeded();
    const code = needs.find((need) => needs.filter((other) => other.kelurahan_code === need.kelurahan_code).length > 1)!.kelurahan_code;
    const rows = await coverageByCategory({ within: code });
    const mine = needs.filter((need) => need.kelurahan_code === code);
    expect(rows.reduce((sum, row) => sum + row.needs, 0)).toBe(expectedFigures(mine, pledges).needs);
    for (const row of rows) {
      const expected = expectedFigures(
        mine.filter((need) => need.category === row.category),
        pledges,
      );
      expect(row.units.reduce((s, u) => s + u.pledged, 0)).toBe(expected.pledged);
      expect(row.uncoveredShare!).toBeCloseTo(expected.share!, 9);
    }
  });

  it("counts delivery updates per week, with quantities per unit", async () => {
    const rows = await deliveriesPerWeek(520);
    const [{ n }] = (await testDb().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM delivery_update WHERE delivered_on >= CURRENT_DATE - 3640`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    expect(rows.reduce((sum, row) => sum + row.deliveries, 0)).toBe(n);
    expect(rows.every((row) => new Date(`${row.week}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    // Recompute per (category, unit) from the raw rows: a category with two units keeps them apart.
    const raw = await testDb().query<{ category: string; unit: string; quantity: number }>(
      `SELECT p.category::text AS category, n.unit::text AS unit, d.quantity FROM delivery_update d
       JOIN pledge pl ON pl.id = d.pledge_id JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id`,
    );
    const expected = new Map<string, number>();
    for (const row of raw) expected.set(`${row.category}/${row.unit}`, (expected.get(`${row.category}/${row.unit}`) ?? 0) + row.quantity);
    const actual = new Map<string, number>();
    for (const row of rows) actual.set(`${row.category}/${row.unit}`, (actual.get(`${row.category}/${row.unit}`) ?? 0) + row.quantity);
    expect(actual).toEqual(expected);
    expect(new Set(rows.filter((row) => row.category === "PENDIDIKAN").map((row) => row.unit)).size).toBe(2);
  });

  it("counts only the weeks asked for, ending with today's week", async () => {
    // The seed's deliveries lie in October and early November 2026.
    const weekOfNov2 = await deliveriesPerWeek(1, {}, "2026-11-04");
    expect(weekOfNov2.every((row) => row.week === "2026-11-02")).toBe(true);
    const [{ n }] = (await testDb().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM delivery_update WHERE delivered_on >= '2026-11-02'`,
    )) as [{ n: number }];
    expect(weekOfNov2.reduce((sum, row) => sum + row.deliveries, 0)).toBe(n);
  });
});
