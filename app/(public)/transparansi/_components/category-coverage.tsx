import { useTranslations, useFormatter } from "next-intl";
import { ShareBar } from "@/components/charts/share-bar.tsx";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import { EmptyState } from "@/components/page-header.tsx";
import type { CategoryCoverage as CategoryFigures } from "@/lib/coverage/queries.ts";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";

/** One card per category: target vs pledged vs delivered per unit (never summed across units), and the unit-free uncovered share. */
export function CategoryCoverage({
  rows,
  selected,
  onlyWithNeeds = false,
}: {
  rows: CategoryFigures[];
  selected?: ProgramCategory;
  onlyWithNeeds?: boolean;
}) {
  const t = useTranslations("transparency");
  const tCategory = useTranslations("category");
  const tUnit = useTranslations("unit");
  const tCommunity = useTranslations("community");
  const format = useFormatter();
  // A kelurahan has needs in one or two categories: there, empty categories are left out.
  const categories = selected
    ? [selected]
    : ACTIVE_CATEGORIES.filter((category) => !onlyWithNeeds || rows.some((row) => row.category === category));
  if (categories.length === 0) return <EmptyState>{t("noNeedsHere")}</EmptyState>;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {categories.map((category) => {
        const row = rows.find((r) => r.category === category);
        const percent = row?.uncoveredShare != null ? format.number(row.uncoveredShare, { style: "percent" }) : null;
        return (
          <li key={category}>
            <article className="flex h-full flex-col gap-3 card p-5" aria-labelledby={`category-${category}`}>
              <h3 id={`category-${category}`} className="text-lg font-semibold text-ink">
                {tCategory(`${category}.name`)}
              </h3>
              {!row ? (
                <p className="text-sm text-slate-600">{t("noNeedsHere")}</p>
              ) : (
                <>
                  <p className="text-sm text-slate-700">
                    {t("needsSummary", { needs: row.needs, open: row.openNeeds, beneficiaries: format.number(row.beneficiaries) })}
                  </p>
                  {percent && (
                    <div className="space-y-1">
                      <p className="text-sm">
                        <span className="font-semibold text-slate-900">{t("uncoveredShare", { percent })}</span>
                      </p>
                      <ShareBar share={row.uncoveredShare ?? 0} tone="uncovered" />
                    </div>
                  )}
                  <ul className="space-y-3 border-t border-slate-100 pt-3">
                    {row.units.map((unit) => (
                      <li key={unit.unit} className="space-y-1">
                        <p className="text-xs font-semibold text-slate-700 uppercase">
                          {format.number(unit.target)} {tUnit(unit.unit, { count: unit.target })}
                        </p>
                        <CoverageBar target={unit.target} pledged={unit.pledged} delivered={unit.delivered} unit={unit.unit} />
                        {unit.community > 0 && (
                          <p className="text-xs text-slate-700" data-community={unit.unit}>
                            {tCommunity("confirmedByCommunity")}: {format.number(unit.community)}
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
