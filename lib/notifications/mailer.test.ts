import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/tests/helpers/db.ts";
import { startSmtpCatcher, type SmtpCatcher } from "@/tests/helpers/smtp-catcher.ts";
import { backoffMinutes, sendOutbox, withoutLinkTokens } from "./mailer.ts";

// A real SMTP conversation with a server on loopback. The crash, refusal and retry
// cases are in tests/integration/mail-delivery.test.ts.
let catcher: SmtpCatcher;

beforeAll(async () => {
  catcher = await startSmtpCatcher();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await catcher.close();
});

describe("e-mail", () => {
  it("stays in the outbox without SMTP, and is sent once when SMTP is configured", async () => {
    await sql(
      `INSERT INTO email_outbox (id, to_address, subject, body) VALUES ('mail_1', 'donor@ksbb.test', '[KSBB] uji', 'Isi pesan uji')`,
    );
    delete process.env.SMTP_URL;
    expect(await sendOutbox()).toBe(0);
    expect(await sql(`SELECT status, sent_at, attempts FROM email_outbox WHERE id = 'mail_1'`)).toEqual([
      { status: "PENDING", sent_at: null, attempts: 0 },
    ]);

    process.env.SMTP_URL = catcher.url;
    const [{ n: pending }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM email_outbox WHERE status = 'PENDING'`)) as [
      { n: number },
    ];
    expect(await sendOutbox({ limit: 10_000 })).toBe(pending);
    expect(catcher.inbox.find((mail) => mail.text.includes("Isi pesan uji"))?.to).toEqual(["donor@ksbb.test"]);
    expect(await sendOutbox()).toBe(0);
    expect(catcher.inbox).toHaveLength(pending);
    const [row] = await sql<{ status: string; sent_at: Date | null; attempts: number; lease_until: Date | null }>(
      `SELECT status, sent_at, attempts, lease_until FROM email_outbox WHERE id = 'mail_1'`,
    );
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lease_until: null });
    expect(row!.sent_at).toBeInstanceOf(Date);
  });

  it("keeps no one-time link token in the outbox once the mail is sent", async () => {
    const token = "Zq8tokenRahasia_-1234567890abcdef";
    await sql(`INSERT INTO email_outbox (id, to_address, subject, body) VALUES ('mail_2', 'donor@ksbb.test', '[KSBB] reset', $1)`, [
      `Tautan: http://localhost:3000/masuk/atur-ulang/${token}`,
    ]);
    process.env.SMTP_URL = catcher.url;
    await sendOutbox();
    expect(catcher.inbox.find((mail) => mail.subject === "[KSBB] reset")?.text).toContain(token);
    const [row] = await sql<{ body: string }>(`SELECT body FROM email_outbox WHERE id = 'mail_2'`);
    expect(row!.body).not.toContain(token);
    expect(row!.body).toContain("/masuk/atur-ulang/");
  });

  it("waits 2, 8, 32 and 128 minutes after failures, and removes only link tokens", () => {
    expect([1, 2, 3, 4].map(backoffMinutes)).toEqual([2, 8, 32, 128]);
    expect(withoutLinkTokens("a /konfirmasi/abc_-9 b /janji/x")).toBe("a /konfirmasi/[dikirim/sent] b /janji/x");
  });
});
