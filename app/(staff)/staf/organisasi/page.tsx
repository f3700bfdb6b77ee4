import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader, EmptyState } from "@/components/page-header.tsx";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { pageParam } from "@/lib/pagination.ts";
import { Pagination } from "@/components/pagination.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { organisationName, organisationsForReview } from "@/lib/organisations/queries.ts";
import { DecisionForms } from "./_components/decision-forms.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

const STATUSES = ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"] as const;
const params = z.object({
  status: z.enum(STATUSES).catch("PENDING"),
  page: pageParam,
  q: z.string().trim().max(160).optional().catch(undefined),
  decided: z.enum(["verify", "reject", "suspend", "reinstate"]).optional().catch(undefined),
  organisation: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/i)
    .optional()
    .catch(undefined),
});

export default async function OrganisationReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageUser("/staf/organisasi", STAFF_ROLES);
  const { status, page, q, decided, organisation: decidedId } = params.parse(await searchParams);
  const [result, decidedName, t, tAuth, format] = await Promise.all([
    organisationsForReview(status, page, q || undefined),
    decided && decidedId ? organisationName(decidedId) : null,
    getTranslations("staff"),
    getTranslations("auth"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {decided && decidedName && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <span className="font-semibold">{decidedName}</span>: {t(`decided.${decided}`)}
        </p>
      )}
      <nav aria-label={t("title")} className="flex flex-wrap gap-2">
        {STATUSES.map((option) => (
          <Link
            key={option}
            href={`/staf/organisasi?status=${option}`}
            aria-current={option === status ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t(`tabs.${option}`)}
          </Link>
        ))}
      </nav>
      <form method="get" action="/staf/organisasi" role="search" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="status" value={status} />
        <label className="min-w-0 flex-1 text-sm font-medium sm:max-w-sm">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={q ?? ""}
            maxLength={160}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          {t("searchSubmit")}
        </button>
      </form>
      {result.organisations.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-4">
          {result.organisations.map((organisation) => (
            <li key={organisation.id}>
              <article aria-labelledby={`org-${organisation.id}`} className="space-y-3 card p-5">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`org-${organisation.id}`} className="text-lg font-semibold text-ink">
                    {organisation.name}
                  </h2>
                  <span className="text-sm text-slate-600">
                    {t("registered", { date: format.dateTime(organisation.createdAt, { dateStyle: "medium" }) })}
                  </span>
                </div>
                <dl className="grid gap-2 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="inline text-slate-600">{tAuth("kind")}: </dt>
                    <dd className="inline font-medium">{tAuth(`kinds.${organisation.kind}`)}</dd>
                  </div>
                  <div>
                    <dt className="inline text-slate-600">{t("contact")}: </dt>
                    <dd className="inline font-medium">
                      {[organisation.users[0]?.name, organisation.contactEmail, organisation.contactPhone].filter(Boolean).join(" · ")}
                    </dd>
                  </div>
                  {organisation.kind === "AGGREGATOR" && (
                    <div>
                      <dt className="sr-only">{tAuth("kelurahan")}</dt>
                      <dd>
                        {t("kelurahanCount", { count: organisation._count.serviceAreas })} · {tAuth("capacity")}:{" "}
                        {format.number(organisation.deliveryCapacity ?? 0)}
                      </dd>
                    </div>
                  )}
                  {(organisation.verificationReason || organisation.suspensionReason) && (
                    <div className="sm:col-span-2">
                      <dt className="inline text-slate-600">{t("reasonLabel")}: </dt>
                      <dd className="inline">{organisation.suspensionReason ?? organisation.verificationReason}</dd>
                    </div>
                  )}
                </dl>
                <DecisionForms organisationId={organisation.id} status={status} />
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={result.pageCount}
        hrefFor={(p) => `/staf/organisasi?status=${status}${q ? `&q=${encodeURIComponent(q)}` : ""}&page=${p}`}
      />
    </div>
  );
}
