import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/(staff)/staf/kebutuhan/impor/template.csv/route.ts";
import { db } from "@/lib/db/index.ts";
import { checkImport } from "@/lib/needs/import.ts";
import { importContext } from "@/lib/needs/service.ts";
import { actAs, userIdByEmail } from "@/tests/helpers/session.ts";

// The import template: only for city staff, and a file the import accepts as it is.

const ids: Record<string, string> = {};
const get = (query = "") => GET(new Request(`http://localhost/staf/kebutuhan/impor/template.csv${query}`));

beforeAll(async () => {
  ids.staff = await userIdByEmail("staf@ksbb.test");
  ids.donor = await userIdByEmail("donor@ksbb.test");
  ids.aggregator = await userIdByEmail("agregator@ksbb.test");
  // The template's deadline must fall inside the program, whenever the test runs.
  await db.program.updateMany({ where: { status: "OPEN" }, data: { endsOn: new Date(Date.now() + 400 * 86_400_000) } });
});

describe("the CSV template", () => {
  it("answers a guest 401 and anyone but staff 404", async () => {
    actAs(null);
    expect((await get()).status).toBe(401);
    for (const who of [ids.donor!, ids.aggregator!]) {
      actAs(who);
      const response = await get();
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("kode_kelurahan");
    }
  });

  it.each([
    ["prg_00001", "FOOD_PACKAGE"],
    ["prg_00003", "DEVICE"],
  ])("for program %s: a header and two example rows the import accepts against the real regions", async (programId, unit) => {
    actAs(ids.staff!);
    const response = await get(`?program=${programId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const program = await db.program.findUniqueOrThrow({
      where: { id: programId },
      select: { id: true, category: true, status: true, endsOn: true },
    });
    const result = checkImport(bytes, await importContext(program));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.ok && result.rows.map((row) => [row.kelurahanCode, row.kotaCode, row.unit])).toEqual([
      ["31.71.01.1001", "31.71", unit],
      ["31.74.01.1001", "31.74", expect.any(String)],
    ]);
  });
});
