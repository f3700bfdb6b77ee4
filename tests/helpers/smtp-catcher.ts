import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// An SMTP server on loopback that keeps what it receives: the e2e mail catcher
// (tests/e2e/support/mail-catcher.ts) and the delivery tests use it. It can refuse a
// recipient (550, a permanent failure) and stop listening after n mails, as a mail
// server that goes away in the middle of a batch.

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, or "" for a text-only mail. */
  html: string;
}

export interface CatcherOptions {
  /** Port to listen on (0: any free one). */
  port?: number;
  /** Mails received land here (pass the same array to a restarted catcher). */
  inbox?: CaughtMail[];
  /** Recipients answered with 550. */
  rejectRecipient?: (address: string) => boolean;
  /** After this many mails (counted in this catcher) it stops taking connections. */
  stopAfter?: number;
}

export interface SmtpCatcher {
  port: number;
  url: string;
  inbox: CaughtMail[];
  /** Recipients offered to this catcher, refused ones included. */
  offered: string[];
  close(): Promise<void>;
}

export async function startSmtpCatcher(options: CatcherOptions = {}): Promise<SmtpCatcher> {
  const inbox = options.inbox ?? [];
  const offered: string[] = [];
  let received = 0;
  const smtp: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onRcptTo(address, _session, callback) {
      offered.push(address.address.toLowerCase());
      if (options.rejectRecipient?.(address.address.toLowerCase())) {
        const refusal = Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
        callback(refusal);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          inbox.unshift({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          received += 1;
          // Stop listening before this mail is acknowledged: the sender's next
          // connection is refused, whatever its timing.
          if (options.stopAfter !== undefined && received >= options.stopAfter) smtp.server.close();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    offered,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
