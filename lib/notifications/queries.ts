import "server-only";
import type { Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** The caller's latest notifications; staff also see the e-mail outbox when SMTP is not set. */
export async function notificationsFor(caller: Caller) {
  const [notifications, outbox] = await Promise.all([
    db.notification.findMany({ where: { userId: caller.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 50 }),
    caller.role === "CITY_STAFF" || caller.role === "ADMIN"
      ? db.emailOutbox.findMany({
          where: { sentAt: null },
          orderBy: { createdAt: "desc" },
          take: 20,
          select: { id: true, toAddress: true, subject: true, createdAt: true },
        })
      : Promise.resolve([]),
  ]);
  return { notifications, outbox };
}
