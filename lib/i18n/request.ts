import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE, resolveLocale } from "./config.ts";

// The visitor's language comes from the cookie; a page that asks for one explicitly
// (getTranslations({ locale: "en" }), e.g. the bilingual receipt) gets that one.
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = resolveLocale(asked ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
