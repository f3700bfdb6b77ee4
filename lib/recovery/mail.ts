import "server-only";
import { htmlMail, translator } from "@/lib/notifications/mail.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

// Account e-mails, in Indonesian then English in one message: the person may not have
// chosen a language yet (a registration attempt by someone else, a forgotten password).

type AccountMail =
  | { kind: "reset"; params: { link: string; minutes: number } }
  | { kind: "confirm"; params: { link: string; hours: number } }
  | { kind: "registeredAgain"; params: { signInLink: string; resetLink: string } };

const translators = [translator("id", "mail"), translator("en", "mail")];

export { portalLink } from "@/lib/notifications/mail.ts";

export function accountMail(mail: AccountMail): { subject: string; body: string; html: string } {
  const [subjects, bodies] = [translators.map((t) => t(`${mail.kind}Subject`)), translators.map((t) => t(`${mail.kind}Body`, mail.params))];
  const subject = `[KSBB] ${subjects.join(" / ")}`;
  return {
    subject,
    body: `${bodies[0]}\n\n---- English ----\n\n${bodies[1]}\n\n-- \nKSBB Jakarta`,
    html: htmlMail("id", subject, [...bodies[0]!.split("\n\n"), "---- English ----", ...bodies[1]!.split("\n\n")]),
  };
}

/** Queues the e-mail in the outbox, in the transaction of the change it reports. */
export async function queueAccountMail(tx: Prisma.TransactionClient, to: string, mail: AccountMail) {
  const { subject, body, html } = accountMail(mail);
  await tx.emailOutbox.create({ data: { toAddress: to, subject, body, html } });
}
