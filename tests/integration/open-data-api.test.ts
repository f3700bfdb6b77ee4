import { beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route.ts";
import * as coverage from "@/app/api/v1/coverage/route.ts";
import * as needs from "@/app/api/v1/needs/route.ts";
import * as programs from "@/app/api/v1/programs/route.ts";
import * as regions from "@/app/api/v1/regions/route.ts";
import * as index from "@/app/api/v1/route.ts";
import { ENDPOINT_PARAMS } from "@/lib/api/endpoints.ts";
import { encodeCursor } from "@/lib/api/cursor.ts";
import { coverageByRegion } from "@/lib/coverage/queries.ts";
import { sql, testDb } from "@/tests/helpers/db.ts";

// The /api/v1 route handlers called directly with a Request, as Next.js calls them.
// Expected sets come from SQL on the tables, not from the code under test.

type Handler = (request: Request) => Promise<Response>;
const ROUTES: Record<string, Handler> = { needs: needs.GET, programs: programs.GET, regions: regions.GET, coverage: coverage.GET };
// Walking 60 pages takes a while on a busy two-core machine: the long tests get 120 s.

function call(path: string, init: RequestInit = {}) {
  const endpoint = path.split("?")[0]!.replace(/^\/api\/v1\/?/, "");
  const handler = endpoint === "" ? index.GET : (ROUTES[endpoint] ?? catchAll.GET);
  return handler(new Request(`http://localhost${path}`, init));
}

interface Page<T> {
  data: T[];
  next_cursor: string | null;
  links: { self: string; next: string | null };
}
interface ApiErrorBody {
  error: { code: string; message: string; details: { parameter: string; problem: string; message: string }[] };
}

/** Follows links.next from the first page to the last. */
async function walk<T>(path: string, onPage?: (page: number) => Promise<void>): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let next: string | null = path;
  let pages = 0;
  while (next) {
    const response = await call(next);
    expect(response.status, next).toBe(200);
    const body = (await response.json()) as Page<T>;
    rows.push(...body.data);
    expect(body.next_cursor === null).toBe(body.links.next === null);
    next = body.links.next;
    pages++;
    await onPage?.(pages);
    expect(pages).toBeLessThan(1000);
  }
  return { rows, pages };
}

const publicNeedIds = async (where = "TRUE", params: unknown[] = []) =>
  (
    await sql<{ id: string }>(
      `SELECT n.id FROM need n JOIN program p ON p.id = n.program_id WHERE n.status IN ('OPEN', 'FULFILLED', 'CLOSED') AND ${where} ORDER BY n.id`,
      params,
    )
  ).map((r) => r.id);

let draftProgramSlug = "";

