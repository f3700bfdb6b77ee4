import { resolveLocale, type Locale } from "./config.ts";

// The strings of the error boundaries (app/error.tsx, app/global-error.tsx). They are
// client components that load on every page, so reading them through next-intl would send
// the ICU runtime (and, for global-error, which has no provider, every message) to every
// visitor's browser. lib/i18n/messages.test.ts keeps these equal to messages.errors.
export const ERROR_BOUNDARY_MESSAGES = {
  id: {
    errorTitle: "Terjadi kesalahan",
    errorBody: "Maaf, halaman ini gagal dimuat. Silakan coba lagi sebentar lagi.",
    retry: "Coba lagi",
    goHome: "Ke beranda",
    errorReference: "Kode kejadian: {digest}",
  },
  en: {
    errorTitle: "Something went wrong",
    errorBody: "Sorry, this page could not be loaded. Please try again in a moment.",
    retry: "Try again",
    goHome: "Go to the home page",
    errorReference: "Incident code: {digest}",
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The page's language, as the root layout set it on <html lang>. */
export function documentLocale(): Locale {
  return resolveLocale(typeof document === "undefined" ? undefined : document.documentElement.lang);
}
