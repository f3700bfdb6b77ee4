import { useTranslations, useFormatter } from "next-intl";
import { ShareBar } from "@/components/charts/share-bar.tsx";
import type { UnitFigures } from "@/lib/coverage/queries.ts";
import { CATEGORY_KEYS, CATEGORIES } from "@/lib/programs/categories.ts";
import { ScrollRegion } from "@/components/scroll-region.tsx";

// Units in the order the city presents its categories (food first), not alphabetically.
const UNIT_ORDER = CATEGORY_KEYS.flatMap((category) => CATEGORIES[category].units);
const byUnitOrder = (a: UnitFigures, b: UnitFigures) => UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit);

export interface FiguresRow {
  key: string;
  label: React.ReactNode;
  units: UnitFigures[];
  uncoveredShare: number | null;
}

/** The funnel per row and unit: one line per unit, since quantities of different units never add up. */
export function FiguresTable({ caption, heading, rows }: { caption: string; heading: string; rows: FiguresRow[] }) {
  const t = useTranslations("dashboard");
  const tUnit = useTranslations("unit");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  const cell = "px-3 py-2 text-right tabular-nums";
  return (
    <ScrollRegion label={caption}>
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              {heading}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("unit")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("target")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("pledged")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("approved")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("delivered")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("confirmed")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("uncovered")}
            </th>
          </tr>
        </thead>
        {rows.map((row) => {
          const span = Math.max(1, row.units.length);
          const units = [...row.units].sort(byUnitOrder);
          const share =
            row.uncoveredShare === null ? (
              <span className="text-slate-600">—</span>
            ) : (
              <div className="flex items-center gap-2">
                <ShareBar share={row.uncoveredShare} tone="uncovered" className="h-2 w-20" />
                <span className="tabular-nums">{format.number(row.uncoveredShare, { style: "percent" })}</span>
              </div>
            );
          return (
            <tbody key={row.key} className="border-b border-slate-100 last:border-0">
              {row.units.length === 0 ? (
                <tr>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {row.label}
                  </th>
                  <td colSpan={6} className="px-3 py-2 text-slate-600">
                    {t("noNeeds")}
                  </td>
                  <td className="px-3 py-2">{share}</td>
                </tr>
              ) : (
                units.map((unit, index) => (
                  <tr key={unit.unit}>
                    {index === 0 && (
                      <th scope="rowgroup" rowSpan={span} className="px-3 py-2 align-top font-medium">
                        {row.label}
                      </th>
                    )}
                    <td className="px-3 py-2 whitespace-nowrap">{tUnit(unit.unit, { count: unit.target })}</td>
                    <td className={cell}>{n(unit.target)}</td>
                    <td className={cell}>{n(unit.pledged)}</td>
                    <td className={cell}>{n(unit.approved)}</td>
                    <td className={cell}>{n(unit.delivered)}</td>
                    <td className={cell}>{n(unit.confirmed)}</td>
                    {index === 0 && (
                      <td rowSpan={span} className="px-3 py-2 align-top">
                        {share}
                      </td>
                    )}
                  </tr>
                ))
              )}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}
