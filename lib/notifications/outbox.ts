import "server-only";
import { ActionError } from "@/lib/actions/errors.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { assertStaff, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import type { EmailStatus } from "@/lib/generated/prisma/enums.ts";

// The staff view of the e-mail outbox (/staf/surel). Bodies are never read here: they
// may still hold one-time links until the mail is sent.

export const OUTBOX_PAGE_SIZE = 25;

export async function outboxPage(caller: Caller, status: EmailStatus, page: number) {
  assertStaff(caller);
  const where = { status };
  const [total, mails, counts] = await Promise.all([
    db.emailOutbox.count({ where }),
    db.emailOutbox.findMany({
      where,
      // Failures and waiting mails oldest first (the ones to look at); sent ones newest first.
      orderBy: status === "SENT" ? [{ sentAt: "desc" }, { id: "desc" }] : [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
      },
    }),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const countByStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<EmailStatus, number>>;
  return { total, mails, countByStatus, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

/** Makes a FAILED mail due now with a fresh count of attempts, and records who did it. */
export async function retryFailedMail(caller: Caller, mailId: string) {
  assertStaff(caller);
  await db.$transaction(async (tx) => {
    const mail = await tx.emailOutbox.findUnique({
      where: { id: mailId },
      select: { id: true, status: true, attempts: true, lastError: true },
    });
    if (!mail) throw new NotFoundError();
    const updated = await tx.emailOutbox.updateMany({
      where: { id: mailId, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null },
    });
    // Someone retried it already (or it was never FAILED): nothing to do, and said so.
    if (updated.count !== 1) throw new ActionError("CONFLICT", "outbox.errors.notFailed");
    await recordAudit(tx, {
      actor: { id: caller.id, organisationId: caller.organisationId },
      entityType: "email",
      entityId: mail.id,
      action: "email.retried",
      fromStatus: "FAILED",
      toStatus: "PENDING",
      metadata: { attempts: mail.attempts },
    });
  });
}
