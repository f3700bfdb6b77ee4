import { useTranslations, useFormatter } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/badge.tsx";
import { dateOnly } from "@/lib/dates.ts";
import type { QueueItem } from "@/lib/deliveries/queries.ts";

const action = "inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold max-sm:w-full";

/** One pledge of the queue: what, how much, where, when, from whom, and what to do next. */
export function QueueCard({ item, today, showKelurahan = true }: { item: QueueItem; today: string; showKelurahan?: boolean }) {
  const t = useTranslations("aggregatorWork");
  const tStatus = useTranslations("pledgeStatus");
  const tUnit = useTranslations("unit");
  const tReview = useTranslations("review");
  const format = useFormatter();
  const open = item.status === "APPROVED" || item.status === "SCHEDULED" || item.status === "IN_DELIVERY";
  const overdue = open && item.plannedOn < today;
  const planned = format.dateTime(dateOnly(item.plannedOn), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <article
      aria-labelledby={`pledge-${item.id}`}
      className={`flex flex-col gap-3 rounded-xl border bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between ${
        overdue ? "border-red-300" : "border-slate-200"
      }`}
    >
      <div className="min-w-0 space-y-1">
        <h3 id={`pledge-${item.id}`} className="font-semibold text-ink">
          <Link href={`/janji/${item.id}`} className="font-mono hover:text-brand-700 hover:underline">
            {item.reference}
          </Link>
          <span className="font-normal text-slate-700"> · {item.item}</span>
        </h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700 lg:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="font-medium text-slate-600">{t("card.quantity")}</dt>
          <dd>
            {t("card.delivered", {
              delivered: format.number(item.deliveredQuantity),
              total: format.number(item.quantity),
              unit: tUnit(item.unit, { count: item.quantity }),
            })}
          </dd>
          {showKelurahan && (
            <>
              <dt className="font-medium text-slate-600">{t("kelurahan")}</dt>
              <dd>
                {item.kelurahan.name}, {item.kecamatan}
              </dd>
            </>
          )}
          <dt className="font-medium text-slate-600">{t("card.planned")}</dt>
          <dd>{planned}</dd>
          <dt className="font-medium text-slate-600">{t("card.donor")}</dt>
          <dd>{item.donorName ?? t("donorNotShown")}</dd>
        </dl>
      </div>
      <div className="flex shrink-0 flex-col gap-2 sm:items-end">
        <div className="flex flex-wrap gap-2 sm:justify-end">
          {overdue && <Badge tone="urgent">{tReview("overdue")}</Badge>}
          <Badge tone={item.status === "CONFIRMED" ? "success" : "info"}>{tStatus(item.status)}</Badge>
        </div>
        <NextAction item={item} />
      </div>
    </article>
  );
}

function NextAction({ item }: { item: QueueItem }) {
  const t = useTranslations("aggregatorWork");
  const context = <span className="sr-only"> {item.reference}</span>;
  if (item.status === "APPROVED")
    return (
      <Link href={`/janji/${item.id}`} className={`${action} bg-brand-700 text-white hover:bg-brand-800`}>
        {t("next.schedule")}
        {context}
      </Link>
    );
  if (item.status === "SCHEDULED" || item.status === "IN_DELIVERY")
    return (
      <Link href={`/janji/${item.id}#catat-penyaluran`} className={`${action} bg-brand-700 text-white hover:bg-brand-800`}>
        {t("next.record")}
        {context}
      </Link>
    );
  return (
    <div className="space-y-1 sm:text-right">
      {item.status === "DELIVERED" && <p className="text-sm text-slate-700">{t("next.waiting")}</p>}
      <Link href={`/janji/${item.id}`} className={`${action} border border-slate-400 bg-white text-slate-800 hover:bg-slate-100`}>
        {t("next.view")}
        {context}
      </Link>
    </div>
  );
}
