import { useTranslations, useLocale } from "next-intl";
import { setLocale } from "@/lib/i18n/actions.ts";
import { LOCALES } from "@/lib/i18n/config.ts";

// A plain form: it works before JavaScript loads, and the page re-renders in the new language.
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("language");
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
          className="lang-option"
        >
          <span className="sr-only">{t(option)}</span>
          <span aria-hidden="true">{option}</span>
        </button>
      ))}
    </form>
  );
}
