import "server-only";
import { createTranslator } from "next-intl";
import { readEnv } from "@/lib/env.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

// Account e-mails, in Indonesian then English in one message: the person may not have
// chosen a language yet (a registration attempt by someone else, a forgotten password).

type AccountMail =
  | { kind: "reset"; params: { link: string; minutes: number } }
  | { kind: "confirm"; params: { link: string; hours: number } }
  | { kind: "registeredAgain"; params: { signInLink: string; resetLink: string } };

const translators = [id, en].map((messages, i) => createTranslator({ locale: i === 0 ? "id" : "en", messages, namespace: "mail" }));

/** An absolute link into the portal, from PUBLIC_URL. */
export function portalLink(path: string): string {
  return readEnv().PUBLIC_URL.replace(/\/+$/, "") + path;
}

export function accountMail(mail: AccountMail): { subject: string; body: string } {
  const [subjects, bodies] = [translators.map((t) => t(`${mail.kind}Subject`)), translators.map((t) => t(`${mail.kind}Body`, mail.params))];
  return {
    subject: `[KSBB] ${subjects.join(" / ")}`,
    body: `${bodies[0]}\n\n---- English ----\n\n${bodies[1]}\n\n-- \nKSBB Jakarta`,
  };
}

/** Queues the e-mail in the outbox, in the transaction of the change it reports. */
export async function queueAccountMail(tx: Prisma.TransactionClient, to: string, mail: AccountMail) {
  const { subject, body } = accountMail(mail);
  await tx.emailOutbox.create({ data: { toAddress: to, subject, body } });
}
