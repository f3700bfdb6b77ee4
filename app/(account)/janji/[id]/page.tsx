import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommunityLink } from "./_components/community-link.tsx";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge } from "@/components/badge.tsx";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import { GuardError } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { isoDate, jakartaToday } from "@/lib/dates.ts";
import { pledgeDetail } from "@/lib/pledges/queries.ts";
import { DELIVERABLE, nextSteps } from "@/lib/pledges/state-machine.ts";
import { DeliveryForm } from "./_components/delivery-form.tsx";
import { PledgeActions } from "./_components/pledge-actions.tsx";

export const metadata: Metadata = { robots: { index: false } };

const pledgeId = z.string().regex(/^[a-z0-9_]{1,64}$/i);
const CHANGES = ["APPROVED", "REJECTED", "SCHEDULED", "IN_DELIVERY", "CONFIRMED", "CANCELLED", "delivery"] as const;

export default async function PledgePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ baru?: string; berubah?: string }>;
}) {
  const { id } = await params;
  const caller = await requirePageUser(`/janji/${id}`);
  if (!pledgeId.safeParse(id).success) notFound();
  const detail = await pledgeDetail(caller, id).catch((error: unknown) => {
    if (error instanceof GuardError) notFound();
    throw error;
  });
  const { pledge, actors, timeline } = detail;
  const [t, tStatus, tUnit, format, tReceipt] = await Promise.all([
    getTranslations("pledge"),
    getTranslations("pledgeStatus"),
    getTranslations("unit"),
    getFormatter(),
    getTranslations("receipt"),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const quantity = (value: number) => `${format.number(value)} ${tUnit(pledge.need.unit, { count: value })}`;
  const steps = [...new Set(actors.flatMap((actor) => nextSteps(pledge.status, actor)))].filter(
    (step) => step !== "EXPIRED" && step !== "DELIVERED",
  );
  const canDeliver = actors.includes("deliverer") && DELIVERABLE.has(pledge.status);
  const flags = await searchParams;
  const created = flags.baru === "1";
  const changed = CHANGES.find((change) => change === flags.berubah);
  const section = "space-y-3 card p-5 ";

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        {changed && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            {changed === "delivery" ? t("deliveryRecorded") : t(`changed.${changed}`)}
          </p>
        )}
        {created && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            {t("created", { reference: pledge.reference })}
          </p>
        )}
        <h1 className="text-2xl font-bold text-ink">{t("title", { reference: pledge.reference })}</h1>
        <p className="text-slate-700">
          <Link href={`/kebutuhan/${pledge.need.id}`} className="font-medium text-brand-700 hover:underline">
            {pledge.need.item}
          </Link>
          {" · "}
          {pledge.need.kelurahan.name}, {pledge.need.kecamatan.name}
        </p>
      </header>

      <section aria-labelledby="status-heading" className={section}>
        <h2 id="status-heading" className="sr-only">
          {t("status")}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <Badge
            tone={
              pledge.status === "CONFIRMED" ? "success" : ["REJECTED", "CANCELLED", "EXPIRED"].includes(pledge.status) ? "urgent" : "info"
            }
          >
            {tStatus(pledge.status)}
          </Badge>
          <span className="text-sm text-slate-700">
            {t("deliveredOf", { delivered: format.number(pledge.deliveredQuantity), quantity: quantity(pledge.quantity) })}
          </span>
        </div>
        <p className="text-sm">
          <span className="font-semibold">{t("nextStep")}: </span>
          {t(`next.${pledge.status}`)}
        </p>
        {pledge.statusReason && pledge.status !== "EXPIRED" && (
          <p className="text-sm">
            <span className="font-semibold">{t("reason")}: </span>
            {pledge.statusReason}
          </p>
        )}
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("donor")}</dt>
            <dd className="font-medium">
              {pledge.donorOrganisation.name}
              {pledge.donorOrganisation.verificationStatus !== "VERIFIED" && (
                <>
                  {" "}
                  <Badge>{t("unverified")}</Badge>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("deliverer")}</dt>
            <dd className="font-medium">{pledge.aggregatorOrganisation?.name ?? t("direct")}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("planned")}</dt>
            <dd className="font-medium">{date(pledge.plannedDeliveryOn)}</dd>
          </div>
        </dl>
        <CoverageBar
          target={pledge.need.targetQuantity}
          pledged={pledge.need.pledgedQuantity}
          delivered={pledge.need.deliveredQuantity}
          unit={pledge.need.unit}
        />
        {steps.length > 0 && <PledgeActions pledgeId={pledge.id} version={pledge.version} steps={steps} />}
        {pledge.status === "CONFIRMED" && (actors.includes("donor") || actors.includes("staff")) && (
          <div className="flex flex-wrap items-center gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            <span>{tReceipt("openLead")}</span>
            <Link
              href={`/janji/${pledge.id}/tanda-terima`}
              className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800"
            >
              {tReceipt("open")}
            </Link>
          </div>
        )}
      </section>

      {canDeliver && (
        <section id="catat-penyaluran" aria-labelledby="delivery-heading" className={`${section} scroll-mt-4`}>
          <h2 id="delivery-heading" className="text-lg font-semibold text-ink">
            {t("deliveryForm")}
          </h2>
          <DeliveryForm
            pledgeId={pledge.id}
            version={pledge.version}
            remaining={pledge.quantity - pledge.deliveredQuantity}
            today={jakartaToday()}
            planned={isoDate(pledge.plannedDeliveryOn)}
          />
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="deliveries-heading" className={section}>
          <h2 id="deliveries-heading" className="text-lg font-semibold text-ink">
            {t("deliveries")}
          </h2>
          {pledge.deliveryUpdates.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noDeliveries")}</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {pledge.deliveryUpdates.map((delivery) => (
                <li key={delivery.id} className="space-y-1 border-b border-slate-100 pb-3">
                  <p className="font-medium">
                    {date(delivery.deliveredOn)} · {quantity(delivery.quantity)}
                  </p>
                  <p className="text-slate-700">
                    {delivery.recipientCount
                      ? t("recipients", { group: delivery.recipientGroup, count: delivery.recipientCount })
                      : delivery.recipientGroup}
                  </p>
                  {delivery.notes && <p className="text-slate-700">{delivery.notes}</p>}
                  {delivery.community && <CommunityLink confirmation={delivery.community} delivered={delivery.quantity} />}
                  {delivery.photos.length > 0 && (
                    <div className="flex flex-wrap gap-2">
                      {delivery.photos.map((photo, index) => (
                        // eslint-disable-next-line @next/next/no-img-element -- private, access-checked images are not for the image optimiser
                        <img
                          key={photo.id}
                          src={`/janji/${pledge.id}/foto/${photo.id}`}
                          alt={t("photoAlt", { n: index + 1 })}
                          className="h-24 w-24 rounded-md object-cover"
                        />
                      ))}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="timeline-heading" className={section}>
          <h2 id="timeline-heading" className="text-lg font-semibold text-ink">
            {t("timeline")}
          </h2>
          <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
            {timeline.map((event) => (
              <li key={String(event.id)}>
                <p className="font-medium">
                  {event.toStatus ? tStatus(event.toStatus as never) : t(`event.${event.action.replace("pledge.", "")}` as never)}
                </p>
                <p className="text-slate-600">
                  {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                  {event.actorOrganisation ? t("by", { organisation: event.actorOrganisation.name }) : t("system")}
                </p>
                {event.reason && event.action !== "pledge.delivery_recorded" && event.toStatus !== "EXPIRED" && (
                  <p className="text-slate-700">{event.reason}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
