import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db.ts";
import { DELIVERY_RECORD_PAGE_SIZE, kelurahanDeliveryRecord } from "./delivery-record.ts";

// Expected rows are read straight from the tables, and the deliverer's public name is
// decided here from the raw organisation columns, independently of public-name.ts.

interface Raw {
  id: string;
  quantity: number;
  recipient_count: number | null;
  recipient_group: string;
  notes: string | null;
  mode: string;
  status: string;
  category: string;
  donor_name: string;
  donor_public: boolean;
  agg_name: string | null;
  agg_public: boolean | null;
  community_received: number | null;
}

const raw = (kelurahan: string) =>
  testDb().query<Raw>(
    `SELECT d.id, d.quantity, d.recipient_count, d.recipient_group, d.notes, pl.delivery_mode::text AS mode, pl.status::text AS status, p.category::text AS category,
            dn.name AS donor_name, (dn.verification_status = 'VERIFIED' AND dn.show_publicly) AS donor_public,
            ag.name AS agg_name, (ag.verification_status = 'VERIFIED' AND ag.show_publicly) AS agg_public,
            (SELECT c.quantity_received FROM community_confirmation c WHERE c.delivery_update_id = d.id) AS community_received
     FROM delivery_update d JOIN pledge pl ON pl.id = d.pledge_id JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
     JOIN organisation dn ON dn.id = pl.donor_organisation_id LEFT JOIN organisation ag ON ag.id = pl.aggregator_organisation_id
     WHERE n.kelurahan_code = $1`,
    [kelurahan],
  );

async function busiestKelurahan() {
  const [row] = await testDb().query<{ code: string; n: number }>(
    `SELECT n.kelurahan_code AS code, count(*)::int AS n FROM delivery_update d JOIN pledge pl ON pl.id = d.pledge_id JOIN need n ON n.id = pl.need_id
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  return row!;
}

describe("kelurahanDeliveryRecord", () => {
  it("lists every delivery of the kelurahan with counts only, naming only public deliverers", async () => {
    const { code } = await busiestKelurahan();
    // Make sure both kinds of hidden deliverer occur: suspend one donor that delivered here.
    await testDb().query(
      `UPDATE organisation SET verification_status = 'SUSPENDED', suspension_reason = 'Uji' WHERE id = (
         SELECT pl.donor_organisation_id FROM delivery_update d JOIN pledge pl ON pl.id = d.pledge_id JOIN need n ON n.id = pl.need_id
         JOIN organisation o ON o.id = pl.donor_organisation_id
         WHERE n.kelurahan_code = $1 AND pl.delivery_mode = 'DIRECT' AND o.show_publicly ORDER BY d.id LIMIT 1)`,
      [code],
    );
    const expected = await raw(code);
    const result = await kelurahanDeliveryRecord(code, { page: 1 });
    expect(result.total).toBe(expected.length);
    expect(result.deliveries.length).toBe(Math.min(expected.length, DELIVERY_RECORD_PAGE_SIZE));
    for (const delivery of result.deliveries) {
      const row = expected.find((r) => r.id === delivery.id)!;
      expect(row, delivery.id).toBeDefined();
      expect(delivery.quantity).toBe(row.quantity);
      expect(delivery.communityReceived).toBe(row.community_received);
      expect(delivery.recipientCount).toBe(row.recipient_count);
      expect(delivery.confirmed).toBe(row.status === "CONFIRMED");
      const byAggregator = row.mode === "AGGREGATOR";
      expect(delivery.deliverer.role).toBe(byAggregator ? "AGGREGATOR" : "DONOR");
      const visible = byAggregator ? row.agg_public : row.donor_public;
      expect(delivery.deliverer.name).toBe(visible ? (byAggregator ? row.agg_name : row.donor_name) : null);
      // Free text never leaves the query.
      const text = JSON.stringify(delivery);
      expect(text).not.toContain(row.recipient_group);
      if (row.notes) expect(text).not.toContain(row.notes);
    }
    // Newest first.
    const days = result.deliveries.map((d) => d.deliveredOn.getTime());
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });

  it("hides names of unverified or non-public deliverers across the whole seed", async () => {
    const rows = await testDb().query<{ code: string }>(
      `SELECT DISTINCT n.kelurahan_code AS code FROM delivery_update d JOIN pledge pl ON pl.id = d.pledge_id JOIN need n ON n.id = pl.need_id`,
    );
    const hidden = await testDb().query<{ name: string }>(
      `SELECT name FROM organisation WHERE NOT (verification_status = 'VERIFIED' AND show_publicly)`,
    );
    let named = 0,
      anonymous = 0;
    for (const { code } of rows.slice(0, 60)) {
      const { deliveries } = await kelurahanDeliveryRecord(code, { page: 1 });
      for (const delivery of deliveries) {
        if (delivery.deliverer.name) named++;
        else anonymous++;
        expect(hidden.map((h) => h.name)).not.toContain(delivery.deliverer.name);
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(anonymous).toBeGreaterThan(0);
  });

  it("filters by category and pages through", async () => {
    const { code } = await busiestKelurahan();
    const expected = await raw(code);
    const category = expected[0]!.category as "PANGAN";
    const filtered = await kelurahanDeliveryRecord(code, { category, page: 1 });
    expect(filtered.total).toBe(expected.filter((r) => r.category === category).length);
    expect(filtered.deliveries.every((d) => d.need.category === category)).toBe(true);
    const beyond = await kelurahanDeliveryRecord(code, { page: filtered.pageCount + 1 });
    expect(beyond.deliveries).toEqual([]);
  });
});
