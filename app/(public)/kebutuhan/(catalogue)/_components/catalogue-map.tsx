import { getTranslations } from "next-intl/server";
import { CoverageMap, CoverageTable } from "@/components/map/coverage-map.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { kelurahanCoverage } from "@/lib/map/queries.ts";
import { catalogueQueryString, type CatalogueFilterName, type CatalogueFilters } from "@/lib/needs/schema.ts";
import { regionFilterOptions } from "@/lib/regions/queries.ts";
import { CatalogueFiltersForm } from "./catalogue-filters.tsx";
import { IgnoredNotice } from "./ignored-notice.tsx";
import { ViewSwitch } from "./view-switch.tsx";

type Selected = { kota?: string; kecamatan?: string; kelurahan?: string };

// The map and table views: coverage of the chosen program per kelurahan. A kelurahan's link
// opens the list filtered to it; the kota buttons zoom the map and set the kota filter alike.
export async function CatalogueMap({
  filters,
  rejected,
  selected,
}: {
  filters: CatalogueFilters;
  rejected: CatalogueFilterName[];
  selected: Selected;
}) {
  const [rows, regions, t, tMap] = await Promise.all([
    kelurahanCoverage({ category: filters.category }),
    regionFilterOptions(selected),
    getTranslations("catalogue"),
    getTranslations("map"),
  ]);
  const regionless = { ...filters, kota: undefined, kecamatan: undefined, kelurahan: undefined, page: undefined };
  const href = (code: string) => `/kebutuhan${catalogueQueryString({ category: filters.category, sort: filters.sort, kelurahan: code })}`;
  const table = filters.view === "table";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside>
          <CatalogueFiltersForm filters={filters} selected={selected} regions={regions} />
        </aside>
        <section aria-labelledby="map-heading" className="min-w-0 space-y-4">
          <IgnoredNotice rejected={rejected} />
          <ViewSwitch filters={filters} />
          <div>
            <h2 id="map-heading" className="text-lg font-semibold text-ink">
              {tMap(table ? "tableTitle" : "coverageTitle")}
            </h2>
            <p className="text-sm text-slate-700">{tMap(table ? "tableHint" : "catalogueHint")}</p>
          </div>
          {table ? (
            <CoverageTable rows={selected.kota ? rows.filter((row) => row.kotaCode === selected.kota) : rows} href={href} />
          ) : (
            <CoverageMap
              rows={rows}
              kota={selected.kota}
              current={filters.kelurahan}
              href={href}
              zoomHref={(kota) => `/kebutuhan${catalogueQueryString({ ...regionless, kota: kota ?? undefined, view: "map" })}`}
              tableHref={`/kebutuhan${catalogueQueryString(filters, { view: "table" })}`}
            />
          )}
        </section>
      </div>
    </div>
  );
}
