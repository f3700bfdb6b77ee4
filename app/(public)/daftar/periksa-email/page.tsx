import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { safeNextPath } from "@/lib/accounts/schema.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("confirm.checkTitle"), robots: { index: false } };
}

// Every registration ends here, new address or taken one, so the page tells nobody
// whether an address has an account. It reads nothing about the visitor on purpose:
// only ?next=, which the registration form itself carried (the need the donor came from).
export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const t = await getTranslations("auth");
  const { next: asked } = await searchParams;
  const next = typeof asked === "string" ? safeNextPath(asked, "") : "";
  const toNeed = next.startsWith("/kebutuhan/");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("confirm.checkTitle")} lead={t("confirm.checkLead")} />
      <ol className="list-decimal space-y-2 card p-5 pl-10 text-sm text-slate-800">
        <li>{t("confirm.stepOpen")}</li>
        <li>{t("confirm.stepClick")}</li>
        <li>{toNeed ? t("confirm.stepBackToNeed") : t("confirm.stepPledge")}</li>
      </ol>
      <p className="text-sm text-slate-700">{t("confirm.checkNext")}</p>
      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {toNeed && (
          <Link href={next} className="font-semibold text-brand-700 hover:underline">
            {t("confirm.backToNeed")}
          </Link>
        )}
        <Link href="/akun" className="font-semibold text-brand-700 hover:underline">
          {t("confirm.toAccount")}
        </Link>
      </p>
    </div>
  );
}
