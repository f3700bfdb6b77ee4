import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getNow, getTranslations } from "next-intl/server";
import { shareLabel } from "@/lib/coverage/share-label.ts";
import { WeeklyChart } from "@/components/charts/weekly-chart.tsx";
import { DashboardMap } from "@/components/map/area-map.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import {
  coverageByProgram,
  coverageByRegion,
  deliveriesPerWeek,
  mostUncoveredKelurahan,
  type CoverageLevel,
} from "@/lib/coverage/queries.ts";
import { dashboardParams, drillTarget, firstValues, queryString } from "@/lib/coverage/schema.ts";
import { staffInbox } from "@/lib/inbox/queries.ts";
import { inboxParams } from "@/lib/inbox/schema.ts";
import { confirmedPledgeReference, reviewQueue } from "@/lib/pledges/queries.ts";
import { areaOf } from "@/lib/regions/queries.ts";
import { FiguresTable } from "./_components/figures-table.tsx";
import { StaffInbox } from "./_components/staff-inbox.tsx";
import { ScrollRegion } from "@/components/scroll-region.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

const WEEKS = 12;
/** Waiting longer than this many days counts as a review backlog (the review page's age filter). */
const REVIEW_AGE_DAYS = 3;
const REVIEW_LINK = `/staf/janji?status=SUBMITTED&age=${REVIEW_AGE_DAYS}`;
const DAY = 86_400_000;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageUser("/staf", STAFF_ROLES);
  const query = firstValues(await searchParams);
  const params = dashboardParams.parse(query);
  const { dikonfirmasi } = inboxParams.parse(query);
  const asked = drillTarget(params);
  const [allPrograms, area] = await Promise.all([coverageByProgram(), asked ? areaOf(asked) : null]);
  // An unknown region or program is dropped and the page shows everything.
  const within = area?.code;
  // An unknown program id shows every program, as if none was chosen.
  const program = allPrograms.find((p) => p.programId === params.program);
  const programId = program?.programId;
  const level: CoverageLevel = area?.level === "KECAMATAN" ? "KELURAHAN" : area?.level === "KOTA" ? "KECAMATAN" : "KOTA";

  const [inbox, confirmed, regions, top, backlog, weekly, t, tCategory, format, tCharts, locale, now] = await Promise.all([
    staffInbox(caller),
    dikonfirmasi ? confirmedPledgeReference(caller, dikonfirmasi) : null,
    coverageByRegion(level, { programId, within }),
    mostUncoveredKelurahan(20, { programId }),
    reviewQueue(caller, { status: "SUBMITTED", minAgeDays: REVIEW_AGE_DAYS, page: 1 }),
    deliveriesPerWeek(WEEKS, { programId }),
    getTranslations("dashboard"),
    getTranslations("category"),
    getFormatter(),
    getTranslations("charts"),
    getLocale(),
    getNow(),
  ]);
  const programName = (p: { nameId: string; nameEn: string }) => (locale === "en" ? p.nameEn : p.nameId);
  const href = (region?: string) =>
    `/staf${queryString({ program: programId, ...(region === undefined ? {} : region.length === 5 ? { kota: region } : { kecamatan: region }) })}`;
  const kota = area?.level === "KOTA" ? area : area?.parent;
  const percent = (share: number) => format.number(share, { style: "percent" });

  return (
    <div className="space-y-10">
      <PageHeader title={t("title")} lead={t("lead")} />

      <StaffInbox inbox={inbox} now={now} confirmed={confirmed} />

      {/* The program filter applies to the coverage below, not to the inbox above. */}
      <div className="space-y-4">
        <h2 className="text-xl font-bold text-ink">{t("coverageTitle")}</h2>
        <form method="get" action="/staf" className="flex flex-wrap items-end gap-3 card p-4">
          <label className="text-sm font-medium">
            {t("program")}
            <select
              name="program"
              defaultValue={programId ?? ""}
              className="mt-1 block w-full min-w-56 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
            >
              <option value="">{t("allPrograms")}</option>
              {allPrograms.map((p) => (
                <option key={p.programId} value={p.programId}>
                  {programName(p)}
                </option>
              ))}
            </select>
          </label>
          {area && <input type="hidden" name={area.level === "KOTA" ? "kota" : "kecamatan"} value={area.code} />}
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
        </form>
      </div>

      <DashboardMap
        caller={caller}
        within={within}
        category={program?.category}
        mode={params.peta}
        hrefFor={({ mode, kota: zoom }) =>
          `/staf${queryString({ program: programId, peta: mode ?? params.peta, ...(zoom === undefined ? { kota: params.kota, kecamatan: params.kecamatan } : { kota: zoom ?? undefined }) }, { peta: "cakupan" })}#peta`
        }
      />

      <section aria-labelledby="backlog-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="backlog-heading" className="text-xl font-bold text-ink">
              {t("backlogTitle", { days: REVIEW_AGE_DAYS })}
            </h2>
            <p className="text-sm text-slate-700">{t("backlogLead")}</p>
          </div>
          <Link href={REVIEW_LINK} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("backlogLink")}
          </Link>
        </div>
        <p className="text-sm text-slate-800">
          <span className="text-3xl font-bold text-ink tabular-nums" data-testid="backlog-count">
            {format.number(backlog.total)}
          </span>{" "}
          {t("backlogCount", { count: backlog.total })}
        </p>
        {backlog.pledges.length === 0 ? (
          <EmptyState>{t("backlogEmpty")}</EmptyState>
        ) : (
          <ScrollRegion label={t("backlogCaption")}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">{t("backlogCaption")}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("reference")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("need")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("kelurahan")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    {t("age")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {backlog.pledges.slice(0, 10).map((pledge) => (
                  <tr key={pledge.id}>
                    <td className="px-3 py-2 font-medium whitespace-nowrap">
                      <Link href={`/janji/${pledge.id}`} className="text-brand-700 hover:underline">
                        {pledge.reference}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{pledge.need.item}</td>
                    <td className="px-3 py-2">{pledge.need.kelurahan.name}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {t("ageDays", { days: Math.floor((now.getTime() - pledge.createdAt.getTime()) / DAY) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="programs-heading" className="space-y-4">
        <h2 id="programs-heading" className="text-xl font-bold text-ink">
          {t("programsTitle")}
        </h2>
        {allPrograms.length === 0 ? (
          <EmptyState>{t("noNeeds")}</EmptyState>
        ) : (
          <FiguresTable
            caption={t("programsTitle")}
            heading={t("program")}
            rows={(program ? [program] : allPrograms).map((p) => ({
              key: p.programId,
              label: (
                <>
                  {programName(p)}
                  <span className="block text-xs font-normal text-slate-600">{tCategory(`${p.category}.short`)}</span>
                </>
              ),
              units: p.units,
              uncoveredShare: p.uncoveredShare,
            }))}
          />
        )}
      </section>

      <section aria-labelledby="regions-heading" className="space-y-4">
        <div>
          <h2 id="regions-heading" className="text-xl font-bold text-ink">
            {t("regionsTitle", { place: area?.name ?? t("jakarta") })}
          </h2>
          <nav aria-label={t("breadcrumb")}>
            <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-700">
              <li>
                <Link href={href()} className="hover:underline">
                  {t("jakarta")}
                </Link>
              </li>
              {kota && (
                <>
                  <li aria-hidden="true">›</li>
                  <li>
                    <Link href={href(kota.code)} className="hover:underline">
                      {kota.name}
                    </Link>
                  </li>
                </>
              )}
              {area?.level === "KECAMATAN" && (
                <>
                  <li aria-hidden="true">›</li>
                  <li>
                    <span aria-current="location" className="font-medium text-slate-900">
                      {area.name}
                    </span>
                  </li>
                </>
              )}
            </ol>
          </nav>
        </div>
        <FiguresTable
          caption={t("regionsTitle", { place: area?.name ?? t("jakarta") })}
          heading={t(`level${level}`)}
          rows={regions.map((row) => ({
            key: row.code,
            label:
              level === "KELURAHAN" ? (
                <Link href={`/transparansi/kelurahan/${row.code}`} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
              ) : (
                <Link href={href(row.code)} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
              ),
            units: row.units,
            uncoveredShare: row.uncoveredShare,
          }))}
        />
      </section>

      <section aria-labelledby="top-heading" className="space-y-4">
        <div>
          <h2 id="top-heading" className="text-xl font-bold text-ink">
            {t("topTitle", { count: 20 })}
          </h2>
          <p className="text-sm text-slate-700">{t("topLead")}</p>
        </div>
        {top.length === 0 ? (
          <EmptyState>{t("topEmpty")}</EmptyState>
        ) : (
          <ScrollRegion label={t("topTitle", { count: 20 })}>
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">{t("topTitle", { count: 20 })}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    #
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("kelurahan")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("kecamatanKota")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    {t("openNeeds")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    {t("uncovered")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    <span className="sr-only">{t("catalogue")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {top.map((row, index) => (
                  <tr key={row.code}>
                    <td className="px-3 py-2 text-slate-600 tabular-nums">{index + 1}</td>
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/transparansi/kelurahan/${row.code}`} className="text-brand-700 hover:underline">
                        {row.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2">
                      {row.kecamatan} · {row.kota}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{format.number(row.openNeeds)}</td>
                    <td className="px-3 py-2 text-right font-semibold tabular-nums">
                      {shareLabel(row.uncoveredShare ?? 0, percent, tCharts("belowOnePercent"))}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <Link
                        href={`/kebutuhan${queryString({ kelurahan: row.code, kecamatan: row.code.slice(0, 8), kota: row.code.slice(0, 5), category: program?.category })}`}
                        className="text-brand-700 hover:underline"
                      >
                        {t("catalogue")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="weekly-heading" className="space-y-4">
        <h2 id="weekly-heading" className="text-xl font-bold text-ink">
          {t("weeklyTitle")}
        </h2>
        <div className="card p-5">
          <WeeklyChart rows={weekly} weeks={WEEKS} />
        </div>
      </section>
    </div>
  );
}
