export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** Bahasa Indonesia first: the portal speaks it unless a visitor chose English. */
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const TIME_ZONE = "Asia/Jakarta";

export function resolveLocale(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/**
 * Message namespaces that client components read with useTranslations. Only these are
 * sent to the browser (every page's HTML carries them); lib/i18n/messages.test.ts fails
 * when a client component uses a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "admin",
  "auth",
  "category",
  "collaborations",
  "community",
  "form",
  "needAdmin",
  "needImport",
  "needStatus",
  "notifications",
  "pledge",
  "priority",
  "programAdmin",
  "reports",
  "review",
  "security",
  "staff",
  "unit",
] as const;
export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];
