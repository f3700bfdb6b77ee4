import { describe, expect, it } from "vitest";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import { sql, testDb } from "@/tests/helpers/db.ts";
import { catalogueWhere, categoryTotals, getPublicNeed, searchNeeds } from "./queries.ts";
import { parseCatalogueParams } from "./schema.ts";

// Expected values are computed independently, with plain SQL, from the seeded data.
const countOf = async (where: string, params: unknown[] = []) =>
  Number(
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM need n JOIN program p ON p.id = n.program_id WHERE ${where}`, params))[0]!.n,
  );
const PUBLIC = `n.status IN ('OPEN','FULFILLED','CLOSED')`;

describe("needs catalogue", () => {
  it("lists every public need and no drafts", async () => {
    const page = await searchNeeds({});
    const drafts = await countOf(`n.status = 'DRAFT'`);
    expect(drafts).toBeGreaterThan(0);
    expect(page.total).toBe(await countOf(PUBLIC));
    expect(page.needs).toHaveLength(20);
    expect(page.needs.every((need) => need.status !== "DRAFT")).toBe(true);
  });

  it("filters by category, kota, kecamatan, kelurahan and status", async () => {
    const [kel] = await sql<{ code: string }>(
      `SELECT kelurahan_code AS code FROM need n WHERE ${PUBLIC} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const kelurahan = kel!.code;
    const kecamatan = kelurahan.slice(0, 8);
    const kota = kelurahan.slice(0, 5);

    expect((await searchNeeds({ category: "PANGAN" })).total).toBe(await countOf(`${PUBLIC} AND p.category = 'PANGAN'`));
    expect((await searchNeeds({ kota })).total).toBe(await countOf(`${PUBLIC} AND n.kota_code = $1`, [kota]));
    expect((await searchNeeds({ kecamatan })).total).toBe(await countOf(`${PUBLIC} AND n.kecamatan_code = $1`, [kecamatan]));
    const byKelurahan = await searchNeeds({ kelurahan });
    expect(byKelurahan.total).toBeGreaterThan(0);
    expect(byKelurahan.total).toBe(await countOf(`${PUBLIC} AND n.kelurahan_code = $1`, [kelurahan]));
    expect(byKelurahan.needs.every((need) => need.kelurahan.code === kelurahan)).toBe(true);
    expect((await searchNeeds({ status: "FULFILLED" })).total).toBe(await countOf(`n.status = 'FULFILLED'`));
    expect((await searchNeeds({ status: "FULFILLED" })).total).toBeGreaterThan(0);
  });

  it("answers every filter combination in the seed without error and consistently", async () => {
    const combos = await sql<{ category: "PANGAN"; kota: string; kecamatan: string; kelurahan: string; status: "OPEN"; n: number }>(
      `SELECT p.category::text AS category, n.kota_code AS kota, n.kecamatan_code AS kecamatan, n.kelurahan_code AS kelurahan,
              n.status::text AS status, count(*)::int AS n
         FROM need n JOIN program p ON p.id = n.program_id
        WHERE ${PUBLIC} AND NOT (n.status = 'OPEN' AND n.deadline < $1::date) GROUP BY 1, 2, 3, 4, 5`,
      [jakartaToday()],
    );
    expect(combos.length).toBeGreaterThan(250);
    for (const combo of combos) {
      const { category, kota, kecamatan, kelurahan, status } = combo;
      const result = await searchNeeds({ category, kota, kecamatan, kelurahan, status });
      expect(result.total, JSON.stringify(combo)).toBe(combo.n);
    }
  });

  it("lists as open only the open needs whose deadline has not passed", async () => {
    // Two open needs of one kelurahan: one closes today (still open), one closed yesterday.
    const [a, b] = await sql<{ id: string; kelurahan: string }>(
      `SELECT n.id, n.kelurahan_code AS kelurahan FROM need n
        WHERE n.status = 'OPEN' AND n.kelurahan_code = (SELECT kelurahan_code FROM need WHERE status = 'OPEN'
                                                         GROUP BY 1 HAVING count(*) >= 2 ORDER BY 1 LIMIT 1)
        ORDER BY n.id LIMIT 2`,
    );
    const today = jakartaToday();
    const yesterday = isoDate(addDays(dateOnly(today), -1));
    await sql(`UPDATE need SET deadline = $2::date WHERE id = $1`, [a!.id, today]);
    await sql(`UPDATE need SET deadline = $2::date WHERE id = $1`, [b!.id, yesterday]);
    const open = await searchNeeds({ kelurahan: a!.kelurahan, status: "OPEN" }, 1000);
    expect(open.needs.map((need) => need.id)).toContain(a!.id);
    expect(open.needs.map((need) => need.id)).not.toContain(b!.id);
    expect(open.total).toBe(await testDb().prisma.need.count({ where: catalogueWhere({ kelurahan: a!.kelurahan, status: "OPEN" }) }));
    // Without the status filter the past one is still public, as its page is.
    expect((await searchNeeds({ kelurahan: a!.kelurahan }, 1000)).needs.map((need) => need.id)).toContain(b!.id);
  });

  it("searches item and kelurahan names, case-insensitively", async () => {
    const expected = await countOf(`${PUBLIC} AND n.item ILIKE '%tablet%'`);
    expect(expected).toBeGreaterThan(0);
    const result = await searchNeeds({ q: "TABLET" });
    expect(result.total).toBeGreaterThanOrEqual(expected);
    expect(result.needs.every((need) => /tablet/i.test(need.item) || /tablet/i.test(need.kelurahan.name))).toBe(true);

    const [kel] = await sql<{ name: string; code: string }>(
      `SELECT r.name, r.code FROM region r JOIN need n ON n.kelurahan_code = r.code WHERE ${PUBLIC} ORDER BY r.code LIMIT 1`,
    );
    const byName = await searchNeeds({ q: kel!.name.toLowerCase() });
    expect(byName.needs.some((need) => need.kelurahan.code === kel!.code)).toBe(true);
  });

  it("paginates on the server without overlap or gaps", async () => {
    const first = await searchNeeds({ category: "PENDIDIKAN", page: 1 }, 7);
    const second = await searchNeeds({ category: "PENDIDIKAN", page: 2 }, 7);
    expect(first.pageCount).toBe(Math.ceil(first.total / 7));
    const ids = new Set([...first.needs, ...second.needs].map((need) => need.id));
    expect(ids.size).toBe(14);
    const all = await searchNeeds({ category: "PENDIDIKAN" }, 1000);
    expect(all.needs.slice(0, 14).map((need) => need.id)).toEqual([...first.needs, ...second.needs].map((need) => need.id));
    const beyond = await searchNeeds({ category: "PENDIDIKAN", page: first.pageCount + 1 }, 7);
    expect(beyond.needs).toEqual([]);
  });

  it("orders as each sort says, and counts as the Prisma filter does", async () => {
    const filters = { category: "PANGAN" as const, q: "a" };
    const expected = await testDb().prisma.need.findMany({
      where: catalogueWhere(filters),
      orderBy: [{ deadline: "asc" }, { priority: "desc" }, { id: "asc" }],
      select: { id: true },
      take: 20,
    });
    const result = await searchNeeds({ ...filters, sort: "deadline" });
    expect(result.total).toBe(await testDb().prisma.need.count({ where: catalogueWhere(filters) }));
    expect(result.total).toBeGreaterThan(20);
    expect(result.needs.map((need) => need.id)).toEqual(expected.map((need) => need.id));
    const newest = await searchNeeds({ ...filters, sort: "newest" });
    const newestExpected = await testDb().prisma.need.findMany({
      where: catalogueWhere(filters),
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true },
      take: 20,
    });
    expect(newest.needs.map((need) => need.id)).toEqual(newestExpected.map((need) => need.id));
    // Dates are calendar dates at midnight UTC, as Prisma gives them.
    expect(result.needs[0]!.deadline.toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it("gives an empty result for a well-formed but unknown kelurahan", async () => {
    const result = await searchNeeds({ kelurahan: "31.71.01.9999" });
    expect(result.total).toBe(0);
    expect(result.needs).toEqual([]);
  });

  it("ignores, and reports, malformed parameters instead of failing", async () => {
    const parsed = parseCatalogueParams({
      page: "-1",
      kelurahan: "<script>",
      q: "x".repeat(10_000),
      category: "PERSAMPAHAN",
      status: "DRAFT",
    });
    expect(parsed.rejected.sort()).toEqual(["category", "kelurahan", "page", "q", "status"]);
    expect(parsed.filters).toEqual({});
    const result = await searchNeeds(parsed.filters);
    expect(result.total).toBe(await countOf(PUBLIC));
  });
});

