import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { Contribution } from "@/lib/organisations/directory.ts";

/** One line per program and unit: what was given, and what was delivered as aggregator. */
export function ContributionList({ contributions }: { contributions: readonly Contribution[] }) {
  const t = useTranslations("collaborators");
  const tUnit = useTranslations("unit");
  const format = useFormatter();
  const english = useLocale() === "en";
  if (contributions.length === 0) return <p className="text-sm text-slate-600">{t("noContributions")}</p>;
  const amount = (quantity: number, unit: Contribution["unit"]) => `${format.number(quantity)} ${tUnit(unit, { count: quantity })}`;
  return (
    <ul className="space-y-1 text-sm">
      {contributions.map((c) => (
        <li key={`${c.programSlug}:${c.unit}`}>
          <span className="font-medium text-ink">{english ? c.programNameEn : c.programNameId}</span>
          {c.pledges > 0 && (
            <span className="text-slate-700"> · {t("given", { pledges: c.pledges, quantity: amount(c.quantity, c.unit) })}</span>
          )}
          {c.delivered > 0 && (
            <span className="text-slate-700">
              {" "}
              · {t("deliveredAs", { pledges: c.delivered, quantity: amount(c.deliveredQuantity, c.unit) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
