import { getFormatter, getTranslations } from "next-intl/server";
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

/** Target vs pledged vs delivered: pledges are shown, but never counted as delivered. */
export async function CoverageBar({ target, pledged, delivered, unit, detailed = false }: CoverageBarProps) {
  const [t, tUnit, format] = await Promise.all([getTranslations("coverage"), getTranslations("unit"), getFormatter()]);
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
      <div
        role="img"
        aria-label={summary}
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-slate-300 ring-inset"
      >
        <div className="bg-emerald-700" style={{ width: `${deliveredShare * 100}%` }} />
        <div className="bg-emerald-400" style={{ width: `${pledgedShare * 100}%` }} />
      </div>
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">
          {t("percentCovered", { percent: format.number(share(pledged, target), { style: "percent" }) })}
        </span>
        {" · "}
        {t("remainingCount", { count: `${n(Math.max(0, target - pledged))} ${tUnit(unit, { count: target - pledged })}` })}
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
    <li className="flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${swatch}`} />
      {label}: <span className="font-semibold">{value}</span>
    </li>
  );
}
