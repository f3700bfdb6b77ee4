import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db.ts";
import { verifyPassword } from "@/lib/auth/password.ts";
import { DEMO_PASSWORD, USERS } from "./catalogue.ts";
import { generateDemo } from "./generate.ts";
import { readRegions } from "./regions.ts";

const sql = <Row>(text: string, params: unknown[] = []) => testDb().query<Row>(text, params);
const one = async (text: string) => Number(Object.values((await sql<Record<string, number>>(text))[0]!)[0]);

describe("seeded data", () => {
  it("has every Jakarta region from the shipped CSV", async () => {
    expect(await one(`SELECT count(*)::int FROM region WHERE level = 'KELURAHAN'`)).toBe(267);
    expect(await one(`SELECT count(*)::int FROM region WHERE level = 'KECAMATAN'`)).toBe(44);
    expect(await one(`SELECT count(*)::int FROM region WHERE level = 'KOTA'`)).toBe(6);
    expect(await one(`SELECT count(*)::int FROM region`)).toBe(readRegions().length);
  });

  it("gives every kelurahan and every kota at least one need, and at least 300 in all", async () => {
    expect(await one(`SELECT count(*)::int FROM need`)).toBeGreaterThanOrEqual(300);
    expect(
      await one(
        `SELECT count(*)::int FROM region r WHERE level = 'KELURAHAN' AND NOT EXISTS (SELECT 1 FROM need n WHERE n.kelurahan_code = r.code)`,
      ),
    ).toBe(0);
    expect(await one(`SELECT count(DISTINCT kota_code)::int FROM need`)).toBe(6);
  });

  it("keeps each need's counters equal to its pledges", async () => {
    const mismatched = await sql(`
      SELECT n.id FROM need n LEFT JOIN pledge p ON p.need_id = n.id
      GROUP BY n.id
      HAVING n.pledged_quantity <> coalesce(sum(CASE WHEN p.status IN ('REJECTED','CANCELLED','EXPIRED') THEN p.delivered_quantity ELSE p.quantity END), 0)
          OR n.delivered_quantity <> coalesce(sum(p.delivered_quantity), 0)`);
    expect(mismatched).toEqual([]);
    expect(await one(`SELECT count(*)::int FROM need WHERE pledged_quantity > target_quantity`)).toBe(0);
  });

  it("has pledges in every state and organisations of every kind", async () => {
    const states = await sql<{ status: string }>(`SELECT DISTINCT status::text FROM pledge ORDER BY 1`);
    expect(states.map((row) => row.status)).toEqual([
      "APPROVED",
      "CANCELLED",
      "CONFIRMED",
      "DELIVERED",
      "EXPIRED",
      "IN_DELIVERY",
      "REJECTED",
      "SCHEDULED",
      "SUBMITTED",
    ]);
    const kinds = await sql<{ kind: string }>(`SELECT DISTINCT kind::text FROM organisation ORDER BY 1`);
    expect(kinds.map((row) => row.kind)).toEqual(["AGGREGATOR", "CITY_OFFICE", "COMMUNITY_GROUP", "COMPANY", "FOUNDATION", "INDIVIDUAL"]);
  });

  it("routes aggregator pledges only to aggregators that serve the need's kelurahan", async () => {
    const stray = await sql(`
      SELECT p.id FROM pledge p JOIN need n ON n.id = p.need_id
      WHERE p.delivery_mode = 'AGGREGATOR'
        AND NOT EXISTS (SELECT 1 FROM aggregator_area a WHERE a.organisation_id = p.aggregator_organisation_id AND a.region_code = n.kelurahan_code)`);
    expect(stray).toEqual([]);
  });

  it("has one working demo account per role", async () => {
    for (const role of ["DONOR", "AGGREGATOR", "CITY_STAFF", "ADMIN"]) {
      const demo = USERS.find((user) => user.role === role && user.demo);
      expect(demo, role).toBeDefined();
      const [row] = await sql<{ password_hash: string; role: string }>(`SELECT password_hash, role::text FROM app_user WHERE email = $1`, [
        demo!.email,
      ]);
      expect(row?.role).toBe(role);
      expect(await verifyPassword(DEMO_PASSWORD, row!.password_hash)).toBe(true);
      expect(await verifyPassword("wrong password", row!.password_hash)).toBe(false);
    }
  });

  it("is deterministic: the same needs and pledges on every run", async () => {
    // A fingerprint of the generated rows; it changes only when the seed itself is changed.
    const [row] = await sql<{ needs: string; pledges: string }>(`
      SELECT md5(string_agg(id || kelurahan_code || item || target_quantity || pledged_quantity, ',' ORDER BY id)) AS needs,
             (SELECT md5(string_agg(reference || quantity || status, ',' ORDER BY id)) FROM pledge) AS pledges
      FROM need`);
    expect(row).toEqual(SEED_FINGERPRINT);
  });
});

describe("demo data generator", () => {
  it("recomputes, without a database, exactly the personal values the seed wrote (the privacy crawl relies on it)", async () => {
    const kelurahan = readRegions()
      .filter((region) => region.level === "KELURAHAN")
      .sort((a, b) => a.code.localeCompare(b.code));
    const data = generateDemo(kelurahan);
    const pairs = async (query: string) =>
      (await sql<{ a: string | null; b: string | null }>(query)).map((row) => `${row.a}|${row.b}`).sort();
    const mine = (rows: { a: unknown; b: unknown }[]) => rows.map((row) => `${String(row.a ?? null)}|${String(row.b ?? null)}`).sort();
    expect(mine(data.users.map((u) => ({ a: u.email, b: u.name })))).toEqual(await pairs(`SELECT email AS a, name AS b FROM app_user`));
    expect(mine(data.organisations.map((o) => ({ a: o.contactEmail, b: o.contactPhone })))).toEqual(
      await pairs(`SELECT contact_email AS a, contact_phone AS b FROM organisation`),
    );
    expect(mine(data.pledges.map((p) => ({ a: p.reference, b: p.note })))).toEqual(
      await pairs(`SELECT reference AS a, note AS b FROM pledge`),
    );
    expect(mine(data.deliveries.map((d) => ({ a: d.recipientGroup, b: d.notes })))).toEqual(
      await pairs(`SELECT recipient_group AS a, notes AS b FROM delivery_update`),
    );
    expect(mine(data.reports.map((r) => ({ a: r.contact, b: r.description })))).toEqual(
      await pairs(`SELECT contact AS a, description AS b FROM public_report`),
    );
    expect(data.pledges.filter((p) => p.note).length).toBeGreaterThan(100);
    expect(data.deliveries.filter((d) => d.notes).length).toBeGreaterThan(50);
  });
});

const SEED_FINGERPRINT = { needs: "2f5186fe15c1f986fef49c1bc61099ea", pledges: "d39cdaa2a43cdc40bc5b1bdbe345c3d4" };
