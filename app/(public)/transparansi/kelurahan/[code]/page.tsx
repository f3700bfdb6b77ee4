import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge.tsx";
import { ShareBar } from "@/components/charts/share-bar.tsx";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import { TransparencyMap } from "@/components/map/area-map.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { kelurahanDeliveryRecord } from "@/lib/coverage/delivery-record.ts";
import { coverageByCategory, totalOf } from "@/lib/coverage/queries.ts";
import { firstValues, kelurahanPageParams, queryString } from "@/lib/coverage/schema.ts";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { searchNeeds } from "@/lib/needs/queries.ts";
import { reportHref } from "@/lib/reports/schema.ts";
import { CategoryCoverage } from "../../_components/category-coverage.tsx";
import { CategoryFilter } from "../../_components/category-filter.tsx";
import { loadKelurahan } from "./load.ts";

const NEEDS_PAGE_SIZE = 10;

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const path = await loadKelurahan((await params).code);
  if (!path) return {};
  const t = await getTranslations("transparency");
  return { title: t("kelurahanTitle", { kelurahan: path.kelurahan.name }) };
}

export default async function KelurahanTransparencyPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const path = await loadKelurahan((await params).code);
  if (!path) notFound();
  const code = path.kelurahan.code;
  const query = kelurahanPageParams.parse(firstValues(await searchParams));
  const [categories, needs, record, t, tCategory, tStatus, tUnit, tReports, tCommunity, format] = await Promise.all([
    coverageByCategory({ within: code }),
    searchNeeds({ kelurahan: code, category: query.category, page: query.page }, NEEDS_PAGE_SIZE),
    kelurahanDeliveryRecord(code, { category: query.category, page: query.riwayat }),
    getTranslations("transparency"),
    getTranslations("category"),
    getTranslations("needStatus"),
    getTranslations("unit"),
    getTranslations("reports"),
    getTranslations("community"),
    getFormatter(),
  ]);
  const totals = totalOf(query.category ? categories.filter((row) => row.category === query.category) : categories);
  const self = (next: { category?: ProgramCategory; page?: number; riwayat?: number }) =>
    `/transparansi/kelurahan/${code}${queryString({ category: next.category, page: next.page, riwayat: next.riwayat }, { page: 1, riwayat: 1 })}`;
  const current = { category: query.category, page: query.page, riwayat: query.riwayat };
  const catalogue = `/kebutuhan${queryString({ kelurahan: code, kecamatan: path.kecamatan.code, kota: path.kota.code, category: query.category })}`;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });

  // A table cell from 640 px; below, a line with its column's name before it.
  const cell =
    "flex justify-between gap-4 py-1 before:shrink-0 before:text-left before:font-medium before:text-slate-600 before:content-[attr(data-label)] sm:table-cell sm:px-4 sm:py-3 sm:before:content-none";
  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <nav aria-label={t("breadcrumb")}>
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-700">
            <li>
              <Link href={`/transparansi${queryString({ category: query.category })}`} className="hover:underline">
                {t("jakarta")}
              </Link>
            </li>
            <li aria-hidden="true">›</li>
            <li>
              <Link href={`/transparansi${queryString({ category: query.category, kota: path.kota.code })}`} className="hover:underline">
                {path.kota.name}
              </Link>
            </li>
            <li aria-hidden="true">›</li>
            <li>
              <Link
                href={`/transparansi${queryString({ category: query.category, kecamatan: path.kecamatan.code })}`}
                className="hover:underline"
              >
                {path.kecamatan.name}
              </Link>
            </li>
            <li aria-hidden="true">›</li>
            <li>
              <span aria-current="location" className="font-medium text-slate-900">
                {path.kelurahan.name}
              </span>
            </li>
          </ol>
        </nav>
        <PageHeader
          title={t("kelurahanTitle", { kelurahan: path.kelurahan.name })}
          lead={t("kelurahanLead", { kecamatan: path.kecamatan.name, kota: path.kota.name })}
        >
          {totals.uncoveredShare !== null && (
            <div className="max-w-md space-y-1">
              <p className="text-sm font-semibold text-slate-900">
                {t("uncoveredShare", { percent: format.number(totals.uncoveredShare, { style: "percent" }) })}
              </p>
              <ShareBar share={totals.uncoveredShare} tone="uncovered" />
            </div>
          )}
          <Link
            href={catalogue}
            className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("pledgeHere")}
          </Link>
        </PageHeader>
        <CategoryFilter selected={query.category} hrefFor={(category) => self({ category })} />
      </div>

      <TransparencyMap within={code} current={code} category={query.category} />

      <section aria-labelledby="categories-heading" className="space-y-4">
        <div>
          <h2 id="categories-heading" className="text-xl font-bold text-ink">
            {t("categoriesTitle", { place: path.kelurahan.name })}
          </h2>
          <p className="text-sm text-slate-700">{t("categoriesLead")}</p>
        </div>
        <CategoryCoverage rows={categories} selected={query.category} onlyWithNeeds />
      </section>

      <section aria-labelledby="needs-heading" className="space-y-4">
        <h2 id="needs-heading" className="text-xl font-bold text-ink">
          {t("needsTitle", { count: needs.total })}
        </h2>
        {needs.needs.length === 0 ? (
          <EmptyState>{needs.total > 0 ? t("pageEmpty") : t("needsEmpty")}</EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {needs.needs.map((need) => (
              <li key={need.id}>
                <article className="flex h-full flex-col gap-2 card p-4">
                  <div className="flex flex-wrap gap-2">
                    <Badge tone="brand">{tCategory(`${need.program.category}.short`)}</Badge>
                    {need.status !== "OPEN" && (
                      <Badge tone={need.status === "FULFILLED" ? "success" : "neutral"}>{tStatus(need.status)}</Badge>
                    )}
                  </div>
                  <h3 className="font-semibold text-ink">
                    <Link href={`/kebutuhan/${need.id}`} className="hover:text-brand-700 hover:underline">
                      {need.item}
                    </Link>
                  </h3>
                  <div className="mt-auto">
                    <CoverageBar
                      target={need.targetQuantity}
                      pledged={need.pledgedQuantity}
                      delivered={need.deliveredQuantity}
                      unit={need.unit}
                    />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={needs.page}
          pageCount={needs.pageCount}
          hrefFor={(page) => `${self({ ...current, page })}#needs-heading`}
          label={t("needsPagination")}
        />
      </section>

      <section aria-labelledby="record-heading" className="space-y-4">
        <div>
          <h2 id="record-heading" className="text-xl font-bold text-ink">
            {t("recordTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("recordLead")}</p>
        </div>
        {record.deliveries.length === 0 ? (
          <EmptyState>{record.total > 0 ? t("pageEmpty") : t("recordEmpty")}</EmptyState>
        ) : (
          // Below 640 px each delivery is a card of labelled lines (data-label), so no column hides off-screen.
          <div className="relative card sm:overflow-x-auto">
            <table className="block w-full text-left text-sm sm:table sm:min-w-[40rem]">
              <caption className="sr-only">{t("recordCaption", { kelurahan: path.kelurahan.name })}</caption>
              <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase sm:table-header-group">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("recordDate")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("recordNeed")}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold">
                    {t("recordQuantity")}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold">
                    {t("recordRecipients")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("recordDeliverer")}
                  </th>
                </tr>
              </thead>
              <tbody className="block divide-y divide-slate-100 sm:table-row-group">
                {record.deliveries.map((delivery) => (
                  <tr key={delivery.id} className="block px-4 py-3 sm:table-row sm:p-0">
                    <td data-label={t("recordDate")} className={`${cell} whitespace-nowrap`}>
                      {date(delivery.deliveredOn)}
                    </td>
                    <td data-label={t("recordNeed")} className={cell}>
                      <Link href={`/kebutuhan/${delivery.need.id}`} className="text-brand-700 hover:underline">
                        {delivery.need.item}
                      </Link>
                    </td>
                    <td data-label={t("recordQuantity")} className={`${cell} tabular-nums sm:text-right sm:whitespace-nowrap`}>
                      {format.number(delivery.quantity)} {tUnit(delivery.need.unit, { count: delivery.quantity })}
                    </td>
                    <td data-label={t("recordRecipients")} className={`${cell} tabular-nums sm:text-right`}>
                      {delivery.recipientCount === null ? "—" : format.number(delivery.recipientCount)}
                    </td>
                    <td data-label={t("recordDeliverer")} className={cell}>
                      <span data-deliverer>
                        {delivery.deliverer.name ?? t(delivery.deliverer.role === "AGGREGATOR" ? "anonymousAggregator" : "anonymousDonor")}
                      </span>
                      {delivery.confirmed && (
                        <span className="ml-2">
                          <Badge tone="success">{t("confirmed")}</Badge>
                        </span>
                      )}
                      {delivery.communityReceived !== null && (
                        <span className="ml-2" data-community-received>
                          <Badge tone="info">
                            {tCommunity("confirmedByCommunity")}: {format.number(delivery.communityReceived)}
                          </Badge>
                        </span>
                      )}
                      <a
                        href={reportHref("DELIVERY", delivery.id)}
                        aria-label={tReports("linkLabelOn", { what: `${delivery.need.item}, ${date(delivery.deliveredOn)}` })}
                        className="ml-2 text-xs text-brand-700 hover:underline"
                      >
                        {tReports("linkLabel")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={record.page}
          pageCount={record.pageCount}
          hrefFor={(riwayat) => `${self({ ...current, riwayat })}#record-heading`}
          label={t("recordPagination")}
        />
        <p className="text-xs text-slate-600">{t("recordPrivacy")}</p>
        <p className="text-sm">
          <a href={reportHref("KELURAHAN", code)} className="font-medium text-brand-700 hover:underline">
            {tReports("linkLabelOn", { what: path.kelurahan.name })}
          </a>
        </p>
      </section>
    </div>
  );
}