describe("need detail", () => {
  it("returns the region path and funnel, and hides drafts", async () => {
    const [row] = await sql<{ id: string }>(
      `SELECT id FROM need WHERE status = 'OPEN' AND pledged_quantity > 0 AND delivered_quantity > 0 ORDER BY id LIMIT 1`,
    );
    const need = await getPublicNeed(row!.id);
    expect(need).not.toBeNull();
    expect(need!.kelurahan.code.startsWith(`${need!.kecamatan.code}.`)).toBe(true);
    expect(need!.kecamatan.code.startsWith(`${need!.kota.code}.`)).toBe(true);
    expect(need!.deliveredQuantity).toBeLessThanOrEqual(need!.pledgedQuantity);
    expect(need!.pledgesByStatus.reduce((sum, s) => sum + s.count, 0)).toBeGreaterThan(0);

    const [draft] = await sql<{ id: string }>(`SELECT id FROM need WHERE status = 'DRAFT' LIMIT 1`);
    expect(await getPublicNeed(draft!.id)).toBeNull();
    expect(await getPublicNeed("does-not-exist")).toBeNull();
  });

  it("names the program's owner only when it is verified and agreed to be shown", async () => {
    const [row] = await sql<{ id: string; owner: string; name: string }>(
      `SELECT n.id, p.owner_organisation_id AS owner, o.name FROM need n JOIN program p ON p.id = n.program_id JOIN organisation o ON o.id = p.owner_organisation_id
       WHERE n.status = 'OPEN' ORDER BY n.id LIMIT 1`,
    );
    expect((await getPublicNeed(row!.id))!.program.ownerName).toBe(row!.name);
    await sql(`UPDATE organisation SET show_publicly = false WHERE id = $1`, [row!.owner]);
    const hidden = await getPublicNeed(row!.id);
    expect(hidden!.program.ownerName).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain(row!.name);
  });
});

