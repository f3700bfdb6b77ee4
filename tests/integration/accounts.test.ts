import { describe, expect, it } from "vitest";
import {
  registerAggregatorAction,
  registerDonorAction,
  updateOrganisationAction,
  acceptInvitationAction,
  inviteMemberAction,
} from "@/lib/accounts/actions.ts";
import { requireOrgMember } from "@/lib/auth/guards.ts";
import { isCommonPassword, newPasswordSchema } from "@/lib/auth/password-policy.ts";
import { reserveSignIn, settleSignIn, SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from "@/lib/auth/rate-limit.ts";
import { verifyOrganisationAction } from "@/lib/organisations/actions.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

const count = async (table: string) => Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const PASSWORDS = { password: "rujak cingur pedas manis", passwordConfirm: "rujak cingur pedas manis" };
let ip = 0;
const freshIp = () => `192.0.2.${++ip}`;

describe("password rules", () => {
  it("needs 8 characters, accepts long passphrases and refuses common passwords", () => {
    expect(newPasswordSchema.safeParse("kopi123").success).toBe(false);
    expect(newPasswordSchema.safeParse("password").success).toBe(false);
    expect(newPasswordSchema.safeParse("Password1").success).toBe(false);
    expect(isCommonPassword("qwertyuiop")).toBe(true);
    expect(newPasswordSchema.safeParse("sate padang di jalan sabang").success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(40) + " panjang sekali ".repeat(3)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(64)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(257)).success).toBe(false);
  });
});

describe("sign-in lockout", () => {
  const fail = async (email: string, ip: string) => {
    const reservation = await reserveSignIn(email, ip);
    if (reservation.ok) await settleSignIn(reservation.attemptId, { email, ip, userId: null, succeeded: false });
    return reservation.ok;
  };

  it("locks an account after 10 failures within 15 minutes, and only that account", async () => {
    const email = "donor@ksbb.test";
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) expect(await fail(email, `192.0.2.${60 + i}`)).toBe(true);
    expect(await reserveSignIn(email, "192.0.2.99")).toEqual({ ok: false, reason: "locked" });
    expect((await reserveSignIn("staf@ksbb.test", "192.0.2.99")).ok).toBe(true);
    // When the window has passed, the account opens again.
    expect((await reserveSignIn(email, "192.0.2.98", new Date(Date.now() + SIGN_IN_WINDOW_MS + 1000))).ok).toBe(true);
    expect(await count("sign_in_attempt")).toBeGreaterThanOrEqual(SIGN_IN_MAX_FAILURES);
  });

  it("limits failures from one address across accounts", async () => {
    let passed = 0;
    for (let i = 0; i < 40; i++) if (await fail(`nobody${i}@contoh.test`, "192.0.2.200")) passed += 1;
    expect(passed).toBe(30);
    expect((await reserveSignIn("another@contoh.test", "192.0.2.200")).ok).toBe(false);
    expect((await reserveSignIn("another@contoh.test", "192.0.2.201")).ok).toBe(true);
  });
});

