import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { searchNeeds } from "@/lib/needs/queries.ts";
import { catalogueQueryString, parseCatalogueParams } from "@/lib/needs/schema.ts";
import { regionFilterOptions } from "@/lib/regions/queries.ts";
import { CatalogueFiltersForm } from "./_components/catalogue-filters.tsx";
import { CatalogueMap } from "./_components/catalogue-map.tsx";
import { IgnoredNotice } from "./_components/ignored-notice.tsx";
import { NeedCard } from "./_components/need-card.tsx";
import { ViewSwitch } from "./_components/view-switch.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue");
  return { title: t("title"), description: t("lead") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const { filters, rejected } = parseCatalogueParams(await searchParams);
  // A kelurahan code implies its kecamatan and kota (codes are hierarchical).
  const selected = {
    kota: filters.kota ?? (filters.kecamatan ?? filters.kelurahan)?.slice(0, 5),
    kecamatan: filters.kecamatan ?? filters.kelurahan?.slice(0, 8),
    kelurahan: filters.kelurahan,
  };
  if (filters.view === "map" || filters.view === "table") return <CatalogueMap filters={filters} rejected={rejected} selected={selected} />;
  const [result, regions, t, format] = await Promise.all([
    searchNeeds(filters),
    regionFilterOptions(selected),
    getTranslations("catalogue"),
    getFormatter(),
  ]);
  const from = (result.page - 1) * result.pageSize + 1;
  const to = from + result.needs.length - 1;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside>
          <CatalogueFiltersForm filters={filters} selected={selected} regions={regions} />
        </aside>

        <section aria-labelledby="results-heading" className="space-y-4">
          <IgnoredNotice rejected={rejected} />
          <ViewSwitch filters={filters} />
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-heading" className="text-lg font-semibold text-ink" aria-live="polite">
              {t("results", { total: result.total })}
            </h2>
            {result.needs.length > 0 && (
              <p className="text-sm text-slate-600">
                {t("resultsRange", { from: format.number(from), to: format.number(to), total: format.number(result.total) })}
              </p>
            )}
          </div>

          {result.needs.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-semibold text-ink">{t("emptyTitle")}</p>
              <p className="mt-1 text-sm text-slate-700">
                {result.total > 0 ? t("pageNotFound", { page: result.page, pageCount: result.pageCount }) : t("emptyBody")}
              </p>
            </div>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {result.needs.map((need) => (
                <li key={need.id}>
                  <NeedCard need={need} />
                </li>
              ))}
            </ul>
          )}

          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            hrefFor={(page) => `/kebutuhan${catalogueQueryString(filters, { page })}`}
          />
        </section>
      </div>
    </div>
  );
}
