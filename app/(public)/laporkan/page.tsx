import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { firstValues } from "@/lib/coverage/schema.ts";
import { monthlyReportCounts, reportSubject } from "@/lib/reports/queries.ts";
import { subjectParams } from "@/lib/reports/schema.ts";
import { ReportForm } from "./_components/report-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title"), description: t("lead") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// /laporkan?tentang=need&id=… : the report form for one public thing, and the public
// monthly counts. Anyone may report; no account, no name, no ID number.
export default async function ReportPage({ searchParams }: { searchParams: SearchParams }) {
  const params = subjectParams.parse(firstValues(await searchParams));
  const [subject, counts, t, format] = await Promise.all([
    params.tentang && params.id ? reportSubject(params.tentang, params.id) : null,
    monthlyReportCounts(6),
    getTranslations("reports"),
    getFormatter(),
  ]);
  const asked = !!(params.tentang && params.id);
  const monthName = (month: string) =>
    format.dateTime(new Date(`${month}-15T00:00:00Z`), { month: "long", year: "numeric", timeZone: "Asia/Jakarta" });
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <PageHeader title={t("title")} lead={t("lead")} />
      {subject ? (
        <div className="space-y-4">
          <section aria-labelledby="report-about" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
            <h2 id="report-about" className="font-semibold text-ink">
              {t("about")}
            </h2>
            <p className="mt-1">
              <span className="text-slate-600">{t(`subject.${subject.kind}`)}: </span>
              <Link href={subject.href} className="font-medium text-brand-700 hover:underline">
                {subject.title}
              </Link>
            </p>
            {subject.place && <p className="text-slate-700">{subject.place}</p>}
            {subject.deliveredOn && (
              <p className="text-slate-700">
                {t("deliveredOn", { date: format.dateTime(subject.deliveredOn, { dateStyle: "long", timeZone: "UTC" }) })}
              </p>
            )}
          </section>
          <ReportForm subjectKind={subject.kind} subjectId={subject.id} />
        </div>
      ) : (
        <p role={asked ? "alert" : undefined} className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {asked ? t("unknownSubjectPage") : t("noSubject")}
        </p>
      )}
      <section aria-labelledby="report-counts" className="space-y-2">
        <h2 id="report-counts" className="text-xl font-bold text-ink">
          {t("countsTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("countsLead")}</p>
        <table className="w-full text-left text-sm" data-report-counts>
          <caption className="sr-only">{t("countsCaption")}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">
                {t("month")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">
                {t("received")}
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                {t("resolved")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {counts.map((row) => (
              <tr key={row.month} data-month={row.month}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {monthName(row.month)}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{format.number(row.received)}</td>
                <td className="py-2 text-right tabular-nums">{format.number(row.resolved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
