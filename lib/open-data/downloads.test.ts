import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as needsCsv } from "@/app/(public)/data/kebutuhan.csv/route.ts";
import { GET as needsJson } from "@/app/(public)/data/kebutuhan.json/route.ts";
import { GET as deliveriesCsv } from "@/app/(public)/data/penyaluran.csv/route.ts";
import { GET as deliveriesJson } from "@/app/(public)/data/penyaluran.json/route.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { sql, testDb } from "@/tests/helpers/db.ts";
import { DELIVERY_COLUMNS, NEED_COLUMNS } from "./datasets.ts";
import { publicNeedBatches } from "./queries.ts";

// The downloads, called as a browser would (a plain GET, no session). Expected rows are
// read straight from the tables with SQL, and the delivery figures are summed here in
// TypeScript from raw need and pledge rows, so a wrong filter or join in the code shows.

const url = (path: string) => new Request(`http://localhost${path}`);

interface ExpectedNeed {
  id: string;
  program: string;
  category: string;
  item: string;
  unit: string;
  target_quantity: number;
  pledged_quantity: number;
  delivered_quantity: number;
  community_confirmed_quantity: number;
  beneficiary_count: number;
  beneficiary_kind: string;
  priority: string;
  status: string;
  deadline: string;
  kota_code: string;
  kota_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  kelurahan_code: string;
  kelurahan_name: string;
  rw: number | null;
}

async function publicNeedsFromSql(): Promise<ExpectedNeed[]> {
  return sql<ExpectedNeed>(`
    SELECT n.id, p.slug AS program, p.category::text AS category, n.item, n.unit::text AS unit, n.target_quantity, n.pledged_quantity,
           n.delivered_quantity,
           coalesce((SELECT sum(cc.quantity_received) FROM community_confirmation cc JOIN delivery_update d ON d.id = cc.delivery_update_id
                     JOIN pledge pl ON pl.id = d.pledge_id WHERE pl.need_id = n.id AND cc.confirmed_at IS NOT NULL), 0)::int AS community_confirmed_quantity,
           n.beneficiary_count, n.beneficiary_kind::text AS beneficiary_kind, n.priority::text AS priority,
           n.status::text AS status, to_char(n.deadline, 'YYYY-MM-DD') AS deadline,
           k.code AS kota_code, k.name AS kota_name, c.code AS kecamatan_code, c.name AS kecamatan_name, l.code AS kelurahan_code, l.name AS kelurahan_name, n.rw
    FROM need n JOIN program p ON p.id = n.program_id
    JOIN region k ON k.code = n.kota_code JOIN region c ON c.code = n.kecamatan_code JOIN region l ON l.code = n.kelurahan_code
    WHERE n.status IN ('OPEN', 'FULFILLED', 'CLOSED') ORDER BY n.id`);
}

const csvRecords = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

beforeAll(async () => {
  // The seed has no closed needs: close some with pledges and deliveries, so including them is checked.
  await testDb().exec(`UPDATE need SET status = 'CLOSED' WHERE id IN (
    SELECT id FROM need WHERE status = 'OPEN' AND delivered_quantity > 0 ORDER BY id LIMIT 8)`);
  await testDb().exec(
    `UPDATE need SET item = '=HYPERLINK("http://x.invalid","klik"), sembako' WHERE id = (SELECT min(id) FROM need WHERE status = 'OPEN')`,
  );
});

