import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DonorRegistrationForm } from "../_components/donor-registration-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("donorTitle") };
}

export default async function DonorRegistrationPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-ink">{t("donorTitle")}</h1>
        <p className="text-slate-700">{t("pendingNote")}</p>
      </header>
      <DonorRegistrationForm />
    </div>
  );
}