describe("registration refuses bad input and writes nothing", () => {
  const donor = (fields: Record<string, string>) =>
    form({ kind: "COMPANY", organisationName: "PT Uji Coba", name: "Dina Maharani", email: "dina@contoh.test", ...PASSWORDS, ...fields });

  it.each([
    ["HTML in a name", { organisationName: "<script>alert(1)</script>" }, "organisationName", "tanda < atau >"],
    ["a 1 MB field", { name: "a".repeat(1024 * 1024) }, "name", "maksimal 120"],
    ["a common password", { password: "iloveyou", passwordConfirm: "iloveyou" }, "password", "terlalu umum"],
    ["different passwords", { passwordConfirm: "something else entirely" }, "passwordConfirm", "tidak sama"],
  ])("%s", async (_label, fields, field, message) => {
    const before = [await count("organisation"), await count("app_user"), await count("audit_event")];
    actAs(null, freshIp());
    const result = await registerDonorAction(null, donor(fields));
    expect(result?.ok).toBe(false);
    expect(result && !result.ok && result.fieldErrors?.[field]).toContain(message);
    expect(result && !result.ok && JSON.stringify(result.values)).not.toContain("rujak");
    expect([await count("organisation"), await count("app_user"), await count("audit_event")]).toEqual(before);
  });

  it("an unknown kelurahan code", async () => {
    const before = await count("organisation");
    actAs(null, freshIp());
    const result = await registerAggregatorAction(
      null,
      form({
        organisationName: "Agregator Uji",
        name: "Budi",
        email: "agg-uji@contoh.test",
        phone: "081234567890",
        "kelurahan[]": ["31.71.01.1001", "31.71.01.9999"],
        capacity: "10",
        ...PASSWORDS,
      }),
    );
    expect(result && !result.ok && result.fieldErrors?.["kelurahan[]"]).toBe("Kelurahan tidak dikenal.");
    expect(await count("organisation")).toBe(before);
  });

  it("registers a pending aggregator with its kelurahan, and audits it", async () => {
    actAs(null, freshIp());
    await registerAggregatorAction(
      null,
      form({
        organisationName: "Agregator Sah",
        name: "Budi",
        email: "agg-sah@contoh.test",
        phone: "081234567890",
        "kelurahan[]": ["31.71.01.1001", "31.71.01.1002"],
        capacity: "250",
        ...PASSWORDS,
      }),
    );
    const [org] = await sql<{ id: string; verification_status: string; delivery_capacity: number; areas: number }>(
      `SELECT o.id, o.verification_status::text, o.delivery_capacity, (SELECT count(*)::int FROM aggregator_area a WHERE a.organisation_id = o.id) AS areas
       FROM organisation o WHERE o.name = 'Agregator Sah'`,
    );
    expect(org).toMatchObject({ verification_status: "PENDING", delivery_capacity: 250, areas: 2 });
    expect(await sql(`SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'organisation.registered'`, [org!.id])).toHaveLength(1);
  });

  it("limits registrations per address", async () => {
    const address = freshIp();
    const results = [];
    for (let i = 0; i < 6; i++) {
      actAs(null, address);
      results.push(
        await registerDonorAction(null, form({ kind: "INDIVIDUAL", name: "Warga Banyak", email: `banyak${i}@contoh.test`, ...PASSWORDS })),
      );
    }
    expect(results.slice(0, 5).every((r) => r === null || r?.ok !== false)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await sql(`SELECT 1 FROM app_user WHERE email = 'banyak5@contoh.test'`)).toEqual([]);
  });
});

