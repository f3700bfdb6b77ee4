import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ClientNamespace } from "@/lib/i18n/config.ts";

/** Namespaces to send, each whole (true) or only the listed keys (a key sends its whole subtree). */
export type MessagePick = Partial<Record<ClientNamespace, true | readonly string[]>>;

/**
 * Translations for the client components below it (forms). Only the segments with forms
 * use it, so the public reading pages send neither the messages nor the ICU runtime to
 * the browser (see npm run budget). Each segment names the namespaces, or the keys, its
 * forms read: every message sent is in the page's HTML twice (its RSC payload) for every
 * visitor, signed-in pages included (docs/decisions/0025-render-cost.md).
 */
export async function ClientMessages({ pick, children }: { pick: MessagePick; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, Record<string, unknown>>;
  const picked = Object.fromEntries(
    Object.entries(pick).map(([namespace, keys]) => {
      const all = messages[namespace]!;
      return [namespace, keys === true ? all : Object.fromEntries(keys.map((key) => [key, all[key]]))];
    }),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
