import { describe, expect, it } from "vitest";
import { sql } from "@/tests/helpers/db.ts";

// The database itself refuses what no code path may write, whichever code path tries.
const firstNeed = async () => (await sql(`SELECT id FROM need WHERE status = 'OPEN' ORDER BY id LIMIT 1`))[0] as { id: string };

describe("database constraints", () => {
  /** Runs one statement as an operator's repair would (npm run db:check -- --repair): the totals guard lets it through. */
  async function asRepair(text: string, params: unknown[]) {
    await sql(`SELECT set_config('ksbb.repair_totals', 'on', false)`);
    try {
      return await sql(text, params);
    } finally {
      await sql(`SELECT set_config('ksbb.repair_totals', 'off', false)`);
    }
  }

  it("lets only the pledge triggers write a need's totals", async () => {
    const need = await firstNeed();
    for (const column of ["pledged_quantity", "approved_quantity", "delivered_quantity", "confirmed_quantity"]) {
      await expect(sql(`UPDATE need SET ${column} = ${column} + 1 WHERE id = $1`, [need.id])).rejects.toThrow(/not written directly/);
    }
    await expect(
      sql(
        `INSERT INTO need (id, program_id, kota_code, kecamatan_code, kelurahan_code, item, unit, target_quantity, pledged_quantity,
                                        beneficiary_count, beneficiary_kind, priority, deadline, status, updated_at)
                      SELECT 'need_guard', program_id, kota_code, kecamatan_code, kelurahan_code, item, unit, 10, 5, 1, beneficiary_kind, priority,
                             deadline, 'OPEN', now() FROM need WHERE id = $1`,
        [need.id],
      ),
    ).rejects.toThrow(/not written directly/);
  });

  it("keeps a need's approved total within its pledged total, and its confirmed total within its delivered total, even in a repair", async () => {
    const [need] = (await sql(
      `SELECT id, pledged_quantity, delivered_quantity FROM need WHERE pledged_quantity > 0 AND delivered_quantity > 0 ORDER BY id LIMIT 1`,
    )) as { id: string; pledged_quantity: number; delivered_quantity: number }[];
    await expect(asRepair(`UPDATE need SET approved_quantity = $2 WHERE id = $1`, [need!.id, need!.pledged_quantity + 1])).rejects.toThrow(
      /need_approved_within_pledged/,
    );
    await expect(asRepair(`UPDATE need SET approved_quantity = -1 WHERE id = $1`, [need!.id])).rejects.toThrow(
      /need_approved_within_pledged/,
    );
    await expect(
      asRepair(`UPDATE need SET confirmed_quantity = $2 WHERE id = $1`, [need!.id, need!.delivered_quantity + 1]),
    ).rejects.toThrow(/need_confirmed_within_delivered/);
  });

  it("refuses zero or negative quantities", async () => {
    const [need] = (await sql(`SELECT id FROM need WHERE pledged_quantity = 0 AND delivered_quantity = 0 ORDER BY id LIMIT 1`)) as {
      id: string;
    }[];
    await expect(sql(`UPDATE need SET target_quantity = 0 WHERE id = $1`, [need!.id])).rejects.toThrow(/need_target_positive/);
    await expect(sql(`UPDATE need SET beneficiary_count = -5 WHERE id = $1`, [need!.id])).rejects.toThrow(/need_beneficiaries_positive/);
    await expect(
      sql(`UPDATE pledge SET quantity = -1 WHERE id = (SELECT id FROM pledge WHERE status = 'SUBMITTED' ORDER BY id LIMIT 1)`),
    ).rejects.toThrow(/pledge_quantity_positive|pledge_delivered_within_quantity/);
  });

  it("refuses pledging more than a need's target, even through a pledge written directly", async () => {
    const [pledge] = (await sql(
      `SELECT p.id, n.target_quantity FROM pledge p JOIN need n ON n.id = p.need_id WHERE p.status = 'SUBMITTED' ORDER BY p.id LIMIT 1`,
    )) as { id: string; target_quantity: number }[];
    await expect(sql(`UPDATE pledge SET quantity = quantity + $2 WHERE id = $1`, [pledge!.id, pledge!.target_quantity])).rejects.toThrow(
      /need_pledged_within_target/,
    );
    await expect(
      asRepair(`UPDATE need SET pledged_quantity = target_quantity + 1 WHERE id = (SELECT need_id FROM pledge WHERE id = $1)`, [
        pledge!.id,
      ]),
    ).rejects.toThrow(/need_pledged_within_target/);
  });

  it("refuses dangling references and inconsistent region paths", async () => {
    await expect(sql(`UPDATE pledge SET need_id = 'missing' WHERE id = (SELECT id FROM pledge LIMIT 1)`)).rejects.toThrow(/foreign key/);
    await expect(sql(`DELETE FROM region WHERE code = '31.71'`)).rejects.toThrow(/foreign key/);
    const need = await firstNeed();
    await expect(sql(`UPDATE need SET kota_code = '31.72' WHERE id = $1 AND kota_code <> '31.72'`, [need.id])).rejects.toThrow(
      /need_region_path_consistent/,
    );
  });

  it("refuses an aggregator pledge without an aggregator, and a direct one with one", async () => {
    await expect(
      sql(
        `UPDATE pledge SET aggregator_organisation_id = NULL WHERE id = (SELECT id FROM pledge WHERE delivery_mode = 'AGGREGATOR' LIMIT 1)`,
      ),
    ).rejects.toThrow(/pledge_aggregator_matches_mode/);
  });

  it("keeps audit events and delivery updates append-only", async () => {
    await expect(sql(`UPDATE audit_event SET reason = 'rewritten' WHERE id = (SELECT min(id) FROM audit_event)`)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM delivery_update`)).rejects.toThrow(/append-only/);
    const before = (await sql(`SELECT count(*)::int AS n FROM audit_event`))[0] as { n: number };
    expect(before.n).toBeGreaterThan(0);
  });

  it("stores e-mail addresses in lower case only", async () => {
    await expect(sql(`UPDATE app_user SET email = 'Donor@KSBB.test' WHERE email = 'donor@ksbb.test'`)).rejects.toThrow(
      /app_user_email_lowercase/,
    );
  });
});