describe("organisations are scoped to their members", () => {
  it("donor B cannot change donor A's organisation, even by naming it", async () => {
    const donorA = await userIdByEmail("donor@ksbb.test");
    const [a] = await sql<{ organisation_id: string; name: string }>(
      `SELECT u.organisation_id, o.name FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [donorA],
    );
    const [b] = await sql<{ id: string; organisation_id: string }>(
      `SELECT id, organisation_id FROM app_user WHERE role = 'DONOR' AND organisation_id <> $1 ORDER BY id LIMIT 1`,
      [a!.organisation_id],
    );
    await expect(async () => {
      actAs(b!.id);
      await requireOrgMember(a!.organisation_id);
    }).rejects.toMatchObject({ code: "NOT_FOUND" });
    actAs(b!.id);
    const result = await updateOrganisationAction(null, form({ organisationId: a!.organisation_id, organisationName: "Diambil Alih" }));
    expect(result?.ok).toBe(true);
    const [after] = await sql<{ name: string }>(`SELECT name FROM organisation WHERE id = $1`, [a!.organisation_id]);
    expect(after!.name).toBe(a!.name);
    expect((await sql<{ name: string }>(`SELECT name FROM organisation WHERE id = $1`, [b!.organisation_id]))[0]!.name).toBe(
      "Diambil Alih",
    );
  });

  it("a deactivated user loses access on the next action, whatever their session says", async () => {
    const staff = await userIdByEmail("staf@ksbb.test");
    const [pending] = await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE verification_status = 'PENDING' AND kind <> 'CITY_OFFICE' ORDER BY id LIMIT 1`,
    );
    await sql(`UPDATE app_user SET active = false WHERE id = $1`, [staff]);
    actAs(staff);
    expect(await verifyOrganisationAction(null, form({ organisationId: pending!.id, status: "PENDING" }))).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    await sql(`UPDATE app_user SET active = true, role = 'DONOR' WHERE id = $1`, [staff]);
    expect(await verifyOrganisationAction(null, form({ organisationId: pending!.id, status: "PENDING" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await sql<{ s: string }>(`SELECT verification_status::text AS s FROM organisation WHERE id = $1`, [pending!.id]))[0]!.s).toBe(
      "PENDING",
    );
    await sql(`UPDATE app_user SET role = 'CITY_STAFF' WHERE id = $1`, [staff]);
  });
});

describe("invitations", () => {
  it("the first user invites a member, who joins once with the link", async () => {
    const inviter = await userIdByEmail("agregator@ksbb.test");
    actAs(inviter);
    const invited = await inviteMemberAction(null, form({ email: "relawan@contoh.test" }));
    expect(invited?.ok).toBe(true);
    const token = (invited as unknown as { data: { link: string } }).data.link.split("/").pop()!;
    actAs(null, freshIp());
    await acceptInvitationAction(null, form({ token, name: "Relawan Baru", ...PASSWORDS }));
    const [member] = await sql<{ role: string; org: string }>(
      `SELECT u.role::text AS role, u.organisation_id AS org FROM app_user u WHERE email = 'relawan@contoh.test'`,
    );
    expect(member).toEqual({
      role: "AGGREGATOR",
      org: (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE id = $1`, [inviter]))[0]!.o,
    });
    const again = await acceptInvitationAction(null, form({ token, name: "Orang Lain", ...PASSWORDS }));
    expect(again).toMatchObject({ ok: false, code: "INVALID" });
  });
});

describe("limit tables are pruned", () => {
  it("deletes attempts and hits older than a day and ended sessions, and keeps the rest", async () => {
    const { pruneLimitRows } = await import("@/lib/auth/rate-limit.ts");
    const user = await userIdByEmail("donor@ksbb.test");
    await sql(
      `INSERT INTO sign_in_attempt (email, succeeded, created_at) VALUES ('old@contoh.test', false, now() - interval '2 days'), ('new@contoh.test', false, now())`,
    );
    await sql(`INSERT INTO rate_limit_hit (bucket, created_at) VALUES ('old', now() - interval '2 days'), ('new', now())`);
    await sql(
      `INSERT INTO user_session (id, user_id, created_at, expires_at, revoked_at) VALUES
      ('s-expired', $1, now() - interval '9 hours', now() - interval '1 hour', NULL),
      ('s-revoked', $1, now() - interval '3 days', now() + interval '1 hour', now() - interval '2 days'),
      ('s-live', $1, now(), now() + interval '8 hours', NULL)`,
      [user],
    );
    expect(await pruneLimitRows()).toBeGreaterThanOrEqual(4);
    expect(await sql(`SELECT email FROM sign_in_attempt WHERE email IN ('old@contoh.test', 'new@contoh.test')`)).toEqual([
      { email: "new@contoh.test" },
    ]);
    expect(await sql(`SELECT bucket FROM rate_limit_hit WHERE bucket IN ('old', 'new')`)).toEqual([{ bucket: "new" }]);
    expect(await sql(`SELECT id FROM user_session WHERE id LIKE 's-%' ORDER BY id`)).toEqual([{ id: "s-live" }]);
  });
});
