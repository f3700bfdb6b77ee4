import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header.tsx";
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
      <PageHeader title={t("aggregatorTitle")} lead={t("pendingNote")} />
      <AggregatorRegistrationForm regions={regions} />
    </div>
  );
}
