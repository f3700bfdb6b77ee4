import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/state.ts";
import { retryMailAction } from "@/lib/notifications/actions.ts";
import { MAX_ATTEMPTS, sendOutbox, type MailTransport } from "@/lib/notifications/mailer.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from "@/tests/helpers/smtp-catcher.ts";

// Issue 13: the outbox delivers every mail even when the mail server or the sender stops
// in the middle of a batch, and gives up on an address that is refused for good.

const catchers: SmtpCatcher[] = [];

async function catcher(options: Parameters<typeof startSmtpCatcher>[0] = {}) {
  const started = await startSmtpCatcher(options);
  catchers.push(started);
  process.env.SMTP_URL = started.url;
  return started;
}

async function queue(addresses: string[]) {
  for (const [index, address] of addresses.entries()) {
    // Distinct creation times: the sender goes oldest first.
    await sql(
      `INSERT INTO email_outbox (to_address, subject, body, created_at) VALUES ($1, $2, 'Isi', now() - make_interval(secs => $3))`,
      [address, `[KSBB] ${address}`, 100 - index],
    );
  }
}

/** The next attempt is due now, as if the backoff had passed. */
const backoffPassed = () => sql(`UPDATE email_outbox SET next_attempt_at = now() - interval '1 second' WHERE status = 'PENDING'`);
const receivedBy = (inbox: CaughtMail[], address: string) => inbox.filter((mail) => mail.to.includes(address)).length;
const rows = () =>
  sql<{ to_address: string; status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>(
    `SELECT to_address, status::text AS status, attempts, last_error, next_attempt_at FROM email_outbox ORDER BY to_address`,
  );

beforeEach(async () => {
  // Only this test's mails (the seed's own stay out of the way).
  await sql(`DELETE FROM email_outbox`);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  for (const started of catchers) await started.close();
});

describe("mail delivery", () => {
  it("delivers each mail exactly once when the mail server stops after three of six and comes back", async () => {
    const addresses = [1, 2, 3, 4, 5, 6].map((n) => `warga${n}@ksbb.test`);
    await queue(addresses);
    const first = await catcher({ stopAfter: 3 });

    expect(await sendOutbox()).toBe(3);
    const afterStop = await rows();
    expect(afterStop.filter((row) => row.status === "SENT").map((row) => row.to_address)).toEqual(addresses.slice(0, 3));
    for (const row of afterStop.slice(3)) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      // The first backoff: two minutes.
      expect(row.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(90_000);
    }
    // Before the backoff has passed nothing is tried, even with the server back.
    await first.close();
    const second = await catcher({ port: first.port, inbox: first.inbox });
    expect(await sendOutbox()).toBe(0);

    await backoffPassed();
    expect(await sendOutbox()).toBe(3);
    for (const address of addresses) expect(receivedBy(second.inbox, address), address).toBe(1);
    expect((await rows()).every((row) => row.status === "SENT")).toBe(true);
    expect(await sendOutbox()).toBe(0);
    expect(second.inbox).toHaveLength(6);
  });

  it("sends again a mail whose sender stopped before marking it, but only once its lease ran out", async () => {
    await queue(["lease@ksbb.test"]);
    const smtp = await catcher();
    // A sender that delivers and then never returns: the process "crashed" between
    // sending and marking the mail SENT.
    let delivered = 0;
    const stalled: MailTransport = {
      async send() {
        delivered += 1;
        await new Promise(() => undefined);
      },
      close: () => undefined,
    };
    void sendOutbox({ transport: stalled });
    await expect.poll(() => delivered).toBe(1);
    expect((await rows())[0]).toMatchObject({ status: "SENDING", attempts: 1 });

    // Another sender meanwhile: the lease holds, nothing is sent twice.
    expect(await sendOutbox()).toBe(0);
    expect(receivedBy(smtp.inbox, "lease@ksbb.test")).toBe(0);

    // Five minutes later the lease has run out: at-least-once, it goes out again.
    await sql(`UPDATE email_outbox SET lease_until = now() - interval '1 second'`);
    expect(await sendOutbox()).toBe(1);
    expect(receivedBy(smtp.inbox, "lease@ksbb.test")).toBe(1);
    expect((await rows())[0]).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("gives up on an address refused with 550 after exactly five attempts, and the others are delivered", async () => {
    await queue(["ditolak@ksbb.test", "a@ksbb.test", "b@ksbb.test"]);
    const smtp = await catcher({ rejectRecipient: (address) => address === "ditolak@ksbb.test" });

    expect(await sendOutbox()).toBe(2);
    expect(receivedBy(smtp.inbox, "a@ksbb.test")).toBe(1);
    expect(receivedBy(smtp.inbox, "b@ksbb.test")).toBe(1);
    for (let run = 2; run <= MAX_ATTEMPTS + 2; run++) {
      await backoffPassed();
      expect(await sendOutbox()).toBe(0);
    }
    const refused = (await rows()).find((row) => row.to_address === "ditolak@ksbb.test")!;
    expect(refused).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(refused.last_error).toContain("550");
    expect(smtp.offered.filter((address) => address === "ditolak@ksbb.test")).toHaveLength(MAX_ATTEMPTS);
    expect(receivedBy(smtp.inbox, "ditolak@ksbb.test")).toBe(0);
    expect(smtp.inbox).toHaveLength(2);
  });

  it("lets staff, and only staff, put a FAILED mail back in the queue, with an audit event", async () => {
    await queue(["gagal@ksbb.test"]);
    await sql(`UPDATE email_outbox SET status = 'FAILED', attempts = 5, last_error = '550 mailbox unavailable'`);
    const [{ id }] = (await sql<{ id: string }>(`SELECT id FROM email_outbox`)) as [{ id: string }];

    actAs(await userIdByEmail("donor@ksbb.test"));
    const refused = (await retryMailAction(null, form({ mailId: id, status: "FAILED" }))) as Exclude<ActionState, null>;
    expect(refused.ok).toBe(false);
    expect((await rows())[0]).toMatchObject({ status: "FAILED", attempts: 5 });

    actAs(await userIdByEmail("staf@ksbb.test"));
    await expect(retryMailAction(null, form({ mailId: id, status: "FAILED" }))).rejects.toMatchObject({
      digest: expect.stringContaining("/staf/surel?status=FAILED&retried=1"),
    });
    expect((await rows())[0]).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await sql(`SELECT action, to_status FROM audit_event WHERE entity_type = 'email' AND entity_id = $1`, [id])).toEqual([
      { action: "email.retried", to_status: "PENDING" },
    ]);

    // A second retry of the same mail is refused: it is no longer FAILED.
    const again = (await retryMailAction(null, form({ mailId: id, status: "FAILED" }))) as Exclude<ActionState, null>;
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
