import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const [t, tOpenData] = await Promise.all([getTranslations("footer"), getTranslations("openData")]);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-slate-600">
        <p>{t("about")}</p>
        <p>{t("privacy")}</p>
        <p>
          <Link href="/data" className="font-semibold text-brand-700 hover:underline">
            {tOpenData("footerLink")}
          </Link>
        </p>
        <p className="text-xs">{t("dataAttribution")}</p>
      </div>
    </footer>
  );
}
