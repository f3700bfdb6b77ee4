import { useTranslations, useFormatter } from "next-intl";
import Link from "next/link";
import { ShareBar } from "@/components/charts/share-bar.tsx";
import type { CoverageLevel, CoverageRow } from "@/lib/coverage/queries.ts";
import { ScrollRegion } from "@/components/scroll-region.tsx";

/** Regions of one level with the share of beneficiaries covered by pledges (unit-free), each linking one level down. */
export function RegionTable({ rows, level, hrefFor }: { rows: CoverageRow[]; level: CoverageLevel; hrefFor: (code: string) => string }) {
  const t = useTranslations("transparency");
  const format = useFormatter();
  return (
    <ScrollRegion label={t(`regionsCaption${level}`)}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t(`regionsCaption${level}`)}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-3 sm:px-4 font-semibold">
              {t(`level${level}`)}
            </th>
            <th scope="col" className="hidden px-3 py-3 text-right font-semibold sm:table-cell sm:px-4">
              {t("openNeedsColumn")}
            </th>
            <th scope="col" className="hidden px-3 py-3 sm:px-4 text-right font-semibold sm:table-cell">
              {t("beneficiaries")}
            </th>
            <th scope="col" className="w-2/5 px-3 py-3 sm:px-4 font-semibold">
              {t("coveredColumn")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const covered = row.uncoveredShare === null ? null : 1 - row.uncoveredShare;
            return (
              <tr key={row.code}>
                <th scope="row" className="px-3 py-3 sm:px-4 font-medium">
                  <Link href={hrefFor(row.code)} className="text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                  <span className="block text-xs font-normal text-slate-600 sm:hidden">
                    {t("openNeedsColumn")}: {t("openOfTotal", { open: row.openNeeds, total: row.needs })}
                  </span>
                </th>
                <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell sm:px-4">
                  {t("openOfTotal", { open: row.openNeeds, total: row.needs })}
                </td>
                <td className="hidden px-3 py-3 sm:px-4 text-right tabular-nums sm:table-cell">{format.number(row.beneficiaries)}</td>
                <td className="px-3 py-3 sm:px-4">
                  {covered === null ? (
                    <span className="text-slate-600">{t("noNeeds")}</span>
                  ) : (
                    <div className="flex items-center gap-3">
                      <ShareBar share={covered} className="h-2.5 w-full min-w-12" />
                      <span className="w-10 shrink-0 text-right font-semibold tabular-nums">
                        {format.number(covered, { style: "percent" })}
                      </span>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
