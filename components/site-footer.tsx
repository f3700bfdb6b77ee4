import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-slate-600">
        <p>{t("about")}</p>
        <p>{t("privacy")}</p>
        <p className="text-xs">{t("dataAttribution")}</p>
      </div>
    </footer>
  );
}
