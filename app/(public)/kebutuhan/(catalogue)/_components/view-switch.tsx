import { useTranslations } from "next-intl";
import Link from "next/link";
import { catalogueQueryString, type CatalogueFilters } from "@/lib/needs/schema.ts";

/** "List | Map | Table": the same filters, shown as needs, as a map of kelurahan, or as the map's numbers. */
export function ViewSwitch({ filters }: { filters: CatalogueFilters }) {
  const t = useTranslations("map");
  const current = filters.view ?? "list";
  const views = [
    { view: "list", label: t("viewList"), href: `/kebutuhan${catalogueQueryString(filters, { view: undefined })}` },
    // A map and its table have no pages.
    { view: "map", label: t("viewMap"), href: `/kebutuhan${catalogueQueryString(filters, { view: "map", page: undefined })}` },
    { view: "table", label: t("viewTable"), href: `/kebutuhan${catalogueQueryString(filters, { view: "table", page: undefined })}` },
  ] as const;
  return (
    <nav aria-label={t("viewSwitch")} className="inline-flex rounded-lg bg-slate-200 p-1 text-sm font-medium">
      {views.map(({ view, label, href }) => (
        <Link
          key={view}
          href={href}
          aria-current={view === current ? "page" : undefined}
          className={`rounded-md px-4 py-1.5 ${view === current ? "bg-white text-ink shadow-sm" : "text-slate-700 hover:text-ink"}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
