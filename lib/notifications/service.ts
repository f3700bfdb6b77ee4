import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { noticeMail, noticePath } from "./mail.ts";

export interface Notice {
  userIds: string[];
  /** Key under "notifications" in the message files. */
  kind: string;
  pledgeId?: string;
  params?: Record<string, string | number>;
  /** Shown in the e-mail only (a staff member's reason for a decision). */
  reason?: string | null;
}

// Notices are written in the same transaction as the change they report, so nobody
// is told about a change that was rolled back. E-mail copies go to the outbox, each in
// its recipient's language (lib/notifications/mail.ts); a sender delivers them when SMTP
// is configured. Staff who chose the daily digest get the notice in the app only, and
// the digest (lib/notifications/digest.ts) sums up what waits for them.
export async function notify(tx: Prisma.TransactionClient, notice: Notice) {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  const params = notice.params ?? {};
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: notice.kind, pledgeId: notice.pledgeId ?? null, params })),
  });
  const recipients = await tx.user.findMany({
    where: { id: { in: userIds }, active: true },
    select: { email: true, locale: true, role: true, staffMail: true },
  });
  const path = noticePath(notice.kind, notice.pledgeId);
  const mailParams = notice.reason ? { ...params, reason: notice.reason } : params;
  await tx.emailOutbox.createMany({
    data: recipients.filter(wantsEachMail).map((recipient) => {
      const mail = noticeMail({ kind: notice.kind, params: mailParams, locale: recipient.locale, path });
      return { toAddress: recipient.email, subject: mail.subject, body: mail.text, html: mail.html };
    }),
  });
}

/** Everyone gets a mail per notice, except staff who chose the daily digest. */
export function wantsEachMail(user: { role: string; staffMail: string }): boolean {
  return !(user.role === "CITY_STAFF" || user.role === "ADMIN") || user.staffMail === "IMMEDIATE";
}

/** Members of the given organisations who should hear about a pledge. */
export async function organisationMembers(tx: Prisma.TransactionClient, organisationIds: (string | null | undefined)[]) {
  const ids = organisationIds.filter((id): id is string => !!id);
  const users = await tx.user.findMany({ where: { organisationId: { in: ids }, active: true }, select: { id: true } });
  return users.map((user) => user.id);
}

/** City staff of the office that owns the program a need belongs to: they hear of its pledges. */
export async function officeStaff(tx: Prisma.TransactionClient, needId: string) {
  const users = await tx.user.findMany({
    where: { role: "CITY_STAFF", active: true, organisation: { ownedPrograms: { some: { needs: { some: { id: needId } } } } } },
    select: { id: true },
  });
  return users.map((user) => user.id);
}
