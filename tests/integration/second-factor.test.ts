import { describe, expect, it } from "vitest";
import { enrolSecondFactorAction } from "@/lib/accounts/actions.ts";
import { currentUser, requireUser } from "@/lib/auth/guards.ts";
import { challengeUser, confirmEnrolment, consumeSecondFactor, createChallenge, pendingSecret } from "@/lib/auth/second-factor.ts";
import { totpCode } from "@/lib/auth/totp.ts";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// Staff and admin accounts: enrolment, codes that work once, recovery codes, challenges.
const T0 = Date.parse("2026-12-02T08:00:10Z");
const at = (ms: number) => new Date(T0 + ms);

async function newStaff(email: string): Promise<{ id: string; organisationId: string }> {
  const [staff] = await sql<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'staf@ksbb.test'`);
  const id = `usr_${email.split("@")[0]}`;
  await sql(
    `INSERT INTO app_user (id, email, name, role, organisation_id, updated_at) VALUES ($1, $2, 'Petugas Baru', 'CITY_STAFF', $3, now())`,
    [id, email, staff!.organisation_id],
  );
  return { id, organisationId: staff!.organisation_id };
}

describe("second factor", () => {
  it("keeps a new staff member out of everything but enrolment until a code from the app confirms it", async () => {
    const staff = await newStaff("petugas1@ksbb.test");
    actAs(staff.id);
    expect((await currentUser())?.mustEnrolSecondFactor).toBe(true);
    await expect(requireUser()).rejects.toMatchObject({ code: "SECOND_FACTOR_REQUIRED" });

    const secret = await pendingSecret(staff.id);
    expect(await pendingSecret(staff.id)).toBe(secret); // a reload shows the same QR code
    const wrong = await enrolSecondFactorAction(null, form({ code: "000000" }));
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: expect.stringContaining("Kode salah") } });

    const done = await enrolSecondFactorAction(null, form({ code: totpCode(secret), next: "/staf" }));
    expect(done).toMatchObject({ ok: true, data: { next: "/staf" } });
    const codes = (done as unknown as { data: { recoveryCodes: string } }).data.recoveryCodes.split(" ");
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await requireUser()).mustEnrolSecondFactor).toBe(false);
    // Only hashes are kept, and an audit event tells who turned it on.
    const stored = await sql<{ code_hash: string }>(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [staff.id]);
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace("-", ""));
    expect(await sql(`SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'user.second_factor_enabled'`, [staff.id])).toHaveLength(
      1,
    );
  });

  it("accepts a code once, within one step of the clock, and never an older step", async () => {
    const staff = await newStaff("petugas2@ksbb.test");
    const secret = await pendingSecret(staff.id);
    expect(await confirmEnrolment(staff, totpCode(secret, T0), at(0))).toHaveLength(10);
    // The enrolment's own code is used up.
    expect(await consumeSecondFactor(staff.id, totpCode(secret, T0), at(1_000))).toBe("replayed");
    expect(await consumeSecondFactor(staff.id, totpCode(secret, T0 + 30_000), at(1_000))).toBe("accepted"); // next step: drift allowed
    expect(await consumeSecondFactor(staff.id, totpCode(secret, T0 + 30_000), at(2_000))).toBe("replayed");
    expect(await consumeSecondFactor(staff.id, totpCode(secret, T0 + 90_000), at(2_000))).toBe("wrong"); // two steps ahead
    expect(await consumeSecondFactor(staff.id, "123", at(2_000))).toBe("wrong");
    expect(await consumeSecondFactor(staff.id, totpCode(secret, T0 + 60_000), at(60_000))).toBe("accepted");
  });

  it("lets two parallel requests with one code through only once", async () => {
    const staff = await newStaff("petugas3@ksbb.test");
    const secret = await pendingSecret(staff.id);
    await confirmEnrolment(staff, totpCode(secret, T0), at(0));
    const code = totpCode(secret, T0 + 30_000);
    const outcomes = await Promise.all([consumeSecondFactor(staff.id, code, at(31_000)), consumeSecondFactor(staff.id, code, at(31_000))]);
    expect(outcomes.sort()).toEqual(["accepted", "replayed"]);
  });

  it("takes each recovery code once, in any case and with or without the dash", async () => {
    const staff = await newStaff("petugas4@ksbb.test");
    const secret = await pendingSecret(staff.id);
    const codes = (await confirmEnrolment(staff, totpCode(secret, T0), at(0)))!;
    expect(await consumeSecondFactor(staff.id, codes[3]!.toLowerCase().replace("-", ""))).toBe("accepted");
    expect(await consumeSecondFactor(staff.id, codes[3]!)).toBe("wrong");
    expect(await consumeSecondFactor(staff.id, "ABCD-EFGH")).toBe("wrong");
    expect(await consumeSecondFactor(staff.id, codes[4]!)).toBe("accepted");
  });

  it("a challenge lasts five minutes and names its user", async () => {
    const staff = await userIdByEmail("staf@ksbb.test");
    const token = await createChallenge(staff, at(0));
    expect((await challengeUser(token, at(4 * 60_000)))?.email).toBe("staf@ksbb.test");
    expect(await challengeUser(token, at(5 * 60_000 + 1))).toBeNull();
    expect(await challengeUser("not-a-token", at(0))).toBeNull();
    expect(await sql(`SELECT 1 FROM sign_in_challenge WHERE token_hash = $1`, [token])).toHaveLength(0);
  });

  it("the demo staff and admin accounts are enrolled with the published demo key", async () => {
    const rows = await sql<{ email: string; totp_secret: string }>(
      `SELECT email, totp_secret FROM app_user WHERE totp_enabled_at IS NOT NULL AND email NOT LIKE 'petugas%' ORDER BY email`,
    );
    expect(rows).toEqual([
      { email: "admin@ksbb.test", totp_secret: DEMO_TOTP_SECRET },
      { email: "staf@ksbb.test", totp_secret: DEMO_TOTP_SECRET },
    ]);
  });
});
