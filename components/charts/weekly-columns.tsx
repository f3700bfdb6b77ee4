interface WeeklyColumnsProps {
  caption: string;
  /** One entry per week, oldest first; weeks without data carry 0. */
  weeks: { week: string; value: number }[];
  /** Short label under a column, e.g. "7 Sep". */
  weekLabel: (week: string) => string;
  valueLabel: (value: number) => string;
  /** One sentence with the numbers, read instead of the picture. */
  summary: string;
  /** The table alternative's disclosure and column headings. */
  table: { toggle: string; week: string; value: string };
}

/**
 * A server-rendered weekly column chart: SVG columns, HTML labels (so text stays legible
 * at any width) and the same numbers as a table for anyone who cannot see the picture.
 */
export function WeeklyColumns({ caption, weeks, weekLabel, valueLabel, summary, table }: WeeklyColumnsProps) {
  const max = Math.max(1, ...weeks.map((w) => w.value));
  const columns = { gridTemplateColumns: `repeat(${weeks.length}, minmax(0, 1fr))` };
  const width = weeks.length * 10;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-semibold text-slate-800">{caption}</figcaption>
      <div role="img" aria-label={summary}>
        <ol
          className="grid gap-0.5 text-center text-[10px] leading-4 font-semibold text-slate-800 tabular-nums sm:text-xs"
          style={columns}
          aria-hidden="true"
        >
          {weeks.map((w) => (
            <li key={w.week}>{valueLabel(w.value)}</li>
          ))}
        </ol>
        <svg viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" className="block h-40 w-full" aria-hidden="true">
          {[0, 50, 100].map((y) => (
            <line key={y} x1="0" x2={width} y1={y} y2={y} className="stroke-slate-200" strokeWidth="1" vectorEffect="non-scaling-stroke" />
          ))}
          {weeks.map((w, index) => {
            const height = (w.value / max) * 98;
            return <rect key={w.week} x={index * 10 + 1.5} width="7" y={100 - height} height={height} className="fill-brand-700" />;
          })}
        </svg>
        <ol
          className="grid gap-0.5 border-t border-slate-300 pt-1 text-center text-[10px] leading-3 text-slate-600 sm:text-xs"
          style={columns}
          aria-hidden="true"
        >
          {weeks.map((w, index) => (
            // On a phone every other label, so they never overlap.
            <li key={w.week} className={index % 2 === (weeks.length - 1) % 2 ? "" : "invisible sm:visible"}>
              {weekLabel(w.week)}
            </li>
          ))}
        </ol>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">{table.toggle}</summary>
        <div className="relative mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-300 text-xs text-slate-600 uppercase">
              <tr>
                <th scope="col" className="py-1 pr-4 font-semibold">
                  {table.week}
                </th>
                <th scope="col" className="py-1 text-right font-semibold">
                  {table.value}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {weeks.map((w) => (
                <tr key={w.week}>
                  <td className="py-1 pr-4">{weekLabel(w.week)}</td>
                  <td className="py-1 text-right tabular-nums">{valueLabel(w.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
