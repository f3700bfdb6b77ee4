import { getTranslations } from "next-intl/server";

export default async function TransparencyLoading() {
  const t = await getTranslations("transparency");
  return (
    <div className="space-y-6" aria-busy="true">
      <p role="status" className="text-slate-700">
        {t("loading")}
      </p>
      <div className="h-24 animate-pulse rounded-xl border border-slate-200 bg-white" aria-hidden="true" />
      <ul className="grid gap-4 md:grid-cols-2" aria-hidden="true">
        {Array.from({ length: 4 }, (_, index) => (
          <li key={index} className="h-56 animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </ul>
    </div>
  );
}
