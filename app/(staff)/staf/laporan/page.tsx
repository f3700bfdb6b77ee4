import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { pageParam } from "@/lib/pagination.ts";
import { reportQueue, reportSubject } from "@/lib/reports/queries.ts";
import { REPORT_STATUSES, isEmailContact, reportHref } from "@/lib/reports/schema.ts";
import { ReportDecision } from "./_components/report-decision.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.queue"))("title") };
}

const params = z.object({
  status: z.enum(REPORT_STATUSES).catch("NEW"),
  page: pageParam,
  // After a decision (lib/reports/actions.ts): what changed, for the confirmation.
  diubah: z.enum(["IN_REVIEW", "RESOLVED", "REJECTED"]).optional().catch(undefined),
  ref: z
    .string()
    .regex(/^LP-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    .optional()
    .catch(undefined),
  surel: z.literal("1").optional().catch(undefined),
});

// Staff triage of public reports: new ones first, oldest first.
export default async function ReportQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/laporan", STAFF_ROLES);
  const { status, page, diubah, ref, surel } = params.parse(await searchParams);
  const [result, t, tReports, format] = await Promise.all([
    reportQueue(caller, status, page),
    getTranslations("reports.queue"),
    getTranslations("reports"),
    getFormatter(),
  ]);
  // What each report is about, by name; null when it is gone or no longer public.
  const subjects = await Promise.all(result.reports.map((report) => reportSubject(report.subjectKind, report.subjectId)));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" });
  const open = status === "NEW" || status === "IN_REVIEW";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {diubah && ref && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {`${ref}: ${tReports(`changed.${diubah}`)}${surel ? ` ${tReports("replyMailed")}` : ""}`}
        </p>
      )}
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2">
        {REPORT_STATUSES.map((option) => (
          <Link
            key={option}
            href={`/staf/laporan?status=${option}`}
            aria-current={option === status ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t(`tabs.${option}`, { count: result.countByStatus[option] ?? 0 })}
          </Link>
        ))}
      </nav>
      {result.reports.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="space-y-4" aria-label={t("listLabel", { status: tReports(`status.${status}`) })}>
          {result.reports.map((report, index) => (
            <li key={report.id} className="card space-y-3 p-4" data-report={report.reference}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold text-ink">
                  {report.reference} · {tReports(`categories.${report.category}`)}
                </h2>
                <p className="text-xs text-slate-600">{t("received", { date: when(report.createdAt) })}</p>
              </div>
              <p className="text-sm">
                <span className="text-slate-600">{tReports(`subject.${report.subjectKind}`)}: </span>
                <Link
                  href={subjects[index]?.href ?? reportHref(report.subjectKind, report.subjectId)}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {subjects[index]?.title ?? report.subjectId}
                </Link>
                {subjects[index]?.place && <span className="text-slate-700"> · {subjects[index]!.place}</span>}
              </p>
              <p className="text-sm whitespace-pre-line text-slate-800">{report.description}</p>
              <p className="text-sm">
                <span className="text-slate-600">{t("contact")}: </span>
                {report.contact ? <span className="break-all">{report.contact}</span> : t("noContact")}
                {report.contact && !isEmailContact(report.contact) && (
                  <span className="block text-xs text-slate-600">{t("replyByPhone")}</span>
                )}
              </p>
              {open ? (
                <ReportDecision reportId={report.id} status={report.status} reference={report.reference} />
              ) : (
                <div className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                  <p className="text-xs text-slate-600">
                    {t("closed", { date: report.closedAt ? when(report.closedAt) : "", name: report.handledBy?.name ?? "" })}
                  </p>
                  <p className="whitespace-pre-line">{report.reply}</p>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => `/staf/laporan?status=${status}&page=${p}`} />
    </div>
  );
}
