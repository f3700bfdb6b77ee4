import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/accounts/schema.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations("auth");
  const { next } = await searchParams;
  // Donors who came from a need go back to it once their address is confirmed.
  const donorNext = typeof next === "string" && next.startsWith("/") ? `?next=${encodeURIComponent(safeNextPath(next))}` : "";
  const options = [
    { href: `/daftar/donatur${donorNext}`, title: t("donorOption"), body: t("donorOptionBody") },
    { href: "/daftar/agregator", title: t("aggregatorOption"), body: t("aggregatorOptionBody") },
  ];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("registerTitle")} lead={t("registerLead")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {options.map((option) => (
          <li key={option.href}>
            <Link href={option.href} className="block h-full card p-5 hover:border-brand-700">
              <span className="block text-lg font-semibold text-brand-700">{option.title}</span>
              <span className="mt-1 block text-sm text-slate-700">{option.body}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">{t("pendingNote")}</p>
      <p className="text-sm text-slate-700">
        {t("haveAccount")}{" "}
        <Link href={`/masuk${donorNext}`} className="font-semibold text-brand-700 hover:underline">
          {t("submitSignIn")}
        </Link>
      </p>
    </div>
  );
}