describe("home totals", () => {
  it("sums target, pledged and delivered per category and unit", async () => {
    const totals = await categoryTotals();
    const [expected] = await sql<{ target: number; pledged: number; delivered: number }>(
      `SELECT sum(target_quantity)::int AS target, sum(pledged_quantity)::int AS pledged, sum(delivered_quantity)::int AS delivered
         FROM need n JOIN program p ON p.id = n.program_id WHERE p.category = 'PANGAN' AND n.status IN ('OPEN','FULFILLED')`,
    );
    const pangan = totals.filter((row) => row.category === "PANGAN");
    expect(pangan.reduce((sum, row) => sum + row.target, 0)).toBe(expected!.target);
    expect(pangan.reduce((sum, row) => sum + row.pledged, 0)).toBe(expected!.pledged);
    expect(pangan.reduce((sum, row) => sum + row.delivered, 0)).toBe(expected!.delivered);
    expect(new Set(totals.map((row) => row.category))).toEqual(new Set(["PANGAN", "UMKM", "PENDIDIKAN", "PERMUKIMAN"]));
  });
});

describe("search text is data, not a pattern", () => {
  it("treats % and _ literally", async () => {
    expect((await searchNeeds({ q: "%" })).total).toBe(
      await countOf(`${PUBLIC} AND (n.item LIKE '%\\%%' OR coalesce(n.description, '') LIKE '%\\%%')`),
    );
    expect((await searchNeeds({ q: "_" })).total).toBe(0);
    expect((await searchNeeds({ q: "\\" })).total).toBe(0);
    expect((await searchNeeds({ q: "tab_et" })).total).toBe(0);
  });
});

describe("needs of a draft program", () => {
  it("are not public: not in the catalogue, the need page, the home totals or the coverage figures", async () => {
    const [need] = await sql<{ id: string; program_id: string; kelurahan_code: string }>(
      `SELECT id, program_id, kelurahan_code FROM need WHERE status = 'OPEN' ORDER BY id LIMIT 1`,
    );
    const before = { total: (await searchNeeds({})).total, page: await getPublicNeed(need!.id), totals: await categoryTotals() };
    expect(before.page).not.toBeNull();
    await testDb().exec(`UPDATE program SET status = 'DRAFT' WHERE id = '${need!.program_id}'`);
    const inProgram = (
      await sql<{ n: number }>(`SELECT count(*)::int AS n FROM need WHERE program_id = $1 AND status IN ('OPEN','FULFILLED','CLOSED')`, [
        need!.program_id,
      ])
    )[0]!.n;
    expect(inProgram).toBeGreaterThan(0);
    expect((await searchNeeds({})).total).toBe(before.total - inProgram);
    expect(await getPublicNeed(need!.id)).toBeNull();
    const { coverageByRegion } = await import("@/lib/coverage/queries.ts");
    const row = (await coverageByRegion("KELURAHAN")).find((r) => r.code === need!.kelurahan_code)!;
    const [{ n: expected }] = (await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM need n JOIN program p ON p.id = n.program_id
        WHERE n.kelurahan_code = $1 AND n.status IN ('OPEN','FULFILLED') AND p.status <> 'DRAFT'`,
      [need!.kelurahan_code],
    )) as [{ n: number }];
    expect(row.needs).toBe(expected);
    const sum = (rows: Awaited<ReturnType<typeof categoryTotals>>) => rows.reduce((total, r) => total + r.needs, 0);
    expect(sum(await categoryTotals())).toBeLessThan(sum(before.totals));
  });
});
