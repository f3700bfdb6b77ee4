import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";

// Sends what the outbox holds, when SMTP is configured. Each row is claimed with a
// conditional update before it is sent, so two processes never send one twice; a
// failed send is released with its error for the next run.
export async function sendOutbox(limit = 50): Promise<number> {
  const env = readEnv();
  if (!env.SMTP_URL) return 0;
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const pending = await db.emailOutbox.findMany({ where: { sentAt: null }, orderBy: { createdAt: "asc" }, take: limit });
  let sent = 0;
  for (const mail of pending) {
    const claimed = await db.emailOutbox.updateMany({ where: { id: mail.id, sentAt: null }, data: { sentAt: new Date() } });
    if (claimed.count !== 1) continue;
    try {
      await transport.sendMail({ from: env.MAIL_FROM, to: mail.toAddress, subject: mail.subject, text: mail.body });
    } catch (error) {
      await db.emailOutbox.update({ where: { id: mail.id }, data: { sentAt: null, error: (error as Error).message.slice(0, 500) } });
      continue;
    }
    // Outside the try: a database failure after the mail went out must not release it to be sent again.
    await db.emailOutbox.update({ where: { id: mail.id }, data: { error: null, body: withoutLinkTokens(mail.body) } });
    sent += 1;
  }
  transport.close();
  return sent;
}

/**
 * A sent mail's body without the secret part of its one-time links (password reset,
 * address confirmation): once delivered, the outbox need not hold a key to an account.
 */
export function withoutLinkTokens(body: string): string {
  return body.replace(/(\/masuk\/atur-ulang\/|\/konfirmasi\/)[A-Za-z0-9_-]+/g, "$1[dikirim/sent]");
}

/** After a change committed: send its e-mails in the background; failures stay in the outbox. */
export function sendOutboxSoon() {
  if (!readEnv().SMTP_URL) return;
  setTimeout(() => void sendOutbox().catch((error: unknown) => console.error("[mail] sending failed", error)), 0);
}
