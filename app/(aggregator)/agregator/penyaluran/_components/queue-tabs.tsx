import { useTranslations, useFormatter } from "next-intl";
import Link from "next/link";
import type { QueueCounts } from "@/lib/deliveries/queries.ts";
import { QUEUE_TABS, type QueueTab } from "@/lib/deliveries/schema.ts";
import { queueHref, TAB_KEY, type QueueLocation } from "./queue-href.ts";

/** The queue's tabs: plain links, so they work before (or without) JavaScript. */
export function QueueTabs({ current, counts, filters }: { current: QueueTab; counts: QueueCounts; filters: QueueLocation }) {
  const t = useTranslations("aggregatorWork");
  const format = useFormatter();
  return (
    <nav aria-label={t("tabsLabel")} className="print:hidden">
      <ul className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 md:flex md:flex-wrap">
        {QUEUE_TABS.map((tab) => {
          const active = tab === current;
          return (
            <li key={tab}>
              <Link
                href={queueHref({ ...filters, tab, page: undefined })}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-11 items-center justify-between gap-3 rounded-lg border px-3 py-2 text-sm font-semibold ${
                  active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                <span>{t(`tabs.${TAB_KEY[tab]}`)}</span>
                <span
                  className={`min-w-7 rounded-full px-2 py-0.5 text-center text-xs font-bold ${
                    active ? "bg-white text-brand-800" : "bg-slate-100 text-slate-800"
                  }`}
                >
                  <span aria-hidden="true">{format.number(counts[tab])}</span>
                  <span className="sr-only">({format.number(counts[tab])})</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
