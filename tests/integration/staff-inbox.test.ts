import { beforeAll, describe, expect, it } from "vitest";
import { currentUser, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { staffInbox } from "@/lib/inbox/queries.ts";
import { organisationsWaiting } from "@/lib/organisations/queries.ts";
import { changePledgeStatusAction, recordDeliveryAction } from "@/lib/pledges/actions.ts";
import { pledgesWaiting, waitingSince } from "@/lib/pledges/queries.ts";
import { settle } from "@/tests/helpers/actions.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed, pledgeState, submitPledge } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// The staff inbox: three queues, each counted in full and listed longest waiting first,
// where waiting starts when the item entered its state (a delivered pledge: when it was
// delivered, not when it was pledged). Only city staff and admins may read it.

const users: Record<"staff" | "admin" | "donor" | "aggregator", string> = { staff: "", admin: "", donor: "", aggregator: "" };
let staff: Caller;

async function callerFor(userId: string): Promise<Caller> {
  actAs(userId);
  return (await currentUser())!;
}

async function count(where: string): Promise<number> {
  return (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${where}`))[0]!.n;
}

async function step(userId: string, pledgeId: string, to: string, extra: Record<string, string> = {}) {
  actAs(userId);
  const { version } = await pledgeState(pledgeId);
  const result = await settle(changePledgeStatusAction(null, form({ pledgeId, version: String(version), to, ...extra })));
  if (!result?.ok) throw new Error(`${to} refused: ${JSON.stringify(result)}`);
  return result;
}

/** A direct pledge of 10 taken by the demo donor from submitted to delivered, through the actions. */
async function deliver(pledgeId: string) {
  await step(users.staff, pledgeId, "APPROVED");
  await step(users.donor, pledgeId, "SCHEDULED");
  actAs(users.donor);
  const { version } = await pledgeState(pledgeId);
  const result = await settle(
    recordDeliveryAction(
      null,
      form({ pledgeId, version: String(version), deliveredOn: jakartaToday(), quantity: "10", recipientGroup: "RW 01" }),
    ),
  );
  if (!result?.ok) throw new Error(`delivery refused: ${JSON.stringify(result)}`);
  expect(await pledgeState(pledgeId)).toMatchObject({ status: "DELIVERED" });
}

beforeAll(async () => {
  for (const [who, email] of [
    ["staff", "staf@ksbb.test"],
    ["admin", "admin@ksbb.test"],
    ["donor", "donor@ksbb.test"],
    ["aggregator", "agregator@ksbb.test"],
  ] as const)
    users[who] = await userIdByEmail(email);
  staff = await callerFor(users.staff);
});

describe("staff inbox", () => {
  it("counts every pledge waiting for review and lists the longest waiting first", async () => {
    const before = await staffInbox(staff);
    const need = await freshNeed(100);
    const [older, newer] = [await submitPledge(need.id), await submitPledge(need.id)];
    // Older than anything in the demo data, so both lead the preview, the oldest first.
    await sql(`UPDATE pledge SET created_at = now() - interval '400 days' WHERE id = $1`, [older]);
    await sql(`UPDATE pledge SET created_at = now() - interval '300 days' WHERE id = $1`, [newer]);

    const inbox = await staffInbox(staff);
    expect(inbox.review.total).toBe(before.review.total + 2);
    expect(inbox.review.total).toBe(await count(`pledge WHERE status = 'SUBMITTED'`));
    expect(inbox.review.pledges.map((p) => p.id).slice(0, 2)).toEqual([older, newer]);
    expect(inbox.review.pledges).toHaveLength(5);
    const everyone = await pledgesWaiting(staff, "SUBMITTED", 1000);
    const times = everyone.pledges.map((p) => waitingSince(p).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Approving one takes it out of the queue and the count.
    await step(users.staff, older, "APPROVED");
    const after = await staffInbox(staff);
    expect(after.review.total).toBe(inbox.review.total - 1);
    expect(after.review.pledges[0]!.id).toBe(newer);
  });

  it("orders deliveries by when they were delivered, not when they were pledged, and counts down as staff confirm", async () => {
    const before = await staffInbox(staff);
    const need = await freshNeed(100);
    const [pledgedFirst, pledgedSecond] = [await submitPledge(need.id), await submitPledge(need.id)];
    await deliver(pledgedSecond);
    await deliver(pledgedFirst);

    let inbox = await staffInbox(staff);
    expect(inbox.deliveries.total).toBe(before.deliveries.total + 2);
    expect(inbox.deliveries.total).toBe(await count(`pledge WHERE status = 'DELIVERED'`));
    const all = (await pledgesWaiting(staff, "DELIVERED", 1000)).pledges;
    expect(all).toHaveLength(inbox.deliveries.total);
    const ids = all.map((p) => p.id);
    // Delivered second-pledged first: it has waited longer for confirmation.
    expect(ids.indexOf(pledgedSecond)).toBeLessThan(ids.indexOf(pledgedFirst));
    const times = all.map((p) => waitingSince(p).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The demo data's deliveries are weeks old, so these two wait least; a delivery that has
    // waited longer than all of them comes first in the short list.
    expect(ids.slice(-2)).toEqual([pledgedSecond, pledgedFirst]);
    await sql(`UPDATE pledge SET updated_at = now() - interval '400 days' WHERE id = $1`, [pledgedFirst]);
    inbox = await staffInbox(staff);
    expect(inbox.deliveries.pledges[0]!.id).toBe(pledgedFirst);
    expect(inbox.deliveries.pledges.length).toBe(Math.min(5, inbox.deliveries.total));

    // Confirming from the inbox goes back to it, and the count drops by one.
    const confirmed = await step(users.staff, pledgedFirst, "CONFIRMED", { returnTo: "inbox" });
    expect(confirmed).toEqual({ ok: true, location: `/staf?dikonfirmasi=${pledgedFirst}` });
    const after = await staffInbox(staff);
    expect(after.deliveries.total).toBe(inbox.deliveries.total - 1);
    expect(after.deliveries.pledges.map((p) => p.id)).not.toContain(pledgedFirst);
  });

  it("counts organisations waiting for verification, oldest registration first, and never city offices", async () => {
    const before = await staffInbox(staff);
    const [company] = await sql<{ id: string }>(
      `INSERT INTO organisation (name, kind, verification_status, created_at, updated_at)
       VALUES ('PT Antrean Terlama', 'COMPANY', 'PENDING', now() - interval '400 days', now()) RETURNING id`,
    );
    await sql(
      `INSERT INTO organisation (name, kind, verification_status, created_at, updated_at)
       VALUES ('Dinas Uji', 'CITY_OFFICE', 'PENDING', now() - interval '500 days', now())`,
    );
    const inbox = await staffInbox(staff);
    expect(inbox.organisations.total).toBe(before.organisations.total + 1);
    expect(inbox.organisations.total).toBe(await count(`organisation WHERE verification_status = 'PENDING' AND kind <> 'CITY_OFFICE'`));
    expect(inbox.organisations.organisations[0]).toMatchObject({ id: company!.id, name: "PT Antrean Terlama" });
    const all = (await organisationsWaiting(staff, 1000)).organisations.map((o) => o.createdAt.getTime());
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });

  it("is open to admins as well", async () => {
    const admin = await callerFor(users.admin);
    expect((await staffInbox(admin)).review.total).toBe((await staffInbox(staff)).review.total);
  });

  it("refuses anyone who is not city staff, as if it did not exist", async () => {
    for (const who of ["donor", "aggregator"] as const) {
      const caller = await callerFor(users[who]);
      await expect(staffInbox(caller)).rejects.toBeInstanceOf(NotFoundError);
      await expect(pledgesWaiting(caller, "DELIVERED", 5)).rejects.toBeInstanceOf(NotFoundError);
      await expect(organisationsWaiting(caller, 5)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
