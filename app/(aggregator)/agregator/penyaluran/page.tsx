import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { dateOnly, jakartaToday } from "@/lib/dates.ts";
import {
  defaultTab,
  groupByDayAndKelurahan,
  QUEUE_PAGE_SIZE,
  queueCounts,
  queuePage,
  servedKelurahan,
  type QueueFilters as Filters,
} from "@/lib/deliveries/queries.ts";
import { normalisePledgeCode, queueParams } from "@/lib/deliveries/schema.ts";
import { QueueCard } from "./_components/queue-card.tsx";
import { QueueFilters } from "./_components/queue-filters.tsx";
import { manifestHref, queueHref, TAB_KEY } from "./_components/queue-href.ts";
import { QueueTabs } from "./_components/queue-tabs.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("aggregatorWork"))("title") };
}

export default async function AggregatorQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageUser("/agregator/penyaluran", ["AGGREGATOR"]);
  const params = queueParams.parse(await searchParams);
  const today = jakartaToday();
  const filters: Filters = {
    kelurahan: params.kelurahan,
    tanggal: params.tanggal,
    reference: params.q ? normalisePledgeCode(params.q) : undefined,
  };
  const [counts, options, t, format] = await Promise.all([
    queueCounts(caller, filters, today),
    servedKelurahan(caller),
    getTranslations("aggregatorWork"),
    getFormatter(),
  ]);
  // A code search shows the tab the pledge is in; otherwise the tab asked for, or the first with work.
  const tab = params.tab && !(filters.reference && counts[params.tab] === 0) ? params.tab : defaultTab(counts);
  const pageCount = Math.max(1, Math.ceil(counts[tab] / QUEUE_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const items = await queuePage(caller, tab, filters, page, today);
  const location = { tab, kelurahan: params.kelurahan, tanggal: params.tanggal, q: params.q };
  const filtered = Boolean(params.kelurahan || params.tanggal || params.q);
  const dayLabel = (day: string) =>
    day === today ? t("todayLabel") : format.dateTime(dateOnly(day), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        {caller.organisation.verificationStatus !== "VERIFIED" && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t("notVerified")}
          </p>
        )}
      </PageHeader>
      <QueueTabs current={tab} counts={counts} filters={location} />
      <QueueFilters tab={tab} kelurahan={params.kelurahan} tanggal={params.tanggal} q={params.q} options={options} />
      {filters.reference === null && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("badCode", { q: params.q ?? "" })}
        </p>
      )}
      <section aria-labelledby="queue-heading" className="space-y-4">
        <div>
          <h2 id="queue-heading" className="text-lg font-semibold text-ink">
            {t(`tabs.${TAB_KEY[tab]}`)}
          </h2>
          <p className="text-sm text-slate-700">{t(`tabLead.${TAB_KEY[tab]}`)}</p>
        </div>
        {items.length === 0 ? (
          <EmptyState>{filtered ? t("emptyFiltered") : t(`empty.${TAB_KEY[tab]}`)}</EmptyState>
        ) : tab === "today" ? (
          groupByDayAndKelurahan(items, today).map((group) => (
            <section
              key={`${group.day}|${group.kelurahan.code}`}
              aria-labelledby={`group-${group.day}-${group.kelurahan.code}`}
              className="space-y-3"
            >
              <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-2">
                <h3 id={`group-${group.day}-${group.kelurahan.code}`} className="font-semibold text-ink">
                  {dayLabel(group.day)} · {group.kelurahan.name}
                  <span className="font-normal text-slate-600">, {group.kecamatan}</span>
                </h3>
                <Link
                  href={manifestHref(group.day, group.kelurahan.code)}
                  className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 max-sm:w-full max-sm:justify-center"
                >
                  {t("manifestLink")}
                  <span className="sr-only">
                    {" "}
                    {group.kelurahan.name}, {dayLabel(group.day)}
                  </span>
                </Link>
              </div>
              <ul className="space-y-3">
                {group.items.map((item) => (
                  <li key={item.id}>
                    <QueueCard item={item} today={today} showKelurahan={false} />
                  </li>
                ))}
              </ul>
            </section>
          ))
        ) : (
          <ul className="space-y-3">
            {items.map((item) => (
              <li key={item.id}>
                <QueueCard item={item} today={today} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} hrefFor={(n) => queueHref({ ...location, page: n })} />
      </section>
    </div>
  );
}
