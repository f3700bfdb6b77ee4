import { useTranslations } from "next-intl";
import Link from "next/link";
import type { RegionOption } from "@/lib/regions/queries.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";
import { CATALOGUE_SORTS, PUBLIC_NEED_STATUSES, SEARCH_MAX_LENGTH, type CatalogueFilters } from "@/lib/needs/schema.ts";
import { AutoSubmit } from "./auto-submit.tsx";

interface CatalogueFiltersProps {
  filters: CatalogueFilters;
  /** Region codes shown as selected, including those implied by a kelurahan code. */
  selected: { kota?: string; kecamatan?: string; kelurahan?: string };
  regions: { kota: RegionOption[]; kecamatan: RegionOption[]; kelurahan: RegionOption[] };
}

// app/globals.css
const fieldClass = "form-field";
const labelClass = "form-label";

// A GET form: every filter lives in the URL, so a filtered list can be shared as a link.
export function CatalogueFiltersForm({ filters, selected, regions }: CatalogueFiltersProps) {
  const t = useTranslations("catalogue");
  const tCategory = useTranslations("category");
  const tStatus = useTranslations("needStatus");
  const activeCount = [filters.category, selected.kota, filters.status, filters.sort].filter(Boolean).length;
  const sortLabel = { priority: t("sortPriority"), deadline: t("sortDeadline"), newest: t("sortNewest") } as const;
  return (
    <form method="get" action="/kebutuhan" role="search" aria-label={t("filters")} className="space-y-4 card p-4">
      <AutoSubmit />
      {filters.view && filters.view !== "list" && <input type="hidden" name="view" value={filters.view} />}
      <div>
        <label htmlFor="q" className={labelClass}>
          {t("search")}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder={t("searchPlaceholder")}
            className={`${fieldClass} mt-0`}
          />
        </div>
      </div>
      <details open={activeCount > 0 || undefined} className="group">
        <summary className="cursor-pointer rounded-md py-1 text-sm font-semibold text-ink marker:text-brand-700">
          {t("moreFilters")}
          {activeCount > 0 && ` (${t("activeFilters", { count: activeCount })})`}
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
          <SelectField
            id="category"
            label={t("category")}
            value={filters.category}
            allLabel={t("all")}
            options={ACTIVE_CATEGORIES.map((key) => ({ value: key, label: tCategory(`${key}.name`) }))}
          />
          <SelectField
            id="kota"
            label={t("kota")}
            value={selected.kota}
            allLabel={t("all")}
            options={regions.kota.map((r) => ({ value: r.code, label: r.name }))}
          />
          <SelectField
            id="kecamatan"
            label={t("kecamatan")}
            value={selected.kecamatan}
            allLabel={regions.kecamatan.length ? t("all") : t("chooseKotaFirst")}
            disabled={!regions.kecamatan.length}
            options={regions.kecamatan.map((r) => ({ value: r.code, label: r.name }))}
          />
          <SelectField
            id="kelurahan"
            label={t("kelurahan")}
            value={selected.kelurahan}
            allLabel={regions.kelurahan.length ? t("all") : t("chooseKecamatanFirst")}
            disabled={!regions.kelurahan.length}
            options={regions.kelurahan.map((r) => ({ value: r.code, label: r.name }))}
          />
          <SelectField
            id="status"
            label={t("status")}
            value={filters.status}
            allLabel={t("allStatuses")}
            options={PUBLIC_NEED_STATUSES.map((status) => ({ value: status, label: tStatus(status) }))}
          />
          <SelectField
            id="sort"
            label={t("sort")}
            value={filters.sort ?? "priority"}
            options={CATALOGUE_SORTS.map((sort) => ({ value: sort, label: sortLabel[sort] }))}
          />
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("apply")}
        </button>
        <Link href="/kebutuhan" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  allLabel?: string;
  disabled?: boolean;
}

function SelectField({ id, label, value, options, allLabel, disabled }: SelectFieldProps) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} disabled={disabled} className={fieldClass}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
