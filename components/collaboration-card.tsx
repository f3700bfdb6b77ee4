import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { PublicCollaboration } from "@/lib/collaborations/queries.ts";

const STATUS_TONE = { AGREED: "badge-info", RUNNING: "badge-brand", COMPLETED: "badge-success" } as Record<string, string>;

/** A collaboration's place as people read it: "Gambir, Gambir" for a kelurahan (with its kecamatan), the kota's name, or null for all of Jakarta. */
export function placeName(place: { name: string; level: string; parent: string | null } | null): string | null {
  if (!place) return null;
  return place.level === "KELURAHAN" && place.parent ? `${place.name}, ${place.parent}` : place.name;
}

/** One agreed (or later) JDCN collaboration, as the public sees it: on /kolaborasi and on the partner's page. */
export function CollaborationCard({ collaboration, headingLevel = 3 }: { collaboration: PublicCollaboration; headingLevel?: 2 | 3 }) {
  const t = useTranslations("collaborations");
  const format = useFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const place = placeName(collaboration.place) ?? t("allJakarta");
  return (
    <article className="card space-y-3 p-4" data-collaboration={collaboration.reference}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading className="card-title">{collaboration.title}</Heading>
        <span className={`badge ${STATUS_TONE[collaboration.status] ?? "badge-neutral"}`}>{t(`status.${collaboration.status}`)}</span>
      </div>
      <p className="text-sm whitespace-pre-line text-slate-800">{collaboration.offer}</p>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div className="fact-row">
          <dt className="text-slate-600">{t("partner")}</dt>
          <dd className="font-medium">
            {collaboration.partner && collaboration.partnerId ? (
              <Link href={`/kolaborator/${collaboration.partnerId}`} prefetch={false} className="text-brand-700 hover:underline">
                {collaboration.partner}
              </Link>
            ) : (
              t("anonymousPartner")
            )}
          </dd>
        </div>
        <div className="fact-row">
          <dt className="text-slate-600">{t("office")}</dt>
          <dd className="font-medium">{collaboration.office}</dd>
        </div>
        <div className="fact-row">
          <dt className="text-slate-600">{t("place")}</dt>
          <dd className="font-medium">{place}</dd>
        </div>
        <div className="fact-row">
          <dt className="text-slate-600">{t("period")}</dt>
          <dd className="font-medium">{t("periodValue", { start: day(collaboration.startsOn), end: day(collaboration.endsOn) })}</dd>
        </div>
        <div className="fact-row sm:col-span-2">
          <dt className="text-slate-600">{t("mou")}</dt>
          <dd className="font-medium">{t("mouValue", { reference: collaboration.mouReference, date: day(collaboration.mouSignedOn) })}</dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600">
        {t("reference")}: {collaboration.reference}
      </p>
    </article>
  );
}
