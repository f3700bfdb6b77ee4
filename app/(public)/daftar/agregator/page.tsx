import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { kelurahanByKecamatan } from "@/lib/regions/queries.ts";
import { AggregatorRegistrationForm } from "../_components/aggregator-registration-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("aggregatorTitle") };
}

export default async function AggregatorRegistrationPage() {
  const [t, regions] = await Promise.all([getTranslations("auth"), kelurahanByKecamatan()]);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-ink">{t("aggregatorTitle")}</h1>
        <p className="text-slate-700">{t("pendingNote")}</p>
      </header>
      <AggregatorRegistrationForm regions={regions} />
    </div>
  );
}
