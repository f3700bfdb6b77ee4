import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerAggregatorAction, registerDonorAction } from "@/lib/accounts/actions.ts";
import { checkCredentials } from "@/lib/auth/credentials.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { createPledgeAction } from "@/lib/pledges/actions.ts";
import { requestPasswordResetAction } from "@/lib/recovery/actions.ts";
import {
  confirmEmail,
  requestPasswordReset,
  RESET_REQUESTS_PER_EMAIL_PER_HOUR,
  RESET_REQUESTS_PER_IP_PER_HOUR,
  resetPassword,
} from "@/lib/recovery/service.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { redirectDigest } from "@/tests/helpers/actions.ts";

const count = async (table: string) => Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const mailsTo = (address: string) =>
  sql<{ subject: string; body: string }>(`SELECT subject, body FROM email_outbox WHERE to_address = $1 ORDER BY created_at DESC, id`, [
    address,
  ]);
const linkToken = (body: string, path: string) => body.match(new RegExp(`http://localhost:3000${path}/([A-Za-z0-9_-]+)`))?.[1];
const NEW_PASSWORD = "nasi uduk kebon kacang";
const PASSWORDS = { password: "rujak cingur pedas manis", passwordConfirm: "rujak cingur pedas manis" };
let n = 0;
const freshIp = () => `198.18.${Math.floor(++n / 250)}.${n % 250}`;

/** A donor with a password and an address of their own, to reset without disturbing the demo accounts. */
async function donorWithAddress(): Promise<{ id: string; email: string }> {
  const email = `pulih-${randomUUID().slice(0, 8)}@contoh.test`;
  actAs(null, freshIp());
  await registerDonorAction(null, form({ kind: "INDIVIDUAL", name: "Rina Pulih", email, ...PASSWORDS }));
  return { id: await userIdByEmail(email), email };
}

/** Requests a reset link and returns the token the e-mail carries. */
async function resetLink(email: string, now = new Date()): Promise<string> {
  await requestPasswordReset(email, freshIp(), now);
  const token = linkToken((await mailsTo(email))[0]!.body, "/masuk/atur-ulang");
  expect(token).toBeDefined();
  return token!;
}

