import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/accounts/schema.ts";
import { DonorRegistrationForm } from "../_components/donor-registration-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("donorTitle") };
}

export default async function DonorRegistrationPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations("auth");
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("donorTitle")} lead={t("pendingNote")} />
      <DonorRegistrationForm next={typeof next === "string" ? safeNextPath(next, "") : ""} />
    </div>
  );
}
