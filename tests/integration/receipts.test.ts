import { beforeAll, describe, expect, it } from "vitest";
import { currentUser } from "@/lib/auth/guards.ts";
import { changePledgeStatusAction, recordDeliveryAction } from "@/lib/pledges/actions.ts";
import { confirmedInYear, issueStatement, normaliseCode, receiptFor, verifyCode } from "@/lib/receipts/queries.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { settle } from "@/tests/helpers/actions.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed, pledgeState, submitPledge } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// Receipts: the database gives a confirmed pledge its public code, only the donor's
// members and staff open the receipt, and the public check shows nothing private.

const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const [key, email] of Object.entries({ donor: "donor@ksbb.test", staff: "staf@ksbb.test", aggregator: "agregator@ksbb.test" }))
    ids[key] = await userIdByEmail(email);
});

async function step(userId: string, pledgeId: string, to: string) {
  actAs(userId);
  await settle(changePledgeStatusAction(null, form({ pledgeId, version: String((await pledgeState(pledgeId)).version), to })));
}

/** A direct pledge of the demo donor taken through to CONFIRMED by the app. */
async function confirmedPledge(): Promise<string> {
  const need = await freshNeed(50);
  const id = await submitPledge(need.id, 5);
  await step(ids.staff!, id, "APPROVED");
  await step(ids.donor!, id, "SCHEDULED");
  actAs(ids.donor!);
  await settle(
    recordDeliveryAction(
      null,
      form({
        pledgeId: id,
        version: String((await pledgeState(id)).version),
        deliveredOn: jakartaToday(),
        quantity: "5",
        recipientGroup: "RW 03",
      }),
    ),
  );
  await step(ids.staff!, id, "CONFIRMED");
  expect(await pledgeState(id)).toMatchObject({ status: "CONFIRMED" });
  return id;
}

async function callerFor(userId: string) {
  actAs(userId);
  return (await currentUser())!;
}

describe("receipts", () => {
  it("gets its code from the database on confirmation, and only then", async () => {
    const id = await confirmedPledge();
    const [row] = await sql<{ receipt_code: string }>(`SELECT receipt_code FROM pledge WHERE id = $1`, [id]);
    expect(row!.receipt_code).toMatch(/^TT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // The constraint: no code without confirmation, no confirmation without a code.
    await expect(sql(`UPDATE pledge SET receipt_code = NULL WHERE id = $1`, [id])).rejects.toThrow(/pledge_receipt_code_when_confirmed/);
    const open = await submitPledge((await freshNeed(10)).id, 1);
    await expect(sql(`UPDATE pledge SET receipt_code = 'TT-2222-2222-2222' WHERE id = $1`, [open])).rejects.toThrow(
      /pledge_receipt_code_when_confirmed/,
    );
  });

  it("opens for the donor's members and staff, with each step and who confirmed, and for nobody else", async () => {
    const id = await confirmedPledge();
    const receipt = await receiptFor(await callerFor(ids.donor!), id);
    expect(receipt.steps.approved).not.toBeNull();
    expect(receipt.steps.confirmed).not.toBeNull();
    expect(receipt.deliveryUpdates).toEqual([expect.objectContaining({ quantity: 5 })]);
    expect(receipt.confirmedBy.person).toBe("Hendra Saputra");
    expect((await receiptFor(await callerFor(ids.staff!), id)).receiptCode).toBe(receipt.receiptCode);
    await expect(receiptFor(await callerFor(ids.aggregator!), id)).rejects.toThrow("NOT_FOUND");
    // A pledge not yet confirmed has no receipt.
    const open = await submitPledge((await freshNeed(10)).id, 1);
    await expect(receiptFor(await callerFor(ids.donor!), open)).rejects.toThrow("NOT_FOUND");
  });

  it("is checked publicly by its code, typed any way, without the name of an organisation that keeps it private", async () => {
    const id = await confirmedPledge();
    const receipt = await receiptFor(await callerFor(ids.donor!), id);
    const typed = receipt.receiptCode.toLowerCase().replaceAll("-", " ");
    expect(normaliseCode(typed)).toBe(receipt.receiptCode);
    await sql(`UPDATE organisation SET show_publicly = false WHERE id = (SELECT donor_organisation_id FROM pledge WHERE id = $1)`, [id]);
    const hidden = await verifyCode(typed);
    expect(hidden).toMatchObject({ kind: "receipt", reference: receipt.reference, quantity: 5, organisation: null });
    expect(JSON.stringify(hidden)).not.toContain(receipt.donorOrganisation.name);
    expect(JSON.stringify(hidden)).not.toContain("Hendra");
    await sql(`UPDATE organisation SET show_publicly = true WHERE id = (SELECT donor_organisation_id FROM pledge WHERE id = $1)`, [id]);
    expect((await verifyCode(receipt.receiptCode))?.organisation).toBe(receipt.donorOrganisation.name);
    expect(await verifyCode("TT-2222-2222-2222")).toBeNull();
    expect(await verifyCode("not a code")).toBeNull();
  });
});

describe("yearly statements", () => {
  it("list the year's confirmed contributions and keep one code per organisation, year and count", async () => {
    const id = await confirmedPledge();
    const donor = await callerFor(ids.donor!);
    const year = Number(jakartaToday().slice(0, 4));
    const rows = await confirmedInYear(donor, year);
    expect(rows.map((row) => row.id)).toContain(id);
    expect(await confirmedInYear(donor, year - 1)).not.toContainEqual(expect.objectContaining({ id }));
    const [first, again] = await Promise.all([issueStatement(donor, year, rows.length), issueStatement(donor, year, rows.length)]);
    expect(again.code).toBe(first.code);
    expect(first.code).toMatch(/^LT-/);
    expect(await verifyCode(first.code)).toMatchObject({ kind: "statement", year, pledgeCount: rows.length });
    // Another organisation sees none of them.
    const other = await callerFor(ids.aggregator!);
    expect((await confirmedInYear(other, year)).map((row) => row.id)).not.toContain(id);
  });
});