describe("password reset", () => {
  it("sends a link in both languages that works once, and stores only the link's hash", async () => {
    const { email } = await donorWithAddress();
    const token = await resetLink(email);
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toContain("Atur ulang kata sandi");
    expect(mail!.body).toContain("Seseorang (semoga Anda)");
    expect(mail!.body).toContain("Someone (hopefully you)");

    const rows = await sql<{ token_hash: string; row: string }>(
      `SELECT token_hash, row_to_json(t)::text AS row FROM account_token t WHERE purpose = 'PASSWORD_RESET'`,
    );
    expect(rows.map((r) => r.token_hash)).toContain(createHash("sha256").update(token).digest("hex"));
    expect(rows.filter((r) => r.row.includes(token))).toEqual([]);

    await resetPassword(token, NEW_PASSWORD);
    expect((await checkCredentials(email, NEW_PASSWORD, freshIp())).ok).toBe(true);
    expect(await checkCredentials(email, PASSWORDS.password, freshIp())).toEqual({ ok: false, reason: "invalid" });
    await expect(resetPassword(token, "lagi lagi kata sandi baru")).rejects.toMatchObject({ messageKey: "resetLinkInvalid" });
    expect((await checkCredentials(email, NEW_PASSWORD, freshIp())).ok).toBe(true);
  });

  it("refuses a link older than 30 minutes", async () => {
    const { email } = await donorWithAddress();
    const sent = new Date();
    const late = await resetLink(email, sent);
    await expect(resetPassword(late, NEW_PASSWORD, new Date(sent.getTime() + 30 * 60_000 + 1000))).rejects.toMatchObject({
      messageKey: "resetLinkInvalid",
    });
    const inTime = await resetLink(email, sent);
    await resetPassword(inTime, NEW_PASSWORD, new Date(sent.getTime() + 29 * 60_000));
    expect((await checkCredentials(email, NEW_PASSWORD, freshIp())).ok).toBe(true);
  });

  it("ends every session of the user, and audits the reset", async () => {
    const { id, email } = await donorWithAddress();
    for (const sid of ["sid_a", "sid_b", "sid_c"]) {
      await sql(`INSERT INTO user_session (id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [`${sid}_${id}`, id]);
    }
    await resetPassword(await resetLink(email), NEW_PASSWORD);
    expect(await sql(`SELECT id FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`, [id])).toEqual([]);
    expect(await sql(`SELECT action FROM audit_event WHERE entity_id = $1 AND action = 'user.password_reset'`, [id])).toHaveLength(1);
  });

  it("answers an unknown address exactly as a known one, sends it nothing, and takes as long", async () => {
    const { email } = await donorWithAddress();
    const unknown = `tidak-ada-${randomUUID().slice(0, 8)}@contoh.test`;
    const answers = [];
    for (const address of [email, unknown]) {
      actAs(null, freshIp());
      const started = performance.now();
      answers.push({ result: await requestPasswordResetAction(null, form({ email: address })), ms: performance.now() - started });
    }
    expect(answers[0]!.result).toEqual(answers[1]!.result);
    expect(answers[0]!.result).toMatchObject({ ok: true, message: expect.stringContaining("Jika ada akun dengan alamat itu") });
    for (const answer of answers) expect(answer.ms).toBeGreaterThanOrEqual(490);
    expect(await mailsTo(email)).toHaveLength(2);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it("limits requests per address and per e-mail, known or not", async () => {
    const now = new Date();
    const email = `batas-${randomUUID().slice(0, 8)}@contoh.test`;
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL_PER_HOUR; i++) await requestPasswordReset(email, freshIp(), now);
    await expect(requestPasswordReset(email, freshIp(), now)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "tooManyResetRequests",
    });
    // An hour later the address may ask again.
    await requestPasswordReset(email, freshIp(), new Date(now.getTime() + 60 * 60_000 + 1000));

    const ip = freshIp();
    for (let i = 0; i < RESET_REQUESTS_PER_IP_PER_HOUR; i++)
      await requestPasswordReset(`ip${i}-${randomUUID().slice(0, 6)}@contoh.test`, ip, now);
    await expect(requestPasswordReset("donor@ksbb.test", ip, now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("e-mail confirmation", () => {
  it("refuses a pledge until the address is confirmed through the e-mailed link", async () => {
    const { id, email } = await donorWithAddress();
    const need = await freshNeed(100);
    const pledge = () =>
      createPledgeAction(
        null,
        form({ needId: need.id, quantity: "1", deliveryMode: "DIRECT", plannedDeliveryOn: jakartaToday(), idempotencyKey: randomUUID() }),
      );
    actAs(id);
    expect(await pledge()).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringContaining("Konfirmasi alamat email Anda"),
    });
    expect(Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pledge WHERE need_id = $1`, [need.id]))[0]!.n)).toBe(0);

    const [mail] = (await mailsTo(email)).filter((m) => m.subject.includes("Konfirmasi alamat email"));
    expect(mail!.body).toContain("Confirm that this address is yours");
    const token = linkToken(mail!.body, "/konfirmasi")!;
    await confirmEmail(token);
    await expect(confirmEmail(token)).rejects.toMatchObject({ messageKey: "confirmLinkInvalid" });
    actAs(id);
    expect(await pledge()).toMatchObject({ ok: true });
  });
});

describe("registration with an address that has an account", () => {
  const redirectOf = async (run: () => Promise<unknown>) => {
    try {
      return await run();
    } catch (error) {
      return redirectDigest(error) ?? error;
    }
  };

  it.each([
    ["donor", () => registerDonorAction(null, form({ kind: "INDIVIDUAL", name: "Penyusup", email: "donor@ksbb.test", ...PASSWORDS }))],
    [
      "aggregator",
      () =>
        registerAggregatorAction(
          null,
          form({
            organisationName: "Agregator Tiruan",
            name: "Penyusup",
            email: "donor@ksbb.test",
            phone: "081234567890",
            "kelurahan[]": ["31.71.01.1001"],
            capacity: "10",
            ...PASSWORDS,
          }),
        ),
    ],
  ])("as a %s: creates nothing, goes where every registration goes, and mails the owner once", async (_kind, register) => {
    const tables = ["organisation", "app_user", "audit_event", "account_token", "user_session"];
    const before = await Promise.all(tables.map(count));
    const ownerMails = (await mailsTo("donor@ksbb.test")).length;
    actAs(null, freshIp());
    expect(await redirectOf(register)).toMatch(/^NEXT_REDIRECT;\w+;\/daftar\/periksa-email;/);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const mails = await mailsTo("donor@ksbb.test");
    expect(mails).toHaveLength(ownerMails + 1);
    expect(mails[0]!.subject).toContain("Percobaan pendaftaran");
    expect(mails[0]!.body).toContain("http://localhost:3000/masuk/lupa");
    expect(mails[0]!.body).toContain("Someone tried to register");
  });
});
