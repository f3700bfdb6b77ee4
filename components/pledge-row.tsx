import { useTranslations, useFormatter } from "next-intl";
import Link from "next/link";
import type { PledgeListItem } from "@/lib/pledges/queries.ts";
import { Badge } from "./badge.tsx";

/** One pledge in a list: reference, need, place, quantity and status. */
export function PledgeRow({
  pledge,
  overdue = false,
  showNextStep = false,
  since,
  children,
}: {
  pledge: PledgeListItem;
  overdue?: boolean;
  showNextStep?: boolean;
  /** Since when it has been in its status, for lists ordered by it. */
  since?: Date;
  children?: React.ReactNode;
}) {
  const tStatus = useTranslations("pledgeStatus");
  const tUnit = useTranslations("unit");
  const tReview = useTranslations("review");
  const tPledge = useTranslations("pledge");
  const format = useFormatter();
  return (
    <article
      className={`flex flex-wrap items-start justify-between gap-3 rounded-xl border bg-white p-4 shadow-sm ${overdue ? "border-red-300" : "border-slate-200"}`}
    >
      <div className="flex min-w-0 gap-3">
        {children}
        <div className="min-w-0">
          <p className="font-semibold text-ink">
            <Link href={`/janji/${pledge.id}`} className="hover:text-brand-700 hover:underline">
              {pledge.reference}
            </Link>
            {" · "}
            {pledge.need.item}
          </p>
          <p className="text-sm text-slate-700">
            {pledge.need.kelurahan.name}, {pledge.need.kecamatan.name} · {format.number(pledge.quantity)}{" "}
            {tUnit(pledge.need.unit, { count: pledge.quantity })}
          </p>
          <p className="text-xs text-slate-600">
            {pledge.donorOrganisation.name}
            {pledge.donorOrganisation.verificationStatus !== "VERIFIED" && ` (${tPledge("unverified")})`}
            {" · "}
            {pledge.aggregatorOrganisation?.name ?? tPledge("direct")}
            {" · "}
            {tReview("waiting", { date: format.dateTime(pledge.createdAt, { dateStyle: "medium" }) })}
            {since &&
              ` · ${tReview("statusSince", { status: tStatus(pledge.status), date: format.dateTime(since, { dateStyle: "medium" }) })}`}
          </p>
          {showNextStep && (
            <p className="mt-1 text-sm text-slate-800">
              <span className="font-semibold">{tPledge("nextStep")}: </span>
              {tPledge(`next.${pledge.status}`)}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        {overdue && <Badge tone="urgent">{tReview("overdue")}</Badge>}
        <Badge tone={pledge.status === "CONFIRMED" ? "success" : "info"}>{tStatus(pledge.status)}</Badge>
      </div>
    </article>
  );
}
