export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** Bahasa Indonesia first: the portal speaks it unless a visitor chose English. */
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const TIME_ZONE = "Asia/Jakarta";

export function resolveLocale(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}
