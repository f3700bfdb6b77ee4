import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge } from "@/components/badge.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { needsForStaff } from "@/lib/needs/staff-queries.ts";
import { NEED_STATUSES, needListParams } from "@/lib/needs/staff-schema.ts";
import { programOptions } from "@/lib/programs/queries.ts";
import { regionFilterOptions } from "@/lib/regions/queries.ts";
import { NEED_STATUS_TONE } from "./_components/status-tone.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("needAdmin"))("title") };
}

const flash = z.object({
  berubah: z.literal("imported").optional().catch(undefined),
  jumlah: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
});

export default async function StaffNeedListPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/kebutuhan", STAFF_ROLES);
  const raw = await searchParams;
  const filters = needListParams.parse(raw);
  const { berubah, jumlah } = flash.parse(raw);
  const [result, programs, regions, t, tStatus, tUnit, format, locale] = await Promise.all([
    needsForStaff(caller, filters),
    programOptions(caller),
    regionFilterOptions({}),
    getTranslations("needAdmin"),
    getTranslations("needStatus"),
    getTranslations("unit"),
    getFormatter(),
    getLocale(),
  ]);
  const query = (page: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...filters, page })
        .filter(([, v]) => v !== undefined && v !== 1)
        .map(([k, v]) => [k, String(v)]),
    );
    return `/staf/kebutuhan${q.size ? `?${q}` : ""}`;
  };
  const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";
  const filtered = Boolean(filters.program || filters.kota || filters.status || filters.q);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        <p className="flex flex-wrap gap-2">
          <Link
            href="/staf/kebutuhan/baru"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("newNeed")}
          </Link>
          <Link
            href="/staf/kebutuhan/impor"
            className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100"
          >
            {t("importLink")}
          </Link>
        </p>
      </PageHeader>
      {berubah === "imported" && jumlah !== undefined && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("changed.imported", { count: jumlah })}
        </p>
      )}
      <form method="get" className="grid gap-3 card p-4 sm:grid-cols-2 lg:grid-cols-5">
        <label className="text-sm font-medium lg:col-span-2">
          {t("filters.search")}
          <input
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder={t("filters.searchPlaceholder")}
            maxLength={100}
            className={field}
          />
        </label>
        <label className="text-sm font-medium">
          {t("filters.program")}
          <select name="program" defaultValue={filters.program ?? ""} className={field}>
            <option value="">{t("filters.all")}</option>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {locale === "en" ? p.nameEn : p.nameId}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("filters.kota")}
          <select name="kota" defaultValue={filters.kota ?? ""} className={field}>
            <option value="">{t("filters.all")}</option>
            {regions.kota.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("filters.status")}
          <select name="status" defaultValue={filters.status ?? ""} className={field}>
            <option value="">{t("filters.all")}</option>
            {NEED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("filters.apply")}
          </button>
          {filtered && (
            <Link href="/staf/kebutuhan" className="text-sm font-medium text-brand-700 hover:underline">
              {t("filters.reset")}
            </Link>
          )}
          <p className="ml-auto text-sm text-slate-700" aria-live="polite">
            {t("results", { count: result.total })}
          </p>
        </div>
      </form>
      {result.needs.length === 0 ? (
        <EmptyState>{filtered ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.needs.map((need) => (
            <li key={need.id}>
              <article aria-labelledby={`need-${need.id}`} className="flex flex-wrap items-start justify-between gap-3 card p-4">
                <div className="min-w-0 space-y-1">
                  <h2 id={`need-${need.id}`} className="font-semibold text-ink">
                    <Link href={`/staf/kebutuhan/${need.id}`} className="hover:text-brand-700 hover:underline">
                      {need.item}
                    </Link>
                  </h2>
                  <p className="text-sm text-slate-700">
                    {need.kelurahan.name}
                    {need.rw ? ` · RW ${String(need.rw).padStart(2, "0")}` : ""}, {need.kecamatan.name}, {need.kota.name}
                  </p>
                  <p className="text-xs text-slate-600">
                    {locale === "en" ? need.program.nameEn : need.program.nameId}
                    {" · "}
                    {t("coverage", {
                      pledged: format.number(need.pledgedQuantity),
                      target: format.number(need.targetQuantity),
                      unit: tUnit(need.unit, { count: need.targetQuantity }),
                      delivered: format.number(need.deliveredQuantity),
                    })}
                    {" · "}
                    {t("deadline", { date: format.dateTime(need.deadline, { dateStyle: "medium", timeZone: "UTC" }) })}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={NEED_STATUS_TONE[need.status]}>{tStatus(need.status)}</Badge>
                  <Link
                    href={`/staf/kebutuhan/${need.id}`}
                    className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100"
                  >
                    {t("edit")}
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filters.page} pageCount={result.pageCount} hrefFor={query} />
    </div>
  );
}
