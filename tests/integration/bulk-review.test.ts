import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { currentUser } from "@/lib/auth/guards.ts";
import { reviewPledges } from "@/lib/pledges/bulk-review.ts";
import { bulkReviewPledgesAction } from "@/lib/pledges/actions.ts";
import { changePledgeStatus } from "@/lib/pledges/service.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed, pledgeState, submitPledge } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// The bulk review skips a pledge only when it changed meanwhile or cannot be reviewed any
// more; any other failure stops it and the person hears that something went wrong.

const GENERIC_ERROR = "Maaf, terjadi kesalahan. Tidak ada yang tersimpan; silakan coba lagi.";
let staff = "";

beforeAll(async () => {
  staff = await userIdByEmail("staf@ksbb.test");
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function reference(pledgeId: string) {
  return (await sql<{ reference: string }>(`SELECT reference FROM pledge WHERE id = $1`, [pledgeId]))[0]!.reference;
}

/** The form's value for a pledge as the review list showed it: its id and the version then. */
async function ticked(pledgeId: string, version?: number) {
  return `${pledgeId}:${version ?? (await pledgeState(pledgeId)).version}`;
}

/** Runs `body` while PostgreSQL itself fails every update of this pledge (53100: disk full). */
async function whileUpdatesOf<T>(pledgeId: string, body: () => Promise<T>): Promise<T> {
  await sql(`CREATE FUNCTION test_fail_pledge() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$`);
  await sql(
    `CREATE TRIGGER test_fail_pledge BEFORE UPDATE ON pledge FOR EACH ROW WHEN (OLD.id = '${pledgeId}') EXECUTE FUNCTION test_fail_pledge()`,
  );
  try {
    return await body();
  } finally {
    await sql(`DROP TRIGGER test_fail_pledge ON pledge`);
    await sql(`DROP FUNCTION test_fail_pledge()`);
  }
}

async function review(entries: string[], to = "APPROVED") {
  actAs(staff);
  return bulkReviewPledgesAction(null, form({ "pledge[]": entries, to }));
}

describe("bulk review", () => {
  it("changes the reviewable pledges and names each skipped one by its code and why", async () => {
    const need = await freshNeed(100);
    const [reviewable, stale, reviewed] = [await submitPledge(need.id), await submitPledge(need.id), await submitPledge(need.id)];
    // The list was loaded, then someone else approved two of them.
    const seen = await Promise.all([reviewable, stale, reviewed].map((id) => ticked(id)));
    expect((await review([seen[1]!, await ticked(reviewed)]))?.ok).toBe(true);
    const staleVersion = (await pledgeState(stale)).version;

    // stale: the version shown is out of date; reviewed: the current version, but approved already.
    const result = await review([seen[0]!, seen[1]!, await ticked(reviewed)]);

    expect(result).toMatchObject({ ok: true });
    const message = result?.ok ? result.message : "";
    expect(message).toBe(
      `1 janji diproses, 2 dilewati. Dilewati: ${await reference(stale)} (sudah diubah orang lain); ` +
        `${await reference(reviewed)} (tidak menunggu tinjauan lagi).`,
    );
    expect(message).not.toContain(await reference(reviewable));
    expect(await pledgeState(reviewable)).toMatchObject({ status: "APPROVED" });
    expect(await pledgeState(stale)).toMatchObject({ status: "APPROVED", version: staleVersion });
  });

  it("refuses a list naming a pledge that does not exist before changing any, and skips one deleted meanwhile", async () => {
    const need = await freshNeed(100);
    const [first, second] = [await submitPledge(need.id), await submitPledge(need.id)];
    const entries = [await ticked(first), `${need.id}:0`, await ticked(second)];

    const refused = await review(entries);

    expect(refused).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await pledgeState(first)).toMatchObject({ status: "SUBMITTED" });
    expect(await pledgeState(second)).toMatchObject({ status: "SUBMITTED" });

    // Deleted by an operator after the list was checked: the change function finds nothing.
    actAs(staff);
    const caller = (await currentUser())!;
    const secondReference = await reference(second);
    const outcome = await reviewPledges(
      caller,
      { "pledge[]": [await ticked(first), await ticked(second)], to: "APPROVED", reason: undefined },
      async (who, input) => {
        if (input.pledgeId === second) await sql(`DELETE FROM pledge WHERE id = $1`, [second]);
        return changePledgeStatus(who, input);
      },
    );
    expect(outcome).toEqual({ changed: 1, skipped: [{ pledgeId: second, reference: secondReference, reason: "changed" }] });
    expect(await pledgeState(first)).toMatchObject({ status: "APPROVED" });
  });

  it("stops at a database failure, keeps what it changed before, and says so rather than calling it skipped", async () => {
    const need = await freshNeed(100);
    const [first, broken, last] = [await submitPledge(need.id), await submitPledge(need.id), await submitPledge(need.id)];
    const entries = await Promise.all([first, broken, last].map((id) => ticked(id)));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await whileUpdatesOf(broken, () => review(entries));

    expect(result).toMatchObject({ ok: false, code: "ERROR" });
    const message = result && !result.ok ? result.message : "";
    expect(message).toMatch(
      /^Maaf, terjadi kesalahan\. 1 janji sudah diubah sebelum kesalahan itu dan tetap berubah; sisanya belum diubah\./,
    );
    expect(message).not.toMatch(/dilewati/i);
    // Each change is its own transaction: the first stays approved, the rest untouched.
    expect(await pledgeState(first)).toMatchObject({ status: "APPROVED" });
    expect(await pledgeState(broken)).toMatchObject({ status: "SUBMITTED" });
    expect(await pledgeState(last)).toMatchObject({ status: "SUBMITTED" });
    const [context, error] = logged.mock.calls.find(([line]) => String(line).startsWith("[review]")) ?? [];
    expect(context).toContain(`stopped at pledge ${broken}, 2 of 3: 1 changed before the error`);
    expect(String(error)).toContain("could not extend file");
  });

  it("answers a database failure before any change with the generic error, and changes nothing", async () => {
    const need = await freshNeed(100);
    const pledges = [await submitPledge(need.id), await submitPledge(need.id)];
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const result = await whileUpdatesOf(pledges[0]!, async () => review(await Promise.all(pledges.map((id) => ticked(id)))));

    expect(result).toEqual(expect.objectContaining({ ok: false, code: "ERROR", message: GENERIC_ERROR }));
    for (const id of pledges) expect(await pledgeState(id)).toMatchObject({ status: "SUBMITTED" });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("0 changed before the error"), expect.anything());
  });

  it("rethrows a lost connection from the change function instead of counting the pledge as skipped", async () => {
    const need = await freshNeed(100);
    const pledges = [await submitPledge(need.id), await submitPledge(need.id)];
    actAs(staff);
    const caller = (await currentUser())!;
    const lostConnection = Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
    const change = vi.fn(async () => {
      throw lostConnection;
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const input = { "pledge[]": await Promise.all(pledges.map((id) => ticked(id))), to: "APPROVED" as const, reason: undefined };

    await expect(reviewPledges(caller, input, change)).rejects.toBe(lostConnection);
    expect(change).toHaveBeenCalledTimes(1);
  });

  it("reports the service's stale-version refusal as skipped, by the pledge's code", async () => {
    const need = await freshNeed(100);
    const id = await submitPledge(need.id);
    actAs(staff);
    const caller = (await currentUser())!;
    const outcome = await reviewPledges(
      caller,
      { "pledge[]": [`${id}:${(await pledgeState(id)).version + 5}`], to: "APPROVED", reason: undefined },
      changePledgeStatus,
    );
    expect(outcome).toEqual({ changed: 0, skipped: [{ pledgeId: id, reference: await reference(id), reason: "changed" }] });
  });
});
