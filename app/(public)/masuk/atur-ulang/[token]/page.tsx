import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { resetLinkUsable } from "@/lib/recovery/service.ts";
import { ResetPasswordForm } from "../../_components/reset-forms.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("reset.setTitle"), robots: { index: false } };
}

// Opening the page uses nothing up: the link is spent only when the new password is saved.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.slice(0, 100);
  const t = await getTranslations("auth");
  const usable = await resetLinkUsable(token);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title={t("reset.setTitle")} lead={usable ? t("reset.setLead") : undefined} />
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div role="alert" className="space-y-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p>{t("reset.linkInvalid")}</p>
          <Link href="/masuk/lupa" className="font-semibold underline">
            {t("reset.requestAgain")}
          </Link>
        </div>
      )}
    </div>
  );
}
