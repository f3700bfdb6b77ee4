import { useTranslations } from "next-intl";
import Link from "next/link";

interface MapTableProps {
  id: string;
  caption: string;
  columns: readonly string[];
  /** Already in the order to show; the first cell names the kelurahan (a row header). */
  rows: readonly { code: string; cells: readonly React.ReactNode[] }[];
  /** Indexes of right-aligned number columns. */
  numeric?: readonly number[];
  /** Folded under a map (a disclosure, so it opens without JavaScript) rather than shown. */
  folded?: boolean;
}

/** A map's numbers as a table: the same numbers, for reading, sorting by eye and screen readers. */
export function MapTable({ id, caption, columns, rows, numeric = [], folded = false }: MapTableProps) {
  const t = useTranslations("map");
  const align = (index: number) => (numeric.includes(index) ? "text-right" : undefined);
  const table = (
    // Cell styles sit on the table, not on each of the 267 rows: the page stays light.
    <table className="w-full min-w-[40rem] border-collapse text-sm [&_tbody_a]:font-medium [&_tbody_a]:text-brand-700 [&_tbody_a]:underline-offset-2 [&_tbody_a:hover]:underline [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100 [&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top [&_td]:tabular-nums [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_th]:align-top">
      <caption className="px-4 py-2 text-left text-xs text-slate-600">{caption}</caption>
      <thead className="sticky top-0 bg-slate-100 text-xs text-slate-700">
        <tr>
          {columns.map((column, index) => (
            <th key={column} scope="col" className={`font-semibold ${align(index) ?? ""}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code} data-code={row.code}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="font-normal">
                  {cell}
                </th>
              ) : (
                <td key={index} className={align(index)}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!folded)
    return (
      <div id={id} className="overflow-x-auto card">
        {table}
      </div>
    );
  return (
    <details id={id} className="card">
      <summary className="cursor-pointer rounded-xl px-4 py-3 text-sm font-semibold text-ink marker:text-brand-700">
        {t("showTable")}
      </summary>
      <div className="max-h-[32rem] overflow-auto border-t border-slate-200">{table}</div>
    </details>
  );
}

/** The link from a map to its table view. */
export function TableLink({ href }: { href: string }) {
  const t = useTranslations("map");
  return (
    <p>
      <Link
        href={href}
        className="inline-flex rounded-md px-1 text-sm font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800"
      >
        {t("showTable")}
      </Link>
    </p>
  );
}
