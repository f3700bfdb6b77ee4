import type { Metadata } from "next";
import { EmptyState } from "@/components/page-header.tsx";
import { getFormatter, getTranslations } from "next-intl/server";
import { PledgeRow } from "@/components/pledge-row.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { aggregatorAssignments, isOverdue } from "@/lib/pledges/queries.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("aggregatorWork"))("title") };
}

export default async function AggregatorDeliveriesPage() {
  const caller = await requirePageUser("/agregator/penyaluran", ["AGGREGATOR"]);
  const [groups, t, format] = await Promise.all([aggregatorAssignments(caller), getTranslations("aggregatorWork"), getFormatter()]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
        <p className="text-slate-700">{t("lead")}</p>
        {caller.organisation.verificationStatus !== "VERIFIED" && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t("notVerified")}
          </p>
        )}
      </header>
      {groups.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        groups.map((group) => (
          <section key={group.kelurahan + group.kecamatan} aria-label={group.kelurahan} className="space-y-3">
            <h2 className="text-lg font-semibold text-ink">
              {group.kelurahan} <span className="text-sm font-normal text-slate-600">· {group.kecamatan}</span>
            </h2>
            <ul className="space-y-3">
              {group.pledges.map((pledge) => (
                <li key={pledge.id}>
                  <p className="mb-1 text-xs font-semibold text-slate-600 uppercase">
                    {format.dateTime(pledge.plannedDeliveryOn, { dateStyle: "full", timeZone: "UTC" })}
                  </p>
                  <PledgeRow pledge={pledge} overdue={isOverdue(pledge)} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