beforeAll(async () => {
  await testDb().exec(`UPDATE need SET status = 'CLOSED' WHERE id IN (SELECT id FROM need WHERE status = 'OPEN' ORDER BY id DESC LIMIT 5)`);
  // A draft program with an owner that is not public, to check neither leaks.
  const [office] = await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'CITY_OFFICE' ORDER BY id LIMIT 1`);
  draftProgramSlug = "ksbb-rahasia-draf";
  await sql(
    `INSERT INTO program (id, slug, category, name_id, name_en, description_id, description_en, starts_on, ends_on, status, owner_organisation_id, updated_at)
    VALUES ('prog_draft', $1, 'PANGAN', 'Program Draf Rahasia', 'Secret draft', 'x', 'x', '2026-01-01', '2026-12-31', 'DRAFT', $2, now())`,
    [draftProgramSlug, office!.id],
  );
});

describe("needs pagination", () => {
  it("visits every public need exactly once with a small page size", async () => {
    const { rows, pages } = await walk<{ id: string; status: string }>("/api/v1/needs?limit=7");
    const ids = rows.map((row) => row.id);
    const expected = await publicNeedIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(rows.some((row) => row.status === "CLOSED")).toBe(true);
  }, 120_000);

  it("visits every need of a filter exactly once", async () => {
    const { rows } = await walk<{ id: string; kota_code: string; category: string; status: string }>(
      "/api/v1/needs?limit=7&kota=31.71&category=pangan&status=OPEN",
    );
    const expected = await publicNeedIds(`n.kota_code = '31.71' AND p.category = 'PANGAN' AND n.status = 'OPEN'`);
    expect(expected.length).toBeGreaterThan(7);
    expect(rows.map((row) => row.id)).toEqual(expected);
    const [kelurahan] = await sql<{ code: string }>(
      `SELECT kelurahan_code AS code FROM need WHERE status = 'OPEN' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const byKelurahan = await walk<{ id: string }>(`/api/v1/needs?limit=2&kelurahan=${kelurahan!.code}`);
    expect(byKelurahan.rows.map((r) => r.id)).toEqual(await publicNeedIds(`n.kelurahan_code = $1`, [kelurahan!.code]));
    const byProgram = await walk<{ id: string }>("/api/v1/needs?limit=50&program=ksbb-umkm-2026");
    expect(byProgram.rows.map((r) => r.id)).toEqual(await publicNeedIds(`p.slug = 'ksbb-umkm-2026'`));
  });

  it("still sends each need once when needs are added during the walk", async () => {
    const [template] = await sql<Record<string, unknown>>(`SELECT * FROM need WHERE status = 'OPEN' ORDER BY id LIMIT 1`);
    const before = await publicNeedIds();
    const added: string[] = [];
    const { rows } = await walk<{ id: string }>("/api/v1/needs?limit=25", async (page) => {
      if (page !== 3) return;
      // One need sorting before the cursor (already passed) and one after it.
      for (const id of ["aaaa_added_early", "zzzz_added_late"]) {
        await sql(
          `INSERT INTO need (id, program_id, kota_code, kecamatan_code, kelurahan_code, item, unit, target_quantity, beneficiary_count, beneficiary_kind, priority, deadline, status, updated_at)
          VALUES ($1, $2, $3, $4, $5, 'Tambahan', $6, 10, 10, $7, 'LOW', '2027-01-01', 'OPEN', now())`,
          [
            id,
            template!.program_id,
            template!.kota_code,
            template!.kecamatan_code,
            template!.kelurahan_code,
            template!.unit,
            template!.beneficiary_kind,
          ],
        );
        added.push(id);
      }
    });
    const ids = rows.map((r) => r.id);
    expect(added).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !added.includes(id))).toEqual(before);
    expect(ids).toContain("zzzz_added_late");
    await sql(`DELETE FROM need WHERE id = ANY($1)`, [added]);
  }, 120_000);

  it("searches text literally (LIKE wildcards are escaped)", async () => {
    const all = (await (await call("/api/v1/needs?q=%25&limit=500")).json()) as Page<{ id: string }>;
    expect(all.data).toEqual([]);
    const [item] = await sql<{ item: string }>(`SELECT item FROM need WHERE status = 'OPEN' ORDER BY id LIMIT 1`);
    const found = (await (await call(`/api/v1/needs?q=${encodeURIComponent(item!.item)}&limit=500`)).json()) as Page<{ item: string }>;
    expect(found.data.length).toBeGreaterThan(0);
  });
});

