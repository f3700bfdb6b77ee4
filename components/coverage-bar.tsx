import { useTranslations, useFormatter } from "next-intl";
import type { NeedUnit } from "@/lib/generated/prisma/enums.ts";

interface CoverageBarProps {
  target: number;
  pledged: number;
  delivered: number;
  unit: NeedUnit;
  /** Show the legend (need page) or only the one-line summary (cards). */
  detailed?: boolean;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);
/** A tenth of a percent is finer than any screen shows. */
const width = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** Target vs pledged vs delivered: pledges are shown, but never counted as delivered. */
export function CoverageBar({ target, pledged, delivered, unit, detailed = false }: CoverageBarProps) {
  const t = useTranslations("coverage");
  const tUnit = useTranslations("unit");
  const format = useFormatter();
  const deliveredShare = share(delivered, target);
  const pledgedShare = Math.max(0, share(pledged, target) - deliveredShare);
  const n = (value: number) => format.number(value);
  const summary = t("summary", {
    delivered: n(delivered),
    pledged: n(pledged),
    target: `${n(target)} ${tUnit(unit, { count: target })}`,
  });
  return (
    <div className="space-y-1.5">
      <div role="img" aria-label={summary} className="bar">
        <div className="bg-emerald-700" style={{ width: width(deliveredShare) }} />
        <div className="bg-emerald-400" style={{ width: width(pledgedShare) }} />
      </div>
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">
          {t("percentCovered", { percent: format.number(share(pledged, target), { style: "percent" }) })}
        </span>
        {` · ${t("remainingCount", { count: `${n(Math.max(0, target - pledged))} ${tUnit(unit, { count: target - pledged })}` })}`}
      </p>
      {detailed && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          <LegendItem swatch="bg-emerald-700" label={t("delivered")} value={n(delivered)} />
          <LegendItem swatch="bg-emerald-400" label={t("pledgedOnly")} value={n(Math.max(0, pledged - delivered))} />
          <LegendItem
            swatch="bg-slate-200 ring-1 ring-slate-300 ring-inset"
            label={t("remaining")}
            value={n(Math.max(0, target - pledged))}
          />
        </ul>
      )}
    </div>
  );
}

function LegendItem({ swatch, label, value }: { swatch: string; label: string; value: string }) {
  return (
    <li className="legend-item">
      <span aria-hidden="true" className={`swatch ${swatch}`} />
      {label}: <span className="font-semibold">{value}</span>
    </li>
  );
}
