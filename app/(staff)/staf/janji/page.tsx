import type { Metadata } from "next";
import { PageHeader, EmptyState } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { pageParam } from "@/lib/pagination.ts";
import { Pagination } from "@/components/pagination.tsx";
import { PledgeRow } from "@/components/pledge-row.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { isOverdue, reviewQueue, waitingSince } from "@/lib/pledges/queries.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";
import { regionFilterOptions } from "@/lib/regions/queries.ts";
import { BulkReview } from "./_components/bulk-review.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

const STATUSES = [
  "SUBMITTED",
  "APPROVED",
  "SCHEDULED",
  "IN_DELIVERY",
  "DELIVERED",
  "CONFIRMED",
  "REJECTED",
  "CANCELLED",
  "EXPIRED",
] as const;
const params = z.object({
  category: z.enum(ACTIVE_CATEGORIES).optional().catch(undefined),
  kota: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional()
    .catch(undefined),
  status: z.enum(STATUSES).catch("SUBMITTED"),
  age: z.coerce
    .number()
    .pipe(z.union([z.literal(3), z.literal(7)]))
    .optional()
    .catch(undefined),
  reference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^KSBB-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    .optional()
    .catch(undefined),
  page: pageParam,
});

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/janji", STAFF_ROLES);
  const filters = params.parse(await searchParams);
  const [result, regions, t, tCategory, tStatus] = await Promise.all([
    reviewQueue(caller, { ...filters, minAgeDays: filters.age }),
    regionFilterOptions({}),
    getTranslations("review"),
    getTranslations("category"),
    getTranslations("pledgeStatus"),
  ]);
  const query = (page: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...filters, page })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    return `/staf/janji?${q}`;
  };
  const select = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <form method="get" className="grid gap-3 card p-4 sm:grid-cols-3 lg:grid-cols-6">
        <label className="text-sm font-medium">
          {t("reference")}
          <input name="reference" defaultValue={filters.reference ?? ""} placeholder="KSBB-XXXX-XXXX" maxLength={14} className={select} />
        </label>
        <label className="text-sm font-medium">
          {t("status")}
          <select name="status" defaultValue={filters.status} className={select}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("category")}
          <select name="category" defaultValue={filters.category ?? ""} className={select}>
            <option value="">—</option>
            {ACTIVE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tCategory(`${c}.short`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("kota")}
          <select name="kota" defaultValue={filters.kota ?? ""} className={select}>
            <option value="">—</option>
            {regions.kota.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("age")}
          <select name="age" defaultValue={filters.age ?? ""} className={select}>
            <option value="">{t("ageAny")}</option>
            <option value="3">{t("age3")}</option>
            <option value="7">{t("age7")}</option>
          </select>
        </label>
        <div className="self-end">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
        </div>
      </form>
      {filters.status === "SUBMITTED" ? (
        // The form stays when the list empties, so its confirmation stays on screen.
        <BulkReview hasPledges={result.pledges.length > 0}>
          {result.pledges.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <ul className="space-y-3">
              {result.pledges.map((pledge) => (
                <li key={pledge.id}>
                  <PledgeRow pledge={pledge} overdue={isOverdue(pledge)}>
                    <input
                      type="checkbox"
                      name="pledge[]"
                      value={`${pledge.id}:${pledge.version}`}
                      aria-label={t("select", { reference: pledge.reference })}
                      className="mt-1 size-5 accent-brand-700"
                    />
                  </PledgeRow>
                </li>
              ))}
            </ul>
          )}
        </BulkReview>
      ) : result.pledges.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.pledges.map((pledge) => (
            <li key={pledge.id}>
              <PledgeRow pledge={pledge} overdue={isOverdue(pledge)} since={waitingSince(pledge)} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filters.page} pageCount={result.pageCount} hrefFor={query} />
    </div>
  );
}
