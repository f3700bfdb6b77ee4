import { useTranslations, useFormatter } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/badge.tsx";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import type { categoryTotals } from "@/lib/needs/queries.ts";
import { CATEGORIES } from "@/lib/programs/categories.ts";

type Totals = Awaited<ReturnType<typeof categoryTotals>>;

export function CategoryCard({ category, totals }: { category: ProgramCategory; totals: Totals }) {
  const t = useTranslations("home");
  const tCategory = useTranslations("category");
  const tUnit = useTranslations("unit");
  const format = useFormatter();
  const active = CATEGORIES[category].active;
  const needs = totals.reduce((sum, row) => sum + row.needs, 0);
  const name = tCategory(`${category}.name`);
  return (
    <article
      className={`flex h-full flex-col gap-4 rounded-xl border bg-white p-5 shadow-sm ${active ? "border-slate-200" : "border-dashed border-slate-300"}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold text-ink">{name}</h3>
          <p className="text-sm text-slate-700">{tCategory(`${category}.description`)}</p>
        </div>
        {!active && <Badge>{t("planned")}</Badge>}
      </div>
      {!active ? (
        <p className="text-sm text-slate-600">{t("plannedNote")}</p>
      ) : needs === 0 ? (
        <p className="text-sm text-slate-600">{t("noData")}</p>
      ) : (
        <>
          <p className="text-sm font-medium text-slate-800">
            {t("openNeeds", { count: needs })} · {t("beneficiaries", { count: totals.reduce((sum, row) => sum + row.beneficiaries, 0) })}
          </p>
          <ul className="space-y-3">
            {totals.map((row) => (
              <li key={row.unit} className="space-y-1">
                <p className="text-xs font-semibold text-slate-700 uppercase">
                  {format.number(row.target)} {tUnit(row.unit, { count: row.target })}
                </p>
                <CoverageBar target={row.target} pledged={row.pledged} delivered={row.delivered} unit={row.unit} />
              </li>
            ))}
          </ul>
          <Link href={`/kebutuhan?category=${category}`} className="mt-auto text-sm font-semibold text-brand-700 hover:underline">
            {t("seeNeeds", { category: tCategory(`${category}.short`) })} →
          </Link>
        </>
      )}
    </article>
  );
}
