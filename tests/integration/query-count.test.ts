import { describe, expect, it } from "vitest";
import {
  coverageByCategory,
  coverageByProgram,
  coverageByRegion,
  deliveriesPerWeek,
  mostUncoveredKelurahan,
} from "@/lib/coverage/queries.ts";
import { categoryTotals, getPublicNeed, searchNeeds } from "@/lib/needs/queries.ts";
import { pledgeReference } from "@/lib/pledges/reference.ts";
import { regionFilterOptions } from "@/lib/regions/queries.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed } from "@/tests/helpers/pledges.ts";
import { queriesDuring } from "@/tests/helpers/query-count.ts";

// No public page may send more SQL when it shows more rows (no N+1). Each data function
// the public pages call runs with a small page or few rows, then, after the database has
// grown by thousands of needs and a need has hundreds of pledges, with a large page: the
// number of statements must not change, and stays within the function's budget.

async function grow(busyNeedId: string) {
  // 3,000 more public needs (copies of the seeded ones).
  await sql(`INSERT INTO need (id, program_id, kota_code, kecamatan_code, kelurahan_code, rw, item, unit, target_quantity, beneficiary_count,
                               beneficiary_kind, priority, deadline, status, updated_at)
             SELECT 'qc' || g || '_' || n.id, program_id, kota_code, kecamatan_code, kelurahan_code, rw, item, unit, target_quantity, beneficiary_count,
                    beneficiary_kind, priority, deadline, 'OPEN', now()
               FROM need n CROSS JOIN generate_series(1, 8) g WHERE n.status <> 'DRAFT' LIMIT 3000`);
  // 300 pledges of one unit on one need, in several states.
  const statuses = ["SUBMITTED", "APPROVED", "SCHEDULED"];
  const rows = Array.from({ length: 300 }, (_, i) => [`plg_qc_${i}`, pledgeReference(), statuses[i % 3]!]);
  await sql(
    `INSERT INTO pledge (id, reference, need_id, donor_organisation_id, quantity, delivery_mode, planned_delivery_on, status, updated_at)
             SELECT id, reference, $4, (SELECT id FROM organisation WHERE kind = 'COMPANY' ORDER BY id LIMIT 1), 1, 'DIRECT', CURRENT_DATE, status::"PledgeStatus", now()
               FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, reference, status)`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), busyNeedId],
  );
}

/** Each public data function, called to show `rows` rows where it has a page size or limit. */
const pageData: Record<string, { budget: number; run: (size: "small" | "large", needId: string) => Promise<unknown> }> = {
  "catalogue: searchNeeds": { budget: 6, run: (size) => searchNeeds({}, size === "small" ? 5 : 500) },
  "catalogue: searchNeeds with filters and a search": {
    budget: 6,
    run: (size) => searchNeeds({ category: "PANGAN", kota: "31.71", q: "paket", sort: "deadline" }, size === "small" ? 5 : 500),
  },
  "catalogue: regionFilterOptions": {
    budget: 3,
    run: (size) =>
      regionFilterOptions(size === "small" ? { kota: "31.01", kecamatan: "31.01.01" } : { kota: "31.74", kecamatan: "31.74.01" }),
  },
  "need page: getPublicNeed": { budget: 8, run: (_size, needId) => getPublicNeed(needId) },
  "home: categoryTotals": { budget: 2, run: () => categoryTotals() },
  "coverage: coverageByRegion": { budget: 2, run: (size) => coverageByRegion(size === "small" ? "KOTA" : "KELURAHAN") },
  "coverage: coverageByCategory": { budget: 1, run: () => coverageByCategory() },
  "coverage: coverageByProgram": { budget: 2, run: () => coverageByProgram() },
  "coverage: mostUncoveredKelurahan": { budget: 4, run: (size) => mostUncoveredKelurahan(size === "small" ? 3 : 200) },
  "coverage: deliveriesPerWeek": { budget: 1, run: (size) => deliveriesPerWeek(size === "small" ? 1 : 520) },
};

describe("queries per page", () => {
  it("stay the same for a large page on a large database as for a small page on a small one", async () => {
    const busy = await freshNeed(100_000);
    const before: Record<string, number> = {};
    for (const [name, data] of Object.entries(pageData))
      before[name] = (await queriesDuring(() => data.run("small", busy.id))).statements.length;

    await grow(busy.id);
    const [{ n: needs }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM need WHERE status <> 'DRAFT'`)) as [{ n: number }];
    expect(needs).toBeGreaterThan(3_000);

    for (const [name, data] of Object.entries(pageData)) {
      const { result, statements } = await queriesDuring(() => data.run("large", busy.id));
      expect(statements.length, `${name}:\n${statements.join("\n")}`).toBe(before[name]);
      expect(statements.length, `${name} is over its budget:\n${statements.join("\n")}`).toBeLessThanOrEqual(data.budget);
      expect(before[name]).toBeGreaterThan(0);
      // The large run really showed many rows.
      if (name === "catalogue: searchNeeds") expect((result as { needs: unknown[] }).needs).toHaveLength(500);
      if (name === "coverage: coverageByRegion") expect(result).toHaveLength(267);
      if (name === "coverage: mostUncoveredKelurahan") expect((result as unknown[]).length).toBeGreaterThan(100);
      if (name === "need page: getPublicNeed")
        expect((result as { pledgesByStatus: { count: number }[] }).pledgesByStatus.reduce((s, r) => s + r.count, 0)).toBe(300);
    }
  }, 120_000);
});
