import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HorizontalBars } from "@/components/charts/horizontal-bars.tsx";
import { shareLabel } from "@/lib/coverage/share-label.ts";
import { WeeklyChart } from "@/components/charts/weekly-chart.tsx";
import { TransparencyMap } from "@/components/map/area-map.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import {
  coverageByCategory,
  coverageByRegion,
  deliveriesPerWeek,
  mostUncoveredKelurahan,
  totalOf,
  type CoverageLevel,
} from "@/lib/coverage/queries.ts";
import {
  drillTarget,
  firstValues,
  queryString,
  STILL_NEEDED_MAX_STEPS,
  STILL_NEEDED_STEP,
  transparencyParams,
} from "@/lib/coverage/schema.ts";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { areaOf } from "@/lib/regions/queries.ts";
import { CategoryCoverage } from "../_components/category-coverage.tsx";
import { CategoryFilter } from "../_components/category-filter.tsx";
import { RegionTable } from "../_components/region-table.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transparency");
  return { title: t("title"), description: t("lead") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const WEEKS = 12;

export default async function TransparencyPage({ searchParams }: { searchParams: SearchParams }) {
  const params = transparencyParams.parse(firstValues(await searchParams));
  const asked = drillTarget(params);
  const area = asked ? await areaOf(asked) : null;
  // An unknown region is dropped (like any bad filter) and said so; the page shows all Jakarta.
  const within = area?.code;
  const level: CoverageLevel = area?.level === "KECAMATAN" ? "KELURAHAN" : area?.level === "KOTA" ? "KECAMATAN" : "KOTA";
  const filter = { category: params.category, within };
  const shown = params.lebih * STILL_NEEDED_STEP;

  const [categories, regions, stillNeeded, weekly, t, tCategory, format, tCharts] = await Promise.all([
    coverageByCategory({ within }),
    coverageByRegion(level, filter),
    mostUncoveredKelurahan(shown + 1, filter),
    deliveriesPerWeek(WEEKS, filter),
    getTranslations("transparency"),
    getTranslations("category"),
    getFormatter(),
    getTranslations("charts"),
  ]);
  const totals = totalOf(params.category ? categories.filter((row) => row.category === params.category) : categories);
  const percent = (share: number) => format.number(share, { style: "percent" });

  // Every link keeps the other filters; the region is one parameter, named by its level.
  const current = { category: params.category, region: within };
  const href = (next: { category?: ProgramCategory; region?: string; lebih?: number }) =>
    `/transparansi${queryString({ category: next.category, ...regionParam(next.region), lebih: next.lebih }, { lebih: 1 })}`;
  const kota = area?.level === "KOTA" ? area : area?.parent;
  const kecamatan = area?.level === "KECAMATAN" ? area : undefined;
  const placeName = area?.name ?? t("jakarta");
  const deliveriesTotal = weekly.reduce((sum, row) => sum + row.deliveries, 0);

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <PageHeader title={area ? t("titleIn", { place: area.name }) : t("title")} lead={t("lead")}>
          <nav aria-label={t("breadcrumb")}>
            <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-700">
              <li>
                <Link
                  href={href({ ...current, region: undefined })}
                  className="hover:underline"
                  aria-current={!area ? "location" : undefined}
                >
                  {t("jakarta")}
                </Link>
              </li>
              {kota && (
                <>
                  <li aria-hidden="true">›</li>
                  <li>
                    <Link
                      href={href({ ...current, region: kota.code })}
                      className="hover:underline"
                      aria-current={!kecamatan ? "location" : undefined}
                    >
                      {kota.name}
                    </Link>
                  </li>
                </>
              )}
              {kecamatan && (
                <>
                  <li aria-hidden="true">›</li>
                  <li>
                    <span aria-current="location" className="font-medium text-slate-900">
                      {kecamatan.name}
                    </span>
                  </li>
                </>
              )}
            </ol>
          </nav>
        </PageHeader>
        {asked && !area && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t("unknownRegion")}
          </p>
        )}
        <CategoryFilter selected={params.category} hrefFor={(category) => href({ ...current, category })} />
      </div>

      <TransparencyMap within={within} category={params.category} />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          {t("summaryTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 card p-5 lg:grid-cols-4">
          <Figure label={t("liveNeeds")} value={format.number(totals.needs)} />
          <Figure label={t("beneficiaries")} value={format.number(totals.beneficiaries)} />
          <Figure label={t("uncoveredLabel")} value={totals.uncoveredShare === null ? "—" : percent(totals.uncoveredShare)} />
          <Figure label={t("deliveriesLabel", { weeks: WEEKS })} value={format.number(deliveriesTotal)} />
        </dl>
        <p className="mt-2 text-xs text-slate-600">{t("shareExplained")}</p>
      </section>

      <section aria-labelledby="categories-heading" className="space-y-4">
        <div>
          <h2 id="categories-heading" className="text-xl font-bold text-ink">
            {t("categoriesTitle", { place: placeName })}
          </h2>
          <p className="text-sm text-slate-700">{t("categoriesLead")}</p>
        </div>
        <CategoryCoverage rows={categories} selected={params.category} />
      </section>

      <section aria-labelledby="regions-heading" className="space-y-4">
        <div>
          <h2 id="regions-heading" className="text-xl font-bold text-ink">
            {t(`regionsTitle${level}`, { place: placeName })}
          </h2>
          <p className="text-sm text-slate-700">{t("regionsLead")}</p>
        </div>
        <RegionTable
          rows={regions}
          level={level}
          hrefFor={(code) =>
            level === "KELURAHAN"
              ? `/transparansi/kelurahan/${code}${queryString({ category: params.category })}`
              : href({ ...current, region: code })
          }
        />
      </section>

      <section aria-labelledby="still-needed-heading" id="masih-dibutuhkan" className="space-y-4">
        <div>
          <h2 id="still-needed-heading" className="text-xl font-bold text-ink">
            {t("stillNeededTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("stillNeededLead", { place: placeName })}</p>
        </div>
        {stillNeeded.length === 0 ? (
          <EmptyState>{t("stillNeededEmpty")}</EmptyState>
        ) : (
          <div className="space-y-4 card p-5">
            <HorizontalBars
              caption={t("stillNeededCaption")}
              ranked
              tone="uncovered"
              rows={stillNeeded.slice(0, shown).map((row) => ({
                key: row.code,
                label: row.name,
                sublabel: t("stillNeededRow", { kecamatan: row.kecamatan, kota: row.kota, open: row.openNeeds }),
                href: `/transparansi/kelurahan/${row.code}${queryString({ category: params.category })}`,
                value: row.uncoveredShare ?? 0,
                valueLabel: shareLabel(row.uncoveredShare ?? 0, percent, tCharts("belowOnePercent")),
                extraLink: {
                  href: `/kebutuhan${queryString({ kelurahan: row.code, kecamatan: row.code.slice(0, 8), kota: row.code.slice(0, 5), category: params.category })}`,
                  label: t("needsIn", { place: row.name }),
                },
              }))}
            />
            {stillNeeded.length > shown && params.lebih < STILL_NEEDED_MAX_STEPS && (
              <Link
                href={`${href({ ...current, lebih: params.lebih + 1 })}#masih-dibutuhkan`}
                className="inline-block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                {t("showMore")}
              </Link>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="weekly-heading" className="space-y-4">
        <div>
          <h2 id="weekly-heading" className="text-xl font-bold text-ink">
            {t("weeklyTitle")}
          </h2>
          <p className="text-sm text-slate-700">
            {params.category
              ? t("weeklyLeadCategory", { category: tCategory(`${params.category}.short`), place: placeName })
              : t("weeklyLead", { place: placeName })}
          </p>
        </div>
        <div className="card p-5">
          <WeeklyChart rows={weekly} weeks={WEEKS} />
        </div>
      </section>
    </div>
  );
}

const regionParam = (code?: string) => (code === undefined ? {} : code.length === 5 ? { kota: code } : { kecamatan: code });

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="stat-label">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">{value}</dd>
    </div>
  );
}
