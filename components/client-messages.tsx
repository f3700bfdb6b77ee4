import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES } from "@/lib/i18n/config.ts";

/**
 * Translations for the client components below it (forms). Only the segments with forms
 * use it, so the public reading pages send neither the messages nor the ICU runtime to
 * the browser (see npm run budget), and only the namespaces client code reads are sent.
 */
export async function ClientMessages({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