describe("needs download", () => {
  it("has one CSV row per public need, with the values of the database, and never a draft", async () => {
    const response = await needsCsv(url("/data/kebutuhan.csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="ksbb-kebutuhan-${jakartaToday()}.csv"`);
    expect(response.headers.get("cache-control")).toMatch(/^public, .*s-maxage=\d+/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const text = await response.text();
    const records = csvRecords(text);
    const expected = await publicNeedsFromSql();
    const drafts = await sql<{ id: string }>(`SELECT id FROM need WHERE status = 'DRAFT'`);
    expect(drafts.length).toBeGreaterThan(0);
    expect(expected.some((need) => need.status === "CLOSED")).toBe(true);

    expect(Object.keys(records[0]!)).toEqual(NEED_COLUMNS.map((c) => c.name));
    expect(records).toHaveLength(expected.length);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(expected.map((n) => n.id)));
    const draftIds = new Set(drafts.map((d) => d.id));
    expect(records.filter((r) => draftIds.has(r.id!))).toEqual([]);
    expect(records.filter((r) => !["OPEN", "FULFILLED", "CLOSED"].includes(r.status!))).toEqual([]);

    const byId = new Map(records.map((r) => [r.id, r]));
    const sample = expected.filter((_, index) => index % 17 === 0);
    expect(sample.length).toBeGreaterThan(20);
    for (const need of sample) {
      const row = byId.get(need.id)!;
      const asCsv = Object.fromEntries(Object.entries(need).map(([key, value]) => [key, value === null ? "" : String(value)]));
      if (asCsv.item!.startsWith("=")) asCsv.item = `'${asCsv.item}`;
      expect(row, need.id).toEqual(asCsv);
    }
  });

  it("neutralises a formula in CSV but keeps the raw text in JSON", async () => {
    const [need] = await sql<{ id: string; item: string }>(`SELECT id, item FROM need WHERE item LIKE '=%'`);
    const csv = csvRecords(await (await needsCsv(url("/data/kebutuhan.csv"))).text());
    expect(csv.find((r) => r.id === need!.id)!.item).toBe(`'${need!.item}`);
    const json = (await (await needsJson(url("/data/kebutuhan.json"))).json()) as { data: { id: string; item: string }[] };
    expect(json.data.find((r) => r.id === need!.id)!.item).toBe(need!.item);
  });

  it("puts the HXL hashtag row second only with ?hxl=1", async () => {
    const plain = (await (await needsCsv(url("/data/kebutuhan.csv"))).text()).split("\r\n");
    const tagged = await needsCsv(url("/data/kebutuhan.csv?hxl=1"));
    expect(tagged.headers.get("content-disposition")).toContain(`ksbb-kebutuhan-hxl-${jakartaToday()}.csv`);
    const lines = (await tagged.text()).split("\r\n");
    expect(lines[0]).toBe(plain[0]);
    expect(lines[1]).toBe(NEED_COLUMNS.map((c) => c.hxl ?? "").join(","));
    expect(lines[1]).toMatch(/^#meta\+id,#activity\+code,#sector\+code,/);
    expect(lines.slice(2)).toEqual(plain.slice(1));
    expect(plain[1]).not.toMatch(/#/);
    expect(plain[1]).toMatch(/^[a-z0-9_]+,ksbb-/);
  });

  it("gives the same rows as JSON, with numbers as numbers and the licence", async () => {
    const response = await needsJson(url("/data/kebutuhan.json"));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="ksbb-kebutuhan-${jakartaToday()}.json"`);
    const body = (await response.json()) as {
      dataset: string;
      licence: { id: string };
      attribution: string;
      data: Record<string, unknown>[];
    };
    expect(body.dataset).toBe("kebutuhan");
    expect(body.licence.id).toBe("CC-BY-4.0");
    expect(body.attribution).toContain("Cahya DSN");
    expect(body.data).toEqual(await publicNeedsFromSql());
  });

  it("streams the needs in batches that together hold every public need once", async () => {
    const ids: string[] = [];
    let batches = 0;
    for await (const batch of publicNeedBatches(7)) {
      expect(batch.length).toBeLessThanOrEqual(7);
      ids.push(...batch.map((row) => row.id as string));
      batches++;
    }
    const expected = (await publicNeedsFromSql()).map((need) => need.id);
    expect(ids).toEqual(expected);
    expect(batches).toBe(Math.ceil(expected.length / 7));
  }, 120_000);

  it("refuses unknown or bad parameters with a 400 in JSON", async () => {
    for (const path of [
      "/data/kebutuhan.csv?hxl=2",
      "/data/kebutuhan.csv?format=xlsx",
      "/data/kebutuhan.json?hxl=1",
      "/data/penyaluran.csv?hxl=1&hxl=1",
    ]) {
      const response = await (path.includes(".json") ? needsJson : needsCsv)(url(path));
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_parameters");
      expect(body.error.message).not.toBe("");
    }
  });
});

interface NeedRow {
  id: string;
  status: string;
  category: string;
  community_confirmed_quantity: number;
  unit: string;
  kelurahan_code: string;
  target_quantity: number;
  pledged_quantity: number;
  delivered_quantity: number;
}
interface PledgeRow {
  need_id: string;
  status: string;
  quantity: number;
  delivered_quantity: number;
}
const APPROVED = new Set(["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"]);

describe("deliveries per kelurahan download", () => {
  async function expectedDeliveries() {
    const needs =
      await sql<NeedRow>(`SELECT n.id, n.status::text AS status, p.category::text AS category, n.unit::text AS unit, n.kelurahan_code,
      n.target_quantity, n.pledged_quantity, n.delivered_quantity,
      COALESCE((SELECT sum(cc.quantity_received) FROM community_confirmation cc JOIN delivery_update d ON d.id = cc.delivery_update_id
                 JOIN pledge pl ON pl.id = d.pledge_id WHERE pl.need_id = n.id AND cc.confirmed_at IS NOT NULL), 0)::int AS community_confirmed_quantity
      FROM need n JOIN program p ON p.id = n.program_id`);
    const pledges = await sql<PledgeRow>(`SELECT need_id, status::text AS status, quantity, delivered_quantity FROM pledge`);
    const byNeed = new Map<string, PledgeRow[]>();
    for (const pledge of pledges) byNeed.set(pledge.need_id, [...(byNeed.get(pledge.need_id) ?? []), pledge]);
    const groups = new Map<
      string,
      { needs: number; target: number; pledged: number; approved: number; delivered: number; confirmed: number; community: number }
    >();
    for (const need of needs.filter((n) => n.status !== "DRAFT")) {
      const key = `${need.kelurahan_code}|${need.category}|${need.unit}`;
      const group = groups.get(key) ?? { needs: 0, target: 0, pledged: 0, approved: 0, delivered: 0, confirmed: 0, community: 0 };
      group.needs += 1;
      group.target += need.target_quantity;
      group.pledged += need.pledged_quantity;
      group.delivered += need.delivered_quantity;
      group.community += need.community_confirmed_quantity;
      for (const pledge of byNeed.get(need.id) ?? []) {
        if (APPROVED.has(pledge.status)) group.approved += pledge.quantity;
        if (pledge.status === "CONFIRMED") group.confirmed += pledge.delivered_quantity;
      }
      groups.set(key, group);
    }
    return groups;
  }

  it("sums target, pledged, approved, delivered and confirmed per kelurahan, category and unit, closed needs included", async () => {
    const expected = await expectedDeliveries();
    const response = await deliveriesCsv(url("/data/penyaluran.csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="ksbb-penyaluran-${jakartaToday()}.csv"`);
    const records = csvRecords(await response.text());
    expect(Object.keys(records[0]!)).toEqual(DELIVERY_COLUMNS.map((c) => c.name));
    expect(records).toHaveLength(expected.size);
    const names = new Map((await sql<{ code: string; name: string }>(`SELECT code, name FROM region`)).map((r) => [r.code, r.name]));
    for (const row of records) {
      const group = expected.get(`${row.kelurahan_code}|${row.category}|${row.unit}`);
      expect(group, JSON.stringify(row)).toBeDefined();
      expect({
        needs: Number(row.needs),
        target: Number(row.target_quantity),
        pledged: Number(row.pledged_quantity),
        approved: Number(row.approved_quantity),
        delivered: Number(row.delivered_quantity),
        confirmed: Number(row.confirmed_quantity),
        community: Number(row.community_confirmed_quantity),
      }).toEqual(group);
      expect(row.kecamatan_code).toBe(row.kelurahan_code!.slice(0, 8));
      expect(row.kota_code).toBe(row.kelurahan_code!.slice(0, 5));
      expect([row.kota_name, row.kecamatan_name, row.kelurahan_name]).toEqual([
        names.get(row.kota_code!),
        names.get(row.kecamatan_code!),
        names.get(row.kelurahan_code!),
      ]);
    }
    // The columns that can be zero are not all zero: the seed exercises them.
    expect(records.some((r) => Number(r.confirmed_quantity) > 0)).toBe(true);
    expect(records.some((r) => Number(r.community_confirmed_quantity) > 0)).toBe(true);
    expect(records.some((r) => Number(r.approved_quantity) > Number(r.confirmed_quantity))).toBe(true);
    // Delivered aid of the closed needs is in the totals.
    const closedDelivered = (await sql<{ d: number }>(`SELECT sum(delivered_quantity)::int AS d FROM need WHERE status = 'CLOSED'`))[0]!.d;
    const liveDelivered = (
      await sql<{ d: number }>(`SELECT sum(delivered_quantity)::int AS d FROM need WHERE status IN ('OPEN', 'FULFILLED')`)
    )[0]!.d;
    expect(closedDelivered).toBeGreaterThan(0);
    expect(records.reduce((sum, r) => sum + Number(r.delivered_quantity), 0)).toBe(liveDelivered + closedDelivered);
  });

  it("gives the same figures as JSON, and HXL tags on request", async () => {
    const csv = csvRecords(await (await deliveriesCsv(url("/data/penyaluran.csv"))).text());
    const json = (await (await deliveriesJson(url("/data/penyaluran.json"))).json()) as { data: Record<string, unknown>[] };
    expect(json.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])))).toEqual(csv);
    const lines = (await (await deliveriesCsv(url("/data/penyaluran.csv?hxl=1"))).text()).split("\r\n");
    expect(lines[1]).toBe(
      "#adm2+code,#adm2+name,#adm3+code,#adm3+name,#adm4+code,#adm4+name,#sector+code,#indicator+unit,#indicator+num+needs,#indicator+num+target,#indicator+num+pledged,#indicator+num+approved,#indicator+num+delivered,#indicator+num+confirmed,#indicator+num+confirmed+community",
    );
  });
});

describe("downloads hold no personal data", () => {
  it("contain no e-mail address, no user's name and no hidden donor's name", async () => {
    const people = await sql<{ name: string }>(
      `SELECT name FROM app_user UNION SELECT name FROM organisation WHERE NOT (verification_status = 'VERIFIED' AND show_publicly)`,
    );
    expect(people.length).toBeGreaterThan(5);
    for (const [handler, path] of [
      [needsCsv, "/data/kebutuhan.csv"],
      [needsJson, "/data/kebutuhan.json"],
      [deliveriesCsv, "/data/penyaluran.csv"],
      [deliveriesJson, "/data/penyaluran.json"],
    ] as const) {
      const text = await (await handler(url(path))).text();
      expect(text, path).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      for (const person of people) expect(text.includes(person.name), `${path} names ${person.name}`).toBe(false);
    }
  });
});
