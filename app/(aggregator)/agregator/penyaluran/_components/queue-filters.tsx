import { useTranslations } from "next-intl";
import Link from "next/link";
import type { QueueTab } from "@/lib/deliveries/schema.ts";
import { queueHref } from "./queue-href.ts";

interface Props {
  tab: QueueTab;
  kelurahan?: string;
  tanggal?: string;
  q?: string;
  options: { code: string; name: string; kecamatan: string }[];
}

/** A GET form: the filters live in the address, so a filtered queue can be bookmarked or shared. */
export function QueueFilters({ tab, kelurahan, tanggal, q, options }: Props) {
  const t = useTranslations("aggregatorWork");
  const field = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 sm:text-sm";
  const filtered = Boolean(kelurahan || tanggal || q);
  return (
    <form
      method="get"
      action="/agregator/penyaluran"
      role="search"
      aria-label={t("filtersLabel")}
      className="grid gap-3 card p-4 sm:grid-cols-2 lg:grid-cols-4 print:hidden"
    >
      <input type="hidden" name="tab" value={tab} />
      <div>
        <label htmlFor="queue-q" className="form-label">
          {t("search")}
        </label>
        <input
          id="queue-q"
          name="q"
          defaultValue={q ?? ""}
          placeholder="KSBB-XXXX-XXXX"
          maxLength={40}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="queue-q-hint"
          className={field}
        />
        <p id="queue-q-hint" className="mt-1 text-xs text-slate-600">
          {t("searchHint")}
        </p>
      </div>
      <div>
        <label htmlFor="queue-kelurahan" className="form-label">
          {t("kelurahan")}
        </label>
        <select id="queue-kelurahan" name="kelurahan" defaultValue={kelurahan ?? ""} className={field}>
          <option value="">{t("allKelurahan")}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name} ({option.kecamatan})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="queue-date" className="form-label">
          {t("date")}
        </label>
        <input id="queue-date" name="tanggal" type="date" defaultValue={tanggal ?? ""} className={field} />
      </div>
      <div className="flex flex-wrap items-start gap-3 sm:pt-6">
        <button
          type="submit"
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 max-sm:w-full"
        >
          {t("apply")}
        </button>
        {filtered && (
          <Link
            href={queueHref({ tab })}
            className="flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand-700 underline hover:text-brand-800"
          >
            {t("clearFilters")}
          </Link>
        )}
      </div>
    </form>
  );
}
