import { useTranslations, useFormatter } from "next-intl";
import Link from "next/link";
import { waitingAge } from "@/lib/inbox/age.ts";
import type { StaffInbox as Inbox } from "@/lib/inbox/queries.ts";
import { waitingSince, type PledgeListItem } from "@/lib/pledges/queries.ts";
import { ApproveForm } from "./approve-form.tsx";
import { ConfirmDelivery } from "./confirm-delivery.tsx";

// The first screen of /staf: three queues of what waits for city staff, longest waiting
// first, each with its count, a short preview and a link to the full list in that order.

export function StaffInbox({ inbox, now, confirmed }: { inbox: Inbox; now: Date; confirmed: string | null }) {
  const t = useTranslations("inbox");
  const tReview = useTranslations("review");
  const tAuth = useTranslations("auth");
  const { review, deliveries, organisations } = inbox;
  return (
    <section id="kotak-masuk" aria-labelledby="inbox-heading" className="space-y-4">
      <div>
        <h2 id="inbox-heading" className="text-xl font-bold text-ink">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700">{t("lead")}</p>
      </div>
      {confirmed && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("confirmed", { reference: confirmed })}
        </p>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-3">
        <Queue id="antrian-tinjauan" title={t("reviewTitle")} total={review.total} href="/staf/janji?status=SUBMITTED">
          {/* The form stays when the list empties, so its confirmation stays on screen. */}
          <ApproveForm hasPledges={review.pledges.length > 0}>
            {review.pledges.length === 0 ? (
              <Empty>{t("reviewEmpty")}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {review.pledges.map((pledge) => (
                  <li key={pledge.id} className="flex gap-3 py-3">
                    <input
                      type="checkbox"
                      name="pledge[]"
                      value={`${pledge.id}:${pledge.version}`}
                      aria-label={tReview("select", { reference: pledge.reference })}
                      className="mt-1 size-5 shrink-0 accent-brand-700"
                    />
                    <PledgeSummary pledge={pledge} now={now} party={pledge.donorOrganisation.name} />
                  </li>
                ))}
              </ul>
            )}
          </ApproveForm>
          {review.pledges.length > 0 && <p className="text-xs text-slate-600">{t("rejectHint")}</p>}
        </Queue>

        <Queue id="antrian-penyaluran" title={t("deliveriesTitle")} total={deliveries.total} href="/staf/janji?status=DELIVERED">
          {deliveries.total === 0 ? (
            <Empty>{t("deliveriesEmpty")}</Empty>
          ) : (
            <>
              <p className="text-xs text-slate-600">{t("confirmHint")}</p>
              <ul className="divide-y divide-slate-100">
                {deliveries.pledges.map((pledge) => (
                  <li key={pledge.id} className="py-3">
                    <PledgeSummary pledge={pledge} now={now} party={pledge.aggregatorOrganisation?.name ?? pledge.donorOrganisation.name}>
                      <div className="mt-2">
                        <ConfirmDelivery pledgeId={pledge.id} version={pledge.version} reference={pledge.reference} />
                      </div>
                    </PledgeSummary>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Queue>

        <Queue id="antrian-organisasi" title={t("organisationsTitle")} total={organisations.total} href="/staf/organisasi?status=PENDING">
          {organisations.total === 0 ? (
            <Empty>{t("organisationsEmpty")}</Empty>
          ) : (
            <ul className="divide-y divide-slate-100">
              {organisations.organisations.map((organisation) => (
                <li key={organisation.id} className="py-3">
                  <p className="flex items-baseline justify-between gap-x-3">
                    {/* The verification list shows the oldest 20 first, so these are on its first page. */}
                    <Link
                      href={`/staf/organisasi?status=PENDING#org-${organisation.id}`}
                      className="min-w-0 font-semibold break-words text-brand-700 hover:underline"
                    >
                      {organisation.name}
                    </Link>
                    <Age since={organisation.createdAt} now={now} />
                  </p>
                  <p className="text-xs text-slate-600">{tAuth(`kinds.${organisation.kind}`)}</p>
                </li>
              ))}
            </ul>
          )}
        </Queue>
      </div>
    </section>
  );
}

function Queue({
  id,
  title,
  total,
  href,
  children,
}: {
  id: string;
  title: string;
  total: number;
  href: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="min-w-0 space-y-3 card p-4">
      <h3 id={`${id}-heading`} className="flex items-start justify-between gap-3 text-lg font-semibold text-ink">
        <span className="min-w-0">{title}</span>
        <span
          data-testid={`${id}-count`}
          className="shrink-0 rounded-full bg-brand-50 px-2.5 py-0.5 text-base font-bold text-brand-800 tabular-nums ring-1 ring-brand-100 ring-inset"
        >
          {format.number(total)}
        </span>
      </h3>
      {children}
      {total > 0 && (
        <p>
          <Link href={href} className="text-sm font-semibold text-brand-700 hover:underline">
            {t.rich("seeAll", { queue: title, count: total, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Link>
        </p>
      )}
    </section>
  );
}

function PledgeSummary({ pledge, now, party, children }: { pledge: PledgeListItem; now: Date; party: string; children?: React.ReactNode }) {
  const tUnit = useTranslations("unit");
  const format = useFormatter();
  return (
    <div className="min-w-0 flex-1">
      <p className="flex items-baseline justify-between gap-x-3">
        <Link href={`/janji/${pledge.id}`} className="min-w-0 font-semibold break-words text-brand-700 hover:underline">
          {pledge.reference}
        </Link>
        <Age since={waitingSince(pledge)} now={now} />
      </p>
      <p className="text-sm break-words text-slate-800">{pledge.need.item}</p>
      <p className="text-xs break-words text-slate-600">
        {pledge.need.kelurahan.name} · {format.number(pledge.quantity)} {tUnit(pledge.need.unit, { count: pledge.quantity })} · {party}
      </p>
      {children}
    </div>
  );
}

function Age({ since, now }: { since: Date; now: Date }) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const age = waitingAge(since, now);
  const words = age.unit === "lessThanHour" ? t("ageLessThanHour") : t(age.unit === "days" ? "ageDays" : "ageHours", { count: age.count });
  return (
    <time
      dateTime={since.toISOString()}
      title={format.dateTime(since, { dateStyle: "medium", timeStyle: "short" })}
      className="shrink-0 text-xs whitespace-nowrap text-slate-700"
    >
      {t("waiting", { age: words })}
    </time>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-700">{children}</p>;
}
