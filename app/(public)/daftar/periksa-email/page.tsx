import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("confirm.checkTitle"), robots: { index: false } };
}

// Every registration ends here, new address or taken one, so the page tells nobody
// whether an address has an account. It reads nothing about the visitor on purpose.
export default async function CheckEmailPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("confirm.checkTitle")} lead={t("confirm.checkLead")} />
      <p className="text-sm text-slate-700">{t("confirm.checkNext")}</p>
      <Link href="/akun" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        {t("confirm.toAccount")}
      </Link>
    </div>
  );
}
