import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { ConfirmEmailForm } from "@/components/account/email-confirmation.tsx";
import { confirmLinkUsable } from "@/lib/recovery/service.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("confirm.pageTitle"), robots: { index: false } };
}

// The address is confirmed by a button, not by opening the page: mail scanners that
// open every link must not use it up. The action checks the token.
export default async function ConfirmEmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  const [{ token }, { next }] = await Promise.all([params, searchParams]);
  const t = await getTranslations("auth");
  const usable = await confirmLinkUsable(token.slice(0, 100));
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title={t("confirm.pageTitle")} lead={usable ? t("confirm.pageLead") : undefined} />
      {usable ? (
        <ConfirmEmailForm token={token.slice(0, 100)} next={typeof next === "string" ? next.slice(0, 500) : ""} />
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {t("confirm.linkInvalid")}
        </p>
      )}
    </div>
  );
}
