import { useFormatter, useTranslations } from "next-intl";
import type { KelurahanWaiting } from "@/lib/map/queries.ts";
import { WAITING_BREAKS, waitingShade } from "@/lib/map/shades.ts";
import { KelurahanMap, shortKotaName, type KelurahanMapProps, type MapRegion } from "./kelurahan-map.tsx";
import { MapTable, TableLink } from "./map-table.tsx";

export type WaitingReviewMapProps = Pick<KelurahanMapProps, "href" | "kota" | "zoomHref" | "current"> & {
  /** kelurahanWaitingReview(caller, { category }): staff only. */
  rows: readonly KelurahanWaiting[];
  id?: string;
  /** Where the table is (render it there with <WaitingReviewTable>); without it, folded under the map. */
  tableHref?: string;
};

function useWaitingText() {
  const t = useTranslations("map");
  const format = useFormatter();
  return { t, format, date: (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "Asia/Jakarta" }) };
}

/** Staff dashboard mode: pledges waiting for review per kelurahan. */
export function WaitingReviewMap({ rows, id = "waiting-map", tableHref, ...mapProps }: WaitingReviewMapProps) {
  const { t, format, date } = useWaitingText();
  const regions: MapRegion[] = rows.map((row) => ({
    ...row,
    shade: waitingShade(row.waiting),
    details: [
      t("waiting", { count: row.waiting }),
      ...(row.oldestWaitingSince ? [t("waitingSince", { date: date(row.oldestWaitingSince) })] : []),
    ],
  }));
  const legend = {
    title: t("waitingLegend"),
    classes: WAITING_BREAKS.map((from, i) => {
      const next = WAITING_BREAKS[i + 1];
      if (next === undefined) return t("atLeast", { from: format.number(from) });
      return next - 1 === from ? format.number(from) : t("range", { from: format.number(from), to: format.number(next - 1) });
    }),
    none: t("legendNoneWaiting"),
    // Nothing waiting is the good state: plain, so the kelurahan that need review stand out.
    noneStyle: "plain" as const,
  };
  return (
    <div className="space-y-4">
      <KelurahanMap id={id} label={t("waitingLabel")} regions={regions} legend={legend} {...mapProps} />
      {tableHref ? <TableLink href={tableHref} /> : <WaitingReviewTable rows={rows} href={mapProps.href} id={`${id}-table`} folded />}
    </div>
  );
}

/** Pledges waiting for review per kelurahan as a table, most first. */
export function WaitingReviewTable({
  rows,
  href,
  id = "waiting-table",
  folded = false,
}: Pick<WaitingReviewMapProps, "rows" | "href" | "id"> & { folded?: boolean }) {
  const { t, format, date } = useWaitingText();
  const sorted = [...rows].sort((a, b) => b.waiting - a.waiting || a.code.localeCompare(b.code));
  return (
    <MapTable
      id={id}
      folded={folded}
      caption={t("waitingCaption")}
      columns={[t("columnKelurahan"), t("columnKecamatan"), t("columnKota"), t("columnWaiting"), t("columnOldest")]}
      numeric={[3]}
      rows={sorted.map((row) => ({
        code: row.code,
        cells: [
          <a key="name" href={href(row.code)}>
            {row.name}
          </a>,
          row.kecamatan,
          shortKotaName(row.kota),
          format.number(row.waiting),
          row.oldestWaitingSince ? date(row.oldestWaitingSince) : t("none"),
        ],
      }))}
    />
  );
}
