import { useTranslations } from "next-intl";
import { DATASETS, type DatasetName } from "@/lib/open-data/datasets.ts";

const buttonClass =
  "inline-flex items-center rounded-md border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2";

/** One dataset: what it holds, its downloads, and its columns with their HXL hashtags. */
export function DatasetSection({ dataset, rows }: { dataset: DatasetName; rows?: string }) {
  const t = useTranslations("openData");
  const title = t(`dataset.${dataset}.title`);
  const columns = DATASETS[dataset].columns;
  const meaning = (column: string) => t(`column.${dataset}.${column}` as Parameters<typeof t>[0]);
  return (
    <section aria-labelledby={`dataset-${dataset}`} className="space-y-4 card p-5">
      <div className="space-y-1">
        <h2 id={`dataset-${dataset}`} className="text-xl font-semibold text-ink">
          {title}
        </h2>
        <p className="text-slate-700">{t(`dataset.${dataset}.description`)}</p>
        {rows && <p className="text-sm text-slate-600">{rows}</p>}
      </div>
      <ul aria-label={t("downloadsLabel", { dataset: title })} className="flex flex-wrap gap-2">
        <li>
          <a href={`/data/${dataset}.csv`} download className={buttonClass}>
            {t("downloadCsv")}
          </a>
        </li>
        <li>
          <a href={`/data/${dataset}.csv?hxl=1`} download className={buttonClass}>
            {t("downloadCsvHxl")}
          </a>
        </li>
        <li>
          <a href={`/data/${dataset}.json`} download className={buttonClass}>
            {t("downloadJson")}
          </a>
        </li>
      </ul>
      <details className="group">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("columnsSummary")}</summary>
        {/* A table from tablet width up; on a phone the same columns as a list, so nothing has to scroll sideways. */}
        <table className="mt-3 hidden w-full text-left text-sm sm:table">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("columnHeader")}
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("meaningHeader")}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t("hxlHeader")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {columns.map((column) => (
              <tr key={column.name}>
                <th scope="row" className="py-2 pr-3 font-mono text-xs font-normal text-ink">
                  {column.name}
                </th>
                <td className="py-2 pr-3 text-slate-700">{meaning(column.name)}</td>
                <td className="py-2 font-mono text-xs text-slate-700">
                  {column.hxl ?? <span className="font-sans italic">{t("untagged")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="mt-3 divide-y divide-slate-100 text-sm sm:hidden">
          {columns.map((column) => (
            <div key={column.name} className="py-2">
              <dt className="flex flex-wrap gap-x-3 font-mono text-xs">
                <span className="break-all text-ink">{column.name}</span>
                <span className="break-all text-slate-600">{column.hxl ?? <span className="font-sans italic">{t("untagged")}</span>}</span>
              </dt>
              <dd className="mt-1 text-slate-700">{meaning(column.name)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
