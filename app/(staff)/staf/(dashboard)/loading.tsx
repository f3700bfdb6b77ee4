import { getTranslations } from "next-intl/server";

export default async function DashboardLoading() {
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-6" aria-busy="true">
      <p role="status" className="text-slate-700">
        {t("loading")}
      </p>
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="h-40 animate-pulse rounded-xl border border-slate-200 bg-white" aria-hidden="true" />
      ))}
    </div>
  );
}
