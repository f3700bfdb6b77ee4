import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { QrCode } from "@/components/qr-code.tsx";
import { safeNextPath } from "@/lib/accounts/schema.ts";
import { STAFF_ROLES } from "@/lib/auth/errors.ts";
import { requirePageUser, SECOND_FACTOR_PATH } from "@/lib/auth/page-guards.ts";
import { pendingSecret } from "@/lib/auth/second-factor.ts";
import { totpUri } from "@/lib/auth/totp.ts";
import { db } from "@/lib/db/index.ts";
import { EnrolSecondFactorForm } from "./_components/enrol-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

// Staff and admins enrol an authenticator app here on their first sign-in; every other
// staff page sends them here until they have (lib/auth/page-guards.ts).
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const caller = await requirePageUser(SECOND_FACTOR_PATH, STAFF_ROLES);
  const next = safeNextPath((await searchParams).next ?? "/staf");
  const [t, format] = await Promise.all([getTranslations("security"), getFormatter()]);
  const section = "card p-5  space-y-4";

  if (!caller.mustEnrolSecondFactor) {
    const [user, left] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: caller.id }, select: { totpEnabledAt: true } }),
      db.recoveryCode.count({ where: { userId: caller.id, usedAt: null } }),
    ]);
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} />
        <section className={section}>
          <p>{t("enabled", { date: format.dateTime(user.totpEnabledAt!, { dateStyle: "long" }) })}</p>
          <p className="text-sm text-slate-700">{t("recoveryLeft", { count: left })}</p>
        </section>
      </div>
    );
  }

  const secret = await pendingSecret(caller.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("required")} />
      <section aria-labelledby="enrol-heading" className={section}>
        <h2 id="enrol-heading" className="text-lg font-semibold text-ink">
          {t("enrolTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("enrolLead")}</p>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <QrCode value={totpUri(secret, caller.email)} label={t("qrLabel")} />
          <div className="min-w-0 space-y-1 text-sm">
            <p>{t("secretLabel")}</p>
            <p className="break-all font-mono text-base tracking-wider" data-testid="totp-secret">
              {secret.match(/.{1,4}/g)!.join(" ")}
            </p>
          </div>
        </div>
        <EnrolSecondFactorForm next={next} />
      </section>
    </div>
  );
}
