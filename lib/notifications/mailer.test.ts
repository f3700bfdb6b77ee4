import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/tests/helpers/db.ts";
import { sendOutbox } from "./mailer.ts";

// A real SMTP conversation with a server on loopback.
const received: { to: string; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("e-mail", () => {
  it("stays in the outbox without SMTP, and is sent once when SMTP is configured", async () => {
    await sql(`INSERT INTO email_outbox (id, to_address, subject, body) VALUES ('mail_1', 'donor@ksbb.test', '[KSBB] uji', 'Isi pesan uji')`);
    delete process.env.SMTP_URL;
    expect(await sendOutbox()).toBe(0);
    expect(await sql(`SELECT sent_at FROM email_outbox WHERE id = 'mail_1'`)).toEqual([{ sent_at: null }]);

    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const pending = Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM email_outbox WHERE sent_at IS NULL`))[0]!.n);
    expect(await sendOutbox(10_000)).toBe(pending);
    expect(received.find((mail) => mail.data.includes("Isi pesan uji"))?.to).toBe("donor@ksbb.test");
    expect(await sendOutbox()).toBe(0);
    expect(received).toHaveLength(pending);
  });

  it("keeps no one-time link token in the outbox once the mail is sent", async () => {
    const token = "Zq8tokenRahasia_-1234567890abcdef";
    await sql(`INSERT INTO email_outbox (id, to_address, subject, body) VALUES ('mail_2', 'donor@ksbb.test', '[KSBB] reset', $1)`, [`Tautan: http://localhost:3000/masuk/atur-ulang/${token}`]);
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    await sendOutbox();
    // Quoted-printable folds long lines with "=" at the end; unfold before looking.
    expect(received.find((mail) => mail.data.includes("[KSBB] reset"))?.data.replace(/=\r?\n/g, "")).toContain(token);
    const [row] = await sql<{ body: string }>(`SELECT body FROM email_outbox WHERE id = 'mail_2'`);
    expect(row!.body).not.toContain(token);
    expect(row!.body).toContain("/masuk/atur-ulang/");
  });
});