describe("other lists", () => {
  it("programs never include drafts, and name an owner only when it is public", async () => {
    const { rows } = await walk<{ slug: string; status: string; owner_office: string | null }>("/api/v1/programs?limit=2");
    const expected = await sql<{ slug: string }>(`SELECT slug FROM program WHERE status <> 'DRAFT' ORDER BY slug`);
    expect(rows.map((r) => r.slug)).toEqual(expected.map((r) => r.slug));
    expect(rows.some((r) => r.status === "DRAFT" || r.slug === draftProgramSlug)).toBe(false);
    expect(rows.every((r) => typeof r.owner_office === "string")).toBe(true);
    await sql(
      `UPDATE organisation SET show_publicly = false WHERE id = (SELECT owner_organisation_id FROM program WHERE slug = 'ksbb-pangan-2026')`,
    );
    const hidden = (await (await call("/api/v1/programs?category=PANGAN")).json()) as Page<{ slug: string; owner_office: string | null }>;
    expect(hidden.data.find((p) => p.slug === "ksbb-pangan-2026")!.owner_office).toBeNull();
    await sql(
      `UPDATE organisation SET show_publicly = true WHERE id = (SELECT owner_organisation_id FROM program WHERE slug = 'ksbb-pangan-2026')`,
    );
    const planned = (await (await call("/api/v1/programs?status=planned")).json()) as Page<{ status: string }>;
    expect(planned.data.length).toBeGreaterThan(0);
    expect(planned.data.every((p) => p.status === "PLANNED")).toBe(true);
  });

  it("regions list all of Jakarta by level and parent", async () => {
    const { rows } = await walk<{ code: string; level: string; parent_code: string | null }>("/api/v1/regions?level=kelurahan&limit=100");
    expect(rows).toHaveLength(267);
    expect(rows.every((r) => r.level === "KELURAHAN" && r.code.startsWith(r.parent_code!))).toBe(true);
    const all = await walk<{ code: string }>("/api/v1/regions?limit=500");
    expect(all.rows).toHaveLength(1 + 6 + 44 + 267);
    const under = (await (await call("/api/v1/regions?parent=31.71")).json()) as Page<{ code: string; level: string }>;
    expect(under.data.length).toBeGreaterThan(0);
    expect(under.data.every((r) => r.level === "KECAMATAN" && r.code.startsWith("31.71."))).toBe(true);
  });

  it("coverage gives lib/coverage's figures per region, paged, and scoped by within", async () => {
    const kota = (await (await call("/api/v1/coverage?category=PANGAN")).json()) as Page<{
      code: string;
      needs: number;
      level: string;
      units: { pledged: number }[];
    }>;
    const reference = await coverageByRegion("KOTA", { category: "PANGAN" });
    expect(kota.data.map((r) => [r.code, r.needs, r.units])).toEqual(reference.map((r) => [r.code, r.needs, r.units]));
    expect(kota.data.every((r) => r.level === "KOTA")).toBe(true);
    const { rows, pages } = await walk<{ code: string }>("/api/v1/coverage?level=kelurahan&limit=50");
    expect(rows).toHaveLength(267);
    expect(new Set(rows.map((r) => r.code)).size).toBe(267);
    expect(pages).toBe(6);
    const within = (await (await call("/api/v1/coverage?level=KELURAHAN&within=31.71.01")).json()) as Page<{ code: string }>;
    expect(within.data.length).toBeGreaterThan(0);
    expect(within.data.every((r) => r.code.startsWith("31.71.01."))).toBe(true);
    const program = (await (await call("/api/v1/coverage?program=ksbb-umkm-2026")).json()) as Page<{ needs: number }>;
    const [{ n }] = (await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM need n JOIN program p ON p.id = n.program_id WHERE p.slug = 'ksbb-umkm-2026' AND n.status IN ('OPEN', 'FULFILLED')`,
    )) as [{ n: number }];
    expect(program.data.reduce((sum, r) => sum + r.needs, 0)).toBe(n);
  });

  it("the index lists every endpoint with the parameters it validates", async () => {
    const response = await call("/api/v1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      schema_version: string;
      licence: { id: string };
      endpoints: { path: string; parameters: { name: string; description: string }[] }[];
    };
    expect(body.schema_version).toBe("1.0");
    expect(body.licence.id).toBe("CC-BY-4.0");
    for (const [name, specs] of Object.entries(ENDPOINT_PARAMS)) {
      const endpoint = body.endpoints.find((e) => e.path === `/api/v1/${name}`)!;
      expect(endpoint.parameters.map((p) => p.name)).toEqual(Object.keys(specs));
      expect(endpoint.parameters.every((p) => p.description.length > 3)).toBe(true);
    }
    const english = (await (await call("/api/v1", { headers: { "Accept-Language": "en" } })).json()) as { name: string };
    expect(english.name).toBe("KSBB Jakarta open data API");
  });
});

describe("bad requests", () => {
  const needsCursor = encodeCursor("needs", "need_00001");
  const regionsCursor = encodeCursor("regions", "31.71");
  const junk = Buffer.from(JSON.stringify({ v: 1, l: "needs", k: "'; DROP TABLE need; --" })).toString("base64url");
  const BAD: [string, string, string][] = [
    ["/api/v1/needs?limit=0", "limit", "invalid_value"],
    ["/api/v1/needs?limit=10000", "limit", "invalid_value"],
    ["/api/v1/needs?limit=501", "limit", "invalid_value"],
    ["/api/v1/needs?limit=-1", "limit", "invalid_value"],
    ["/api/v1/needs?limit=1.5", "limit", "invalid_value"],
    ["/api/v1/needs?limit=1e2", "limit", "invalid_value"],
    ["/api/v1/needs?limit=99999999999999999999", "limit", "invalid_value"],
    ["/api/v1/needs?category=FOOD", "category", "invalid_value"],
    ["/api/v1/needs?status=DRAFT", "status", "invalid_value"],
    ["/api/v1/needs?kota=31.7", "kota", "invalid_value"],
    ["/api/v1/needs?kota=31.71.01", "kota", "invalid_value"],
    ["/api/v1/needs?kecamatan=abc", "kecamatan", "invalid_value"],
    ["/api/v1/needs?kelurahan=31.71.01.100", "kelurahan", "invalid_value"],
    ["/api/v1/needs?kelurahan=31.71.01.1001%00", "kelurahan", "invalid_value"],
    ["/api/v1/needs?q=%00", "q", "invalid_value"],
    [`/api/v1/needs?q=${"x".repeat(101)}`, "q", "invalid_value"],
    ["/api/v1/needs?program=Bad%20Slug!", "program", "invalid_value"],
    ["/api/v1/needs?program=does-not-exist", "program", "unknown_program"],
    ["/api/v1/needs?program=ksbb-rahasia-draf", "program", "unknown_program"],
    ["/api/v1/needs?cursor=garbage", "cursor", "invalid_cursor"],
    ["/api/v1/needs?cursor=%F0%9F%92%A9", "cursor", "invalid_cursor"],
    [`/api/v1/needs?cursor=${regionsCursor}`, "cursor", "invalid_cursor"],
    [`/api/v1/needs?cursor=${junk}`, "cursor", "invalid_cursor"],
    [`/api/v1/needs?cursor=${"A".repeat(5000)}`, "cursor", "invalid_cursor"],
    ["/api/v1/needs?category=PANGAN&category=UMKM", "category", "repeated_parameter"],
    ["/api/v1/needs?kategori=PANGAN", "kategori", "unknown_parameter"],
    ["/api/v1/needs?page=2", "page", "unknown_parameter"],
    ["/api/v1/needs?__proto__=1", "__proto__", "unknown_parameter"],
    ["/api/v1/programs?status=DRAFT", "status", "invalid_value"],
    [`/api/v1/programs?cursor=${needsCursor}`, "cursor", "invalid_cursor"],
    ["/api/v1/regions?level=DESA", "level", "invalid_value"],
    ["/api/v1/regions?parent=31.71.01.1001", "parent", "invalid_value"],
    ["/api/v1/regions?q=jakarta", "q", "unknown_parameter"],
    ["/api/v1/coverage?level=province", "level", "invalid_value"],
    ["/api/v1/coverage?level=KOTA&within=31.71", "within", "within_level"],
    ["/api/v1/coverage?level=kecamatan&within=31.71.01", "within", "within_level"],
    ["/api/v1/coverage?within=31.71.01.1001", "within", "invalid_value"],
    ["/api/v1/coverage?program=nope", "program", "unknown_program"],
    ["/api/v1?limit=5", "limit", "unknown_parameter"],
  ];

  for (const [path, parameter, problem] of BAD) {
    it(`${path.slice(0, 90)} → 400 naming ${parameter}`, async () => {
      const response = await call(path);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const body = (await response.json()) as ApiErrorBody;
      expect(body.error.code).toBe("invalid_parameters");
      expect(body.error.message).toContain("Parameter permintaan tidak valid");
      expect(body.error.details).toContainEqual(expect.objectContaining({ parameter: parameter.slice(0, 40), problem }));
      expect(body.error.details.every((d) => d.message.length > 5)).toBe(true);
    });
  }

  it("an empty value counts as not given", async () => {
    expect((await call("/api/v1/programs?category=")).status).toBe(200);
  });

  it("lists every problem of a request at once, and answers in English when asked", async () => {
    const response = await call("/api/v1/needs?limit=0&foo=1&category=X", { headers: { "Accept-Language": "en-GB,en;q=0.9,id;q=0.5" } });
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.details.map((d) => d.parameter).sort()).toEqual(["category", "foo", "limit"]);
    expect(body.error.message).toMatch(/^Invalid request parameters: limit, foo, category\./);
    expect(body.error.details.find((d) => d.parameter === "limit")!.message).toBe("invalid value; accepted: a whole number from 1 to 500");
    expect(response.headers.get("content-language")).toBe("en");
    const preferred = (await (
      await call("/api/v1/needs?limit=0", { headers: { "Accept-Language": "en;q=0.2, id;q=0.9" } })
    ).json()) as ApiErrorBody;
    expect(preferred.error.details[0]!.message).toBe("nilai tidak valid; yang diterima: bilangan bulat 1 sampai 500");
  });

  it("answers unknown addresses with a JSON 404 and other methods with a JSON 405", async () => {
    for (const path of ["/api/v1/nothing", "/api/v1/needs/extra", "/api/v1/v2"]) {
      const response = await catchAll.GET(new Request(`http://localhost${path}`));
      expect(response.status).toBe(404);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe("not_found");
    }
    expect((await catchAll.POST(new Request("http://localhost/api/v1/x", { method: "POST" }))).status).toBe(404);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await needs[method](new Request("http://localhost/api/v1/needs", { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(((await response.json()) as ApiErrorBody).error.message).toContain(method);
    }
    const preflight = await needs.OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("public data only", () => {
  it("no endpoint answers with an e-mail address, a user's name or a hidden organisation", async () => {
    const people = await sql<{ name: string }>(
      `SELECT name FROM app_user UNION SELECT name FROM organisation WHERE NOT (verification_status = 'VERIFIED' AND show_publicly)`,
    );
    const texts = [
      JSON.stringify((await walk("/api/v1/needs?limit=500")).rows),
      JSON.stringify((await walk("/api/v1/programs?limit=500")).rows),
      JSON.stringify((await walk("/api/v1/regions?limit=500")).rows),
      JSON.stringify((await walk("/api/v1/coverage?level=kelurahan&limit=500")).rows),
      await (await call("/api/v1")).text(),
    ];
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text).not.toContain("Program Draf Rahasia");
      for (const person of people) expect(text.includes(person.name), person.name).toBe(false);
    }
  }, 120_000);

  it("answers with CORS for any origin and shared caching", async () => {
    const response = await call("/api/v1/regions?level=KOTA", { headers: { Origin: "https://example.invalid" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+, s-maxage=\d+/);
  });
});
