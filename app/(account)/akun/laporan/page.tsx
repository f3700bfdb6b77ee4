import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/page-header.tsx";
import { PrintButton } from "@/components/print-button.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { db } from "@/lib/db/index.ts";
import { portalLink } from "@/lib/notifications/mail.ts";
import { confirmedInYear, issueStatement } from "@/lib/receipts/queries.ts";
import { FIRST_YEAR, statementYear } from "@/lib/receipts/schema.ts";
import { ScrollRegion } from "@/components/scroll-region.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipt"))("statementLink"), robots: { index: false } };
}

// The yearly statement of an organisation's confirmed contributions (for CSR reports):
// a page that prints, and the same rows as CSV. Its code is issued for this organisation,
// year and number of contributions, and can be checked at /verifikasi.
export default async function StatementPage({ searchParams }: { searchParams: Promise<{ tahun?: string | string[] }> }) {
  const caller = await requirePageUser("/akun/laporan", ["DONOR"]);
  const year = statementYear((await searchParams).tahun);
  const [rows, organisation, t, tId, tEn, tUnit] = await Promise.all([
    confirmedInYear(caller, year),
    db.organisation.findUniqueOrThrow({ where: { id: caller.organisationId }, select: { name: true } }),
    getTranslations("receipt"),
    getTranslations({ locale: "id", namespace: "receipt" }),
    getTranslations({ locale: "en", namespace: "receipt" }),
    getTranslations("unit"),
  ]);
  const statement = rows.length > 0 ? await issueStatement(caller, year, rows.length) : null;
  const current = statementYear(undefined);
  const years = Array.from({ length: current - FIRST_YEAR + 1 }, (_, i) => current - i);
  const cell = "px-3 py-2 align-top";

  return (
    <div className="space-y-6">
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
        <label className="text-sm font-medium">
          {t("year")}
          <select
            name="tahun"
            defaultValue={String(year)}
            className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          >
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          {t("show")}
        </button>
        {rows.length > 0 && (
          <>
            <a
              href={`/akun/laporan/csv?tahun=${year}`}
              className="rounded-md border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-50"
            >
              {t("csv")}
            </a>
            <PrintButton label={t("print")} />
          </>
        )}
      </form>
      <article
        aria-labelledby="statement-title"
        className="space-y-4 rounded-xl border border-slate-300 bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none"
      >
        <header className="space-y-1 border-b border-slate-300 pb-3">
          <p className="text-sm font-semibold text-brand-700">KSBB Jakarta · Pemprov DKI Jakarta · JDCN</p>
          <h1 id="statement-title" className="text-2xl font-bold text-ink">
            {tId("statementTitle", { year })}
            <span className="block text-base font-normal text-slate-600 italic" lang="en">
              {tEn("statementTitle", { year })}
            </span>
          </h1>
          <p className="text-sm text-slate-800">{t("statementLead", { organisation: organisation.name, year })}</p>
          <p className="text-sm font-semibold">{t("statementCount", { count: rows.length })}</p>
        </header>
        {rows.length === 0 ? (
          <EmptyState>{t("statementCount", { count: 0 })}</EmptyState>
        ) : (
          <ScrollRegion label={t("statementCaption", { year })} className="print:overflow-visible print:border-0 print:shadow-none">
            <table className="w-full min-w-[60rem] text-left text-sm print:min-w-0">
              <caption className="sr-only">{t("statementCaption", { year })}</caption>
              <thead className="border-b border-slate-300 text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className={cell}>
                    {t("confirmedOn")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("pledge")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("item")}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {t("quantity")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("place")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("receiptCode")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((row) => (
                  <tr key={row.id} className="break-inside-avoid">
                    <td className={`${cell} whitespace-nowrap font-mono`}>{jakartaToday(row.confirmed_at)}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <Link
                        href={`/janji/${row.id}/tanda-terima`}
                        className="text-brand-700 hover:underline print:text-ink print:no-underline"
                      >
                        {row.reference}
                      </Link>
                    </td>
                    <td className={cell}>{row.item}</td>
                    <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
                      {row.quantity} {tUnit(row.unit as "FOOD_PACKAGE", { count: row.quantity })}
                    </td>
                    <td className={cell}>{row.kelurahan}</td>
                    <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{row.receipt_code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {statement && (
          <footer className="border-t border-slate-300 pt-3 text-sm">
            <p className="font-semibold">{t("statementCode")}</p>
            <p className="font-mono text-lg font-bold text-ink" data-testid="statement-code">
              {statement.code}
            </p>
            <p className="text-xs wrap-anywhere text-slate-700">{t("verify", { url: portalLink(`/verifikasi?kode=${statement.code}`) })}</p>
          </footer>
        )}
      </article>
    </div>
  );
}
