import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions.ts";
import { LOCALES } from "@/lib/i18n/config.ts";

// A plain form: it works before JavaScript loads, and the page re-renders in the new language.
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={setLocale} className="flex items-center gap-1 text-sm" aria-label={t("label")} role="group">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          title={t("switchTo", { language: t(option) })}
          className="rounded-md border border-slate-300 px-2.5 py-1.5 font-semibold uppercase text-slate-700 hover:bg-slate-100 aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white"
        >
          <span className="sr-only">{t(option)}</span>
          <span aria-hidden="true">{option}</span>
        </button>
      ))}
    </form>
  );
}
