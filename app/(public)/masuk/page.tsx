import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/accounts/schema.ts";
import { currentUser } from "@/lib/auth/guards.ts";
import { SignInForm } from "./_components/sign-in-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; keluar?: string; sandi?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentUser()) redirect(next);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title={t("signInTitle")} lead={t("signInLead")} />
      {params.keluar === "semua" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("signedOutEverywhere")}
        </p>
      )}
      {params.sandi === "baru" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("reset.done")}
        </p>
      )}
      <SignInForm next={next} />
      <p className="text-sm text-slate-700">
        <Link href="/masuk/lupa" className="font-semibold text-brand-700 hover:underline">
          {t("forgotPassword")}
        </Link>
      </p>
      <p className="text-sm text-slate-700">
        {t("noAccount")}{" "}
        <Link
          href={params.next ? `/daftar?next=${encodeURIComponent(next)}` : "/daftar"}
          className="font-semibold text-brand-700 hover:underline"
        >
          {t("register")}
        </Link>
      </p>
    </div>
  );
}
