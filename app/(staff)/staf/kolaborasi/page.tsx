import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { placeName } from "@/components/collaboration-card.tsx";
import { CollaborationSteps } from "@/components/collaboration-steps.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { cityOffices, collaborationQueue } from "@/lib/collaborations/queries.ts";
import { COLLABORATION_STATUSES, ROUTABLE_STATUSES, collaborationQueueParams } from "@/lib/collaborations/schema.ts";
import { canStep } from "@/lib/collaborations/service.ts";
import { RouteForm, StepForm } from "./_components/collaboration-forms.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("collaborations.queue"))("title") };
}

// JDCN staff route proposals to the office in charge; that office's staff take each step.
export default async function CollaborationQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/kolaborasi", STAFF_ROLES);
  const { status, page, diubah, ref } = collaborationQueueParams.parse(await searchParams);
  const [result, offices, t, tAll, format] = await Promise.all([
    collaborationQueue(caller, status, page),
    cityOffices(),
    getTranslations("collaborations.queue"),
    getTranslations("collaborations"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const routable = (ROUTABLE_STATUSES as readonly string[]).includes(status);
  const closed = status === "COMPLETED" || status === "DECLINED";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {diubah && ref && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {`${ref}: ${t(`changed.${diubah}`)}`}
        </p>
      )}
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2">
        {COLLABORATION_STATUSES.map((option) => (
          <Link
            key={option}
            href={`/staf/kolaborasi?status=${option}`}
            aria-current={option === status ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t("tab", { status: tAll(`status.${option}`), count: result.countByStatus[option] })}
          </Link>
        ))}
      </nav>
      {result.collaborations.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="space-y-4" aria-label={t("listLabel", { status: tAll(`status.${status}`) })}>
          {result.collaborations.map((collaboration) => {
            const region = collaboration.region;
            const place = placeName(region && { ...region, parent: region.parent?.name ?? null }) ?? tAll("allJakarta");
            return (
              <li key={collaboration.id} className="card space-y-3 p-4" data-collaboration={collaboration.reference}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold text-ink">
                    {collaboration.reference} · {collaboration.title}
                  </h2>
                  <span className="badge badge-neutral">{tAll(`topics.${collaboration.topic}`)}</span>
                </div>
                <p className="text-xs text-slate-600">
                  {t("proposedBy", {
                    date: format.dateTime(collaboration.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }),
                    name: collaboration.proposedBy.name,
                    organisation: collaboration.partnerOrganisation.name,
                  })}
                </p>
                <dl className="space-y-2 text-sm">
                  <div className="fact-row">
                    <dt>{tAll("place")}</dt>
                    <dd>{place}</dd>
                  </div>
                  <div className="fact-row">
                    <dt>{tAll("period")}</dt>
                    <dd>{tAll("periodValue", { start: day(collaboration.startsOn), end: day(collaboration.endsOn) })}</dd>
                  </div>
                  <div className="fact-row">
                    <dt>{tAll("offer")}</dt>
                    <dd className="whitespace-pre-line">{collaboration.offer}</dd>
                  </div>
                  <div className="fact-row">
                    <dt>{tAll("askOfCity")}</dt>
                    <dd className="whitespace-pre-line">{collaboration.askOfCity}</dd>
                  </div>
                  <div className="fact-row">
                    <dt>{tAll("office")}</dt>
                    <dd>{collaboration.office?.name ?? t("notRouted")}</dd>
                  </div>
                  {collaboration.mouReference && collaboration.mouSignedOn && (
                    <div className="fact-row">
                      <dt>{tAll("mou")}</dt>
                      <dd>{tAll("mouValue", { reference: collaboration.mouReference, date: day(collaboration.mouSignedOn) })}</dd>
                    </div>
                  )}
                </dl>
                <CollaborationSteps steps={collaboration.steps} />
                {routable && (
                  <RouteForm
                    collaborationId={collaboration.id}
                    reference={collaboration.reference}
                    offices={offices}
                    officeId={collaboration.officeId}
                  />
                )}
                {!closed &&
                  (canStep(caller, collaboration.officeId) ? (
                    <StepForm collaborationId={collaboration.id} reference={collaboration.reference} status={collaboration.status} />
                  ) : (
                    <p className="text-sm text-slate-700">{collaboration.officeId ? t("otherOffice") : t("routeFirst")}</p>
                  ))}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => `/staf/kolaborasi?status=${status}&page=${p}`} />
    </div>
  );
}
