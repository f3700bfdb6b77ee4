import { getTranslations } from "next-intl/server";

export default async function CatalogueLoading() {
  const t = await getTranslations("catalogue");
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-slate-700">
        {t("loading")}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2" aria-hidden="true">
        {Array.from({ length: 6 }, (_, index) => (
          <li key={index} className="h-48 animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </ul>
    </div>
  );
}
