import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/page-header.tsx";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { noticePath, noticeSentence } from "@/lib/notifications/mail.ts";
import { notificationsFor } from "@/lib/notifications/queries.ts";
import { MarkReadForm } from "./_components/mark-read-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const caller = await requirePageUser("/pemberitahuan");
  const [{ notifications, outbox }, t, format, locale] = await Promise.all([
    notificationsFor(caller),
    getTranslations("notifications"),
    getFormatter(),
    getLocale(),
  ]);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
        {unread > 0 && <MarkReadForm />}
      </header>
      <p className="text-sm text-slate-700">{t("unread", { count: unread })}</p>
      {notifications.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-2">
          {notifications.map((notice) => {
            const text = noticeSentence(locale, notice.kind, notice.params as Record<string, unknown>) ?? t("unknown");
            return (
              <li
                key={notice.id}
                className={`rounded-lg border bg-white p-3 text-sm ${notice.readAt ? "border-slate-200" : "border-brand-700"}`}
              >
                <Link href={noticePath(notice.kind, notice.pledgeId)} className="font-medium hover:underline">
                  {text}
                </Link>
                <span className="block text-xs text-slate-600">
                  {format.dateTime(notice.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {outbox.length > 0 && (
        <section aria-labelledby="outbox-heading" className="space-y-2">
          <h2 id="outbox-heading" className="text-lg font-semibold text-ink">
            {t("outbox")}
          </h2>
          <p className="text-sm text-slate-700">{t("outboxLead")}</p>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {outbox.map((mail) => (
              <li key={mail.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span>{mail.toAddress}</span>
                <span className="text-slate-600">{mail.subject}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
