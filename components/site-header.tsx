import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch.tsx";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-3 rounded-md">
          <span aria-hidden="true" className="grid size-10 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white">
            KSBB
          </span>
          <span className="leading-tight">
            <span className="block font-bold text-ink">{t("brand")}</span>
            <span className="block text-xs text-slate-600">{t("brandTagline")}</span>
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label={t("mainMenu")}>
            <ul className="flex gap-1 text-sm font-medium">
              <li>
                <Link href="/" className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100">
                  {t("home")}
                </Link>
              </li>
              <li>
                <Link href="/kebutuhan" className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100">
                  {t("needs")}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
