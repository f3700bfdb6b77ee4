import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export interface Notice {
  userIds: string[];
  /** Key under "notifications" in the message files. */
  kind: string;
  pledgeId?: string;
  params?: Record<string, string | number>;
}

// Notices are written in the same transaction as the change they report, so nobody
// is told about a change that was rolled back. E-mail copies go to the outbox; a
// sender (lib/notifications/mailer.ts) delivers them when SMTP is configured.
export async function notify(tx: Prisma.TransactionClient, notice: Notice) {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: notice.kind, pledgeId: notice.pledgeId ?? null, params: notice.params ?? {} })),
  });
  const recipients = await tx.user.findMany({ where: { id: { in: userIds }, active: true }, select: { email: true } });
  const reference = String(notice.params?.reference ?? "");
  await tx.emailOutbox.createMany({
    data: recipients.map((recipient) => ({
      toAddress: recipient.email,
      subject: outboxSubject(notice.kind, reference),
      body: outboxBody(notice.kind, reference, notice.pledgeId),
    })),
  });
}

/** The e-mail a notice becomes (createPledge writes the same in SQL). */
export const outboxSubject = (kind: string, reference: string) => `[KSBB] ${reference} ${kind}`.trim();
export const outboxBody = (kind: string, reference: string, pledgeId: string | null | undefined) =>
  `KSBB Jakarta: ${kind} ${reference}. Lihat rinciannya di portal / see the details in the portal: /janji/${pledgeId ?? ""}`;

/** Members of the given organisations who should hear about a pledge. */
export async function organisationMembers(tx: Prisma.TransactionClient, organisationIds: (string | null | undefined)[]) {
  const ids = organisationIds.filter((id): id is string => !!id);
  const users = await tx.user.findMany({ where: { organisationId: { in: ids }, active: true }, select: { id: true } });
  return users.map((user) => user.id);
}
