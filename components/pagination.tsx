import { useTranslations } from "next-intl";
import Link from "next/link";

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The href of a page, keeping the current filters. */
  hrefFor: (page: number) => string;
  /** Names the navigation when a page has more than one paginated list. */
  label?: string;
}

export function Pagination({ page, pageCount, hrefFor, label }: PaginationProps) {
  const t = useTranslations("pagination");
  if (pageCount <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";
  return (
    <nav aria-label={label ?? t("label")} className="flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} className={linkClass} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-700" aria-current="page">
        {t("page", { page, pageCount })}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
