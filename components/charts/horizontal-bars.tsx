import Link from "next/link";
import { ShareBar, type ShareTone } from "./share-bar.tsx";

export interface BarRow {
  key: string;
  label: string;
  /** A second line under the label, e.g. the parent region. */
  sublabel?: string;
  href?: string;
  /** Between 0 and `max`. */
  value: number;
  /** The number as the reader should see it, e.g. "45%". */
  valueLabel: string;
  /** A second link for the row, e.g. to the needs of that region. */
  extraLink?: { href: string; label: string };
}

interface HorizontalBarsProps {
  caption: string;
  rows: BarRow[];
  max?: number;
  tone?: ShareTone;
  /** Rendered as an ordered list (ranked data) instead of an unordered one. */
  ranked?: boolean;
}

/**
 * A server-rendered horizontal bar chart. Every bar's label and value are real text in a
 * list, so the chart reads as a list of numbers without the picture; the bars are SVG.
 */
export function HorizontalBars({ caption, rows, max = 1, tone = "covered", ranked = false }: HorizontalBarsProps) {
  const List = ranked ? "ol" : "ul";
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm font-semibold text-slate-800">{caption}</figcaption>
      <List className="space-y-3">
        {rows.map((row, index) => (
          <li
            key={row.key}
            className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_4.5rem]"
          >
            <span className="min-w-0 text-sm">
              {ranked && <span className="mr-1 text-slate-500 tabular-nums">{index + 1}.</span>}
              {row.href ? (
                <Link href={row.href} className="font-medium text-brand-700 hover:underline">
                  {row.label}
                </Link>
              ) : (
                <span className="font-medium text-slate-900">{row.label}</span>
              )}
              {row.sublabel && <span className="block text-xs text-slate-600">{row.sublabel}</span>}
              {row.extraLink && (
                <Link href={row.extraLink.href} className="block text-xs font-medium text-brand-700 hover:underline">
                  {row.extraLink.label} →
                </Link>
              )}
            </span>
            <span className="text-right text-sm font-semibold text-slate-900 tabular-nums sm:order-last" data-value={row.value}>
              {row.valueLabel}
            </span>
            <ShareBar share={max > 0 ? row.value / max : 0} tone={tone} className="col-span-2 h-2.5 w-full sm:col-span-1" />
          </li>
        ))}
      </List>
    </figure>
  );
}
