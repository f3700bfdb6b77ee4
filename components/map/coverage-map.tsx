import { useFormatter, useTranslations } from "next-intl";
import type { KelurahanCoverage } from "@/lib/map/queries.ts";
import { SHARE_BREAKS, shareShade } from "@/lib/map/shades.ts";
import { KelurahanMap, shortKotaName, type KelurahanMapProps, type MapRegion } from "./kelurahan-map.tsx";
import { MapTable, TableLink } from "./map-table.tsx";

export type CoverageMapProps = Pick<KelurahanMapProps, "href" | "kota" | "zoomHref" | "current"> & {
  /** kelurahanCoverage({ category }) */
  rows: readonly KelurahanCoverage[];
  id?: string;
  /**
   * Where the table of the same numbers is (render it there with <CoverageTable>). Without
   * it the table sits folded under the map, which adds about 25 KB (gzip) to the page.
   */
  tableHref?: string;
};

function useCoverageText() {
  const t = useTranslations("map");
  const tUnit = useTranslations("unit");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  return {
    t,
    n,
    // Floor, so a share shown as 19 % is never in the 20–40 % class.
    percent: (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0, roundingMode: "floor" }),
    quantities: (row: KelurahanCoverage, key: "quantityOf" | "unitUncovered") =>
      row.units.map((u) => t(key, { uncovered: n(u.uncovered), target: n(u.target), unit: tUnit(u.unit, { count: u.target }) })),
  };
}

/** The uncovered share of needs per kelurahan, with its legend and a table of the same numbers. */
export function CoverageMap({ rows, id = "coverage-map", tableHref, ...mapProps }: CoverageMapProps) {
  const { t, percent } = useCoverageText();
  const regions: MapRegion[] = rows.map((row) => ({
    ...row,
    shade: shareShade(row.share),
    details:
      row.share === null
        ? [t("noNeed")]
        : // The share and the open needs only: a link's name is in the page twice (HTML and
          // RSC payload) for each of 267 kelurahan. The figures per unit are in the table
          // view and on the kelurahan's own page (docs/decisions/0025-render-cost.md).
          [t("shareUncovered", { share: percent(row.share) }), t("openNeeds", { count: row.openNeeds })],
  }));
  const bounds = [0, ...SHARE_BREAKS, 1];
  const legend = {
    title: t("coverageLegend"),
    classes: bounds.slice(0, -1).map((from, i) => t("range", { from: percent(from).replace(/\s?%/, ""), to: percent(bounds[i + 1]!) })),
    none: t("legendNoNeed"),
    note: t("coverageNote"),
  };
  return (
    <div className="space-y-4">
      <KelurahanMap id={id} label={t("coverageLabel")} regions={regions} legend={legend} {...mapProps} />
      {tableHref ? <TableLink href={tableHref} /> : <CoverageTable rows={rows} href={mapProps.href} id={`${id}-table`} folded />}
    </div>
  );
}

/** The coverage numbers per kelurahan as a table, least covered first. */
export function CoverageTable({
  rows,
  href,
  id = "coverage-table",
  folded = false,
}: Pick<CoverageMapProps, "rows" | "href" | "id"> & { folded?: boolean }) {
  const { t, n, percent, quantities } = useCoverageText();
  const sorted = [...rows].sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.code.localeCompare(b.code));
  return (
    <MapTable
      id={id}
      folded={folded}
      caption={t("coverageCaption")}
      columns={[t("columnKelurahan"), t("columnKecamatan"), t("columnKota"), t("columnOpenNeeds"), t("columnUncovered"), t("columnShare")]}
      numeric={[3, 5]}
      rows={sorted.map((row) => ({
        code: row.code,
        cells: [
          <a key="name" href={href(row.code)}>
            {row.name}
          </a>,
          row.kecamatan,
          shortKotaName(row.kota),
          n(row.openNeeds),
          row.share === null
            ? t("none")
            : quantities(row, "quantityOf").map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              )),
          row.share === null ? t("noNeed") : percent(row.share),
        ],
      }))}
    />
  );
}
