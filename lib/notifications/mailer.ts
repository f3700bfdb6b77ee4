import "server-only";
import nodemailer from "nodemailer";
import { dbHandle } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";

// The outbox is a durable queue (docs/decisions/0018-background-jobs-pg-boss.md). A run
// leases a batch (SENDING until lease_until) with FOR UPDATE SKIP LOCKED, so two senders
// never hold one mail at once; each mail is marked SENT only after the SMTP server took
// it. A sender that stops mid-batch leaves SENDING rows whose lease runs out, and the
// next run claims them again: at-least-once. A claim counts as an attempt, so a mail
// that keeps failing (or keeps crashing its sender) stops after MAX_ATTEMPTS as FAILED.

export const MAX_ATTEMPTS = 5;
export const LEASE_MINUTES = 5;

/** Minutes to wait after the nth failed attempt: 2, 8, 32, 128. */
export function backoffMinutes(attempt: number): number {
  return 2 * 4 ** (Math.max(1, attempt) - 1);
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part; absent: a text-only mail. */
  html?: string;
}

/** Delivers one mail or throws; tests pass their own. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SendOptions {
  limit?: number;
  transport?: MailTransport;
}

interface ClaimedMail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  html: string | null;
  attempts: number;
  created_at: Date;
}

// A sender that stopped during a mail's last allowed attempt: that mail is given up too.
const GIVE_UP_SQL = `
  UPDATE email_outbox
     SET status = 'FAILED'::"EmailStatus", lease_until = NULL, last_error = COALESCE(last_error, 'sender stopped while sending')
   WHERE status = 'SENDING'::"EmailStatus" AND lease_until < now() AND attempts >= $1`;

const CLAIM_SQL = `
  UPDATE email_outbox
     SET status = 'SENDING'::"EmailStatus", lease_until = now() + interval '${LEASE_MINUTES} minutes', attempts = attempts + 1
   WHERE id IN (
     SELECT id FROM email_outbox
      WHERE status IN ('PENDING'::"EmailStatus", 'SENDING'::"EmailStatus")
        AND next_attempt_at <= now()
        AND (lease_until IS NULL OR lease_until < now())
        AND attempts < $2
      ORDER BY created_at, id
      FOR UPDATE SKIP LOCKED
      LIMIT $1)
  RETURNING id, to_address, subject, body, html, attempts, created_at`;

// Only a row this run still holds is marked: status SENDING with the lease it set.
const MARK_SENT_SQL = `
  UPDATE email_outbox
     SET status = 'SENT'::"EmailStatus", sent_at = now(), lease_until = NULL, last_error = NULL, body = $2, html = $3
   WHERE id = $1 AND status = 'SENDING'::"EmailStatus"`;

const MARK_FAILED_SQL = `
  UPDATE email_outbox
     SET status = CASE WHEN attempts >= $3 THEN 'FAILED'::"EmailStatus" ELSE 'PENDING'::"EmailStatus" END,
         lease_until = NULL,
         last_error = $2,
         next_attempt_at = now() + make_interval(mins => $4::int)
   WHERE id = $1 AND status = 'SENDING'::"EmailStatus"`;

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html && { html: mail.html }) });
    },
    close: () => transport.close(),
  };
}

/**
 * Sends what the outbox holds that is due, when SMTP is configured (or a transport is
 * given). Returns how many mails the SMTP server accepted in this run.
 */
export async function sendOutbox(options: SendOptions = {}): Promise<number> {
  const env = readEnv();
  if (!options.transport && !env.SMTP_URL) return 0;
  const sql = dbHandle();
  await sql.query(GIVE_UP_SQL, [MAX_ATTEMPTS]);
  const claimed = await sql.query<ClaimedMail>(CLAIM_SQL, [options.limit ?? 50, MAX_ATTEMPTS]);
  if (claimed.length === 0) return 0;
  claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  const transport = options.transport ?? smtpTransport(env.SMTP_URL!, env.MAIL_FROM);
  let sent = 0;
  try {
    for (const mail of claimed) {
      try {
        await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.body, ...(mail.html && { html: mail.html }) });
      } catch (error) {
        // The SMTP server refused or could not be reached: recorded on the row, tried again later.
        const message = error instanceof Error ? error.message : String(error);
        console.warn(`[mail] ${mail.id} to ${mail.to_address}: attempt ${mail.attempts} failed: ${message}`);
        await sql.query(MARK_FAILED_SQL, [mail.id, message.slice(0, 500), MAX_ATTEMPTS, backoffMinutes(mail.attempts)]);
        continue;
      }
      // A failure here (the database) propagates: the row keeps its lease and is sent again later.
      await sql.query(MARK_SENT_SQL, [mail.id, withoutLinkTokens(mail.body), mail.html && withoutLinkTokens(mail.html)]);
      sent += 1;
    }
  } finally {
    transport.close();
  }
  return sent;
}

/**
 * A sent mail's body without the secret part of its one-time links (password reset,
 * address confirmation): once delivered, the outbox need not hold a key to an account.
 */
export function withoutLinkTokens(body: string): string {
  return body.replace(/(\/masuk\/atur-ulang\/|\/konfirmasi\/)[A-Za-z0-9_-]+/g, "$1[dikirim/sent]");
}
