import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { ownCollaborations, proposalPlaces } from "@/lib/collaborations/queries.ts";
import { canPropose } from "@/lib/collaborations/service.ts";
import { pageParam } from "@/lib/pagination.ts";
import { CollaborationSteps } from "@/components/collaboration-steps.tsx";
import { ProposeForm } from "./_components/propose-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("collaborations.own"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A partner's JDCN collaborations: where each proposal stands, with every step's reason,
// and the form to propose another. Only the caller's own organisation's proposals.
export default async function OwnCollaborationsPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageUser("/akun/kolaborasi", ["DONOR", "AGGREGATOR"]);
  const page = pageParam.parse((await searchParams).page);
  const allowed = canPropose(caller);
  const [result, places, t, tAll, format] = await Promise.all([
    ownCollaborations(caller, page),
    allowed ? proposalPlaces() : [],
    getTranslations("collaborations.own"),
    getTranslations("collaborations"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} lead={t("lead")} />
      {result.collaborations.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="space-y-4" aria-label={t("listLabel")}>
          {result.collaborations.map((collaboration) => (
            <li key={collaboration.id} className="card space-y-3 p-4" data-collaboration={collaboration.reference}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="card-title">
                  {collaboration.reference} · {collaboration.title}
                </h2>
                <span className="badge badge-info">{tAll(`status.${collaboration.status}`)}</span>
              </div>
              <p className="text-sm text-slate-700">
                {tAll(`topics.${collaboration.topic}`)} ·{" "}
                {t("proposedOn", { date: format.dateTime(collaboration.createdAt, { dateStyle: "medium" }) })} ·{" "}
                {tAll("periodValue", { start: day(collaboration.startsOn), end: day(collaboration.endsOn) })}
              </p>
              <p className="text-sm">
                {collaboration.office ? tAll("queue.routedTo", { office: collaboration.office.name }) : t("notRoutedYet")}
              </p>
              {collaboration.statusReason && (
                <p className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                  <span className="block text-xs text-slate-600">{t("latestReason")}</span>
                  <span className="whitespace-pre-line">{collaboration.statusReason}</span>
                </p>
              )}
              <CollaborationSteps steps={collaboration.steps} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => `/akun/kolaborasi?page=${p}`} />
      <section aria-labelledby="propose-heading" className="card space-y-4 p-5">
        <h2 id="propose-heading" className="text-lg font-semibold text-ink">
          {t("newTitle")}
        </h2>
        {allowed ? (
          <ProposeForm places={places} />
        ) : (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t("notVerified")}
          </p>
        )}
      </section>
    </div>
  );
}
