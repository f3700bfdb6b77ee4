import { describe, expect, it } from "vitest";
import { sql } from "@/tests/helpers/db.ts";

// Issue 16: /kolaborator lists only verified organisations that chose to be public (never a
// city office), and their contributions are exactly their confirmed pledges. Expected
// figures are computed here from the tables, independently of lib/organisations/directory.ts.

const { collaboratorDirectory, collaborator, DIRECTORY_PAGE_SIZE } = await import("@/lib/organisations/directory.ts");

async function allListed(
  params: { kind?: "COMPANY" | "FOUNDATION" | "COMMUNITY_GROUP" | "INDIVIDUAL" | "AGGREGATOR"; program?: string; q?: string } = {},
) {
  const first = await collaboratorDirectory({ ...params, page: 1 });
  const pages = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => collaboratorDirectory({ ...params, page: i + 2 })));
  return { total: first.total, collaborators: [first, ...pages].flatMap((page) => page.collaborators) };
}

describe("collaborator directory", () => {
  it("lists exactly the verified, public organisations that are not city offices", async () => {
    const expected = await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE verification_status = 'VERIFIED' AND show_publicly AND kind <> 'CITY_OFFICE'`,
    );
    const hidden = await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE NOT (verification_status = 'VERIFIED' AND show_publicly AND kind <> 'CITY_OFFICE')`,
    );
    expect(hidden.length).toBeGreaterThan(0);
    const { total, collaborators } = await allListed();
    expect(total).toBe(expected.length);
    expect(collaborators.length).toBeLessThanOrEqual(Math.max(expected.length, DIRECTORY_PAGE_SIZE));
    expect(new Set(collaborators.map((c) => c.id))).toEqual(new Set(expected.map((row) => row.id)));
    for (const row of hidden.slice(0, 10)) expect(await collaborator(row.id)).toBeNull();
  });

  it("counts each organisation's confirmed pledges, as donor and as aggregator, per program and unit", async () => {
    const { collaborators } = await allListed();
    const donors = await sql<{ org: string; slug: string; unit: string; n: number; q: number }>(
      `SELECT pl.donor_organisation_id AS org, p.slug, n.unit::text AS unit, count(*)::int AS n, sum(pl.quantity)::int AS q
       FROM pledge pl JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
       WHERE pl.status = 'CONFIRMED' GROUP BY 1, 2, 3`,
    );
    const aggregators = await sql<{ org: string; slug: string; unit: string; n: number; q: number }>(
      `SELECT pl.aggregator_organisation_id AS org, p.slug, n.unit::text AS unit, count(*)::int AS n, sum(pl.quantity)::int AS q
       FROM pledge pl JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
       WHERE pl.status = 'CONFIRMED' AND pl.delivery_mode = 'AGGREGATOR' GROUP BY 1, 2, 3`,
    );
    let checked = 0;
    for (const listed of collaborators) {
      for (const c of listed.contributions) {
        const given = donors.find((row) => row.org === listed.id && row.slug === c.programSlug && row.unit === c.unit);
        const carried = aggregators.find((row) => row.org === listed.id && row.slug === c.programSlug && row.unit === c.unit);
        expect({ pledges: c.pledges, quantity: c.quantity, delivered: c.delivered, deliveredQuantity: c.deliveredQuantity }).toEqual({
          pledges: given?.n ?? 0,
          quantity: given?.q ?? 0,
          delivered: carried?.n ?? 0,
          deliveredQuantity: carried?.q ?? 0,
        });
        checked += 1;
      }
      const expectedRows =
        donors.filter((row) => row.org === listed.id).length +
        aggregators.filter(
          (row) => row.org === listed.id && !donors.some((d) => d.org === listed.id && d.slug === row.slug && d.unit === row.unit),
        ).length;
      expect(listed.contributions, listed.name).toHaveLength(expectedRows);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("filters by kind, program and name", async () => {
    const aggregators = await allListed({ kind: "AGGREGATOR" });
    expect(aggregators.collaborators.length).toBeGreaterThan(0);
    expect(aggregators.collaborators.every((c) => c.kind === "AGGREGATOR")).toBe(true);
    const [program] = await sql<{ slug: string }>(
      `SELECT p.slug FROM program p JOIN need n ON n.program_id = p.id JOIN pledge pl ON pl.need_id = n.id WHERE pl.status = 'CONFIRMED' LIMIT 1`,
    );
    const inProgram = await allListed({ program: program!.slug });
    expect(inProgram.collaborators.length).toBeGreaterThan(0);
    expect(inProgram.collaborators.every((c) => c.contributions.some((x) => x.programSlug === program!.slug))).toBe(true);
    const someone = aggregators.collaborators[0]!;
    const byName = await allListed({ q: someone.name.slice(0, 8).toLowerCase() });
    expect(byName.collaborators.map((c) => c.id)).toContain(someone.id);
    expect((await allListed({ q: "%" })).total).toBe(0);
  });
});
