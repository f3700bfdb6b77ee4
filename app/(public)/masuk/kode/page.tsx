import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { safeNextPath } from "@/lib/accounts/schema.ts";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo.ts";
import { challengeUser } from "@/lib/auth/second-factor.ts";
import { totpCode } from "@/lib/auth/totp.ts";
import { db } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";
import { challengeCookie, secureCookies } from "@/lib/security/cookies.ts";
import { SecondFactorForm } from "../_components/second-factor-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("secondFactorTitle") };
}

// Step two of a staff sign-in: the password was right, the code comes next.
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  const t = await getTranslations("auth");
  const token = (await cookies()).get(challengeCookie(secureCookies(readEnv())).name)?.value;
  const user = token ? await challengeUser(token) : null;
  const secret = user ? (await db.user.findUnique({ where: { id: user.id }, select: { totpSecret: true } }))?.totpSecret : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title={t("secondFactorTitle")} lead={user ? t("secondFactorLead") : undefined} />
      {user ? (
        <>
          {secret === DEMO_TOTP_SECRET && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="demo-code">
              {t("demoCode", { code: totpCode(DEMO_TOTP_SECRET) })}
            </p>
          )}
          <SecondFactorForm next={next} />
        </>
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {t("challengeExpired")}
        </p>
      )}
      <p className="text-sm">
        <Link href={`/masuk?next=${encodeURIComponent(next)}`} className="font-semibold text-brand-700 hover:underline">
          {t("startOver")}
        </Link>
      </p>
    </div>
  );
}
