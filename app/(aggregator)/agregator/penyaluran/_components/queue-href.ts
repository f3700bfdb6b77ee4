import type { QueueTab } from "@/lib/deliveries/schema.ts";

export interface QueueLocation {
  tab?: QueueTab;
  kelurahan?: string;
  tanggal?: string;
  q?: string;
  page?: number;
}

/** The queue's address with only the parameters that differ from the defaults. */
export function queueHref({ tab, kelurahan, tanggal, q, page }: QueueLocation): string {
  const params = new URLSearchParams();
  if (tab) params.set("tab", tab);
  if (kelurahan) params.set("kelurahan", kelurahan);
  if (tanggal) params.set("tanggal", tanggal);
  if (q) params.set("q", q);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/agregator/penyaluran?${query}` : "/agregator/penyaluran";
}

export function manifestHref(day: string, kelurahan?: string): string {
  const params = new URLSearchParams({ tanggal: day, ...(kelurahan && { kelurahan }) });
  return `/agregator/penyaluran/surat-jalan?${params}`;
}

/** Message keys of the tabs (next-intl keys stay plain words). */
export const TAB_KEY = {
  schedule: "schedule",
  today: "today",
  "in-delivery": "inDelivery",
  waiting: "waiting",
  done: "done",
} as const satisfies Record<QueueTab, string>;
