import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { readEnv } from "@/lib/env.ts";
import { MAX_ATTEMPTS } from "@/lib/notifications/mailer.ts";
import { outboxPage } from "@/lib/notifications/outbox.ts";
import { OUTBOX_STATUSES } from "@/lib/notifications/schema.ts";
import { pageParam } from "@/lib/pagination.ts";
import { RetryForm } from "./_components/retry-form.tsx";
import { ScrollRegion } from "@/components/scroll-region.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

// FAILED first: the mails that need someone.
const params = z.object({
  status: z.enum(OUTBOX_STATUSES).catch("FAILED"),
  page: pageParam,
  retried: z.literal("1").optional().catch(undefined),
});

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/surel", STAFF_ROLES);
  const { status, page, retried } = params.parse(await searchParams);
  const [result, t, format] = await Promise.all([outboxPage(caller, status, page), getTranslations("outbox"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("none"));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead", { max: MAX_ATTEMPTS })} />
      {retried && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("retried")}
        </p>
      )}
      {!readEnv().SMTP_URL && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("smtpOff")}</p>
      )}
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2">
        {OUTBOX_STATUSES.map((option) => (
          <Link
            key={option}
            href={`/staf/surel?status=${option}`}
            aria-current={option === status ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t(`tabs.${option}`, { count: result.countByStatus[option] ?? 0 })}
          </Link>
        ))}
      </nav>
      {result.mails.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ScrollRegion label={t("title")}>
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption className="sr-only">{t("tableCaption", { status: t(`status.${status}`), page, pageCount: result.pageCount })}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("to")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("subject")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("statusColumn")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("attempts")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("lastError")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {status === "SENT" ? t("sentAt") : t("nextAttempt")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("createdAt")}
                </th>
                {status === "FAILED" && (
                  <th scope="col" className="px-3 py-2 font-semibold">
                    <span className="sr-only">{t("retry")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.mails.map((mail) => (
                <tr key={mail.id} className="align-top">
                  <td className="px-3 py-2 font-medium break-all">{mail.toAddress}</td>
                  <td className="px-3 py-2">{mail.subject}</td>
                  <td className="px-3 py-2">{t(`status.${mail.status}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{format.number(mail.attempts)}</td>
                  <td className="max-w-64 px-3 py-2 break-words text-slate-700">{mail.lastError ?? t("none")}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {status === "SENT" ? when(mail.sentAt) : status === "FAILED" ? t("none") : when(mail.nextAttemptAt)}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{when(mail.createdAt)}</td>
                  {status === "FAILED" && (
                    <td className="px-3 py-2">
                      <RetryForm
                        mailId={mail.id}
                        status={status}
                        labels={{ retry: t("retry"), retrying: t("retrying"), retryLabel: t("retryLabel", { to: mail.toAddress }) }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => `/staf/surel?status=${status}&page=${p}`} />
    </div>
  );
}
