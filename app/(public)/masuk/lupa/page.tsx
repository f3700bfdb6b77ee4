import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { ResetRequestForm } from "../_components/reset-forms.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("reset.requestTitle") };
}

export default async function ResetRequestPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title={t("reset.requestTitle")} lead={t("reset.requestLead")} />
      <ResetRequestForm />
    </div>
  );
}
