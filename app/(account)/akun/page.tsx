import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmailConfirmationNotice } from "@/components/account/email-confirmation.tsx";
import { Badge } from "@/components/badge.tsx";
import { accountOverview } from "@/lib/accounts/queries.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { publicOrganisationName } from "@/lib/organisations/public-name.ts";
import {
  ChangePasswordForm,
  InviteMemberForm,
  OrganisationForm,
  ProfileForm,
  PublicProfileForm,
  SignOutEverywhereForm,
  StaffMailForm,
} from "./_components/account-forms.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

const STATUS_TONE = { PENDING: "info", VERIFIED: "success", REJECTED: "urgent", SUSPENDED: "urgent" } as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ welcome?: string; terkonfirmasi?: string }> }) {
  const caller = await requirePageUser("/akun");
  const [{ organisation, isFirstUser, staffMail }, t, tAuth, format, tReceipt, tCollaborations] = await Promise.all([
    accountOverview(caller),
    getTranslations("account"),
    getTranslations("auth"),
    getFormatter(),
    getTranslations("receipt"),
    getTranslations("collaborations"),
  ]);
  const query = await searchParams;
  const welcome = query.welcome === "1";
  const status = organisation.verificationStatus;
  const reason = status === "REJECTED" ? organisation.verificationReason : status === "SUSPENDED" ? organisation.suspensionReason : null;
  const section = "card p-5  space-y-4";

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
        {welcome && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            {t("welcome")}
          </p>
        )}
        {query.terkonfirmasi === "1" && caller.emailVerified && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            {tAuth("confirm.confirmed")}
          </p>
        )}
        {!caller.emailVerified && <EmailConfirmationNotice email={caller.email} />}
      </header>

      <section aria-labelledby="status-heading" className={section}>
        <h2 id="status-heading" className="text-lg font-semibold text-ink">
          {organisation.name}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("kind")}</dt>
            <dd className="font-medium">{tAuth(`kinds.${organisation.kind}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("role")}</dt>
            <dd className="font-medium">{t(`roles.${caller.role}`)}</dd>
          </div>
          {organisation.kind !== "CITY_OFFICE" && (
            <div>
              <dt className="text-slate-600">{t("status")}</dt>
              <dd>
                <Badge tone={STATUS_TONE[status]}>{t(`statusValue.${status}`)}</Badge>
              </dd>
            </div>
          )}
          {organisation.kind === "AGGREGATOR" && (
            <>
              <div>
                <dt className="text-slate-600">{t("serviceArea")}</dt>
                <dd className="font-medium">{format.number(organisation._count.serviceAreas)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("capacity")}</dt>
                <dd className="font-medium">{format.number(organisation.deliveryCapacity ?? 0)}</dd>
              </div>
            </>
          )}
        </dl>
        {caller.role === "DONOR" && (
          <p className="text-sm">
            <Link href="/akun/laporan" className="font-semibold text-brand-700 hover:underline">
              {tReceipt("statementLink")}
            </Link>
          </p>
        )}
        {(caller.role === "DONOR" || caller.role === "AGGREGATOR") && (
          <p className="text-sm">
            <Link href="/akun/kolaborasi" className="font-semibold text-brand-700 hover:underline">
              {tCollaborations("own.title")}
            </Link>
          </p>
        )}
        {status === "PENDING" && organisation.kind !== "CITY_OFFICE" && <p className="text-sm text-slate-700">{t("pendingBody")}</p>}
        {reason && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p>{status === "REJECTED" ? t("rejectedBody") : t("suspendedBody")}</p>
            <p className="mt-1 font-semibold">{reason}</p>
          </div>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="profile-heading" className={section}>
          <h2 id="profile-heading" className="text-lg font-semibold text-ink">
            {t("profile")}
          </h2>
          <ProfileForm name={caller.name} email={caller.email} />
        </section>
        {organisation.kind !== "INDIVIDUAL" && organisation.kind !== "CITY_OFFICE" && (
          <section aria-labelledby="organisation-heading" className={section}>
            <h2 id="organisation-heading" className="text-lg font-semibold text-ink">
              {t("organisation")}
            </h2>
            <OrganisationForm name={organisation.name} phone={organisation.contactPhone ?? ""} showPublicly={organisation.showPublicly} />
          </section>
        )}
        {organisation.kind !== "CITY_OFFICE" && (
          <section aria-labelledby="public-profile-heading" className={section}>
            <h2 id="public-profile-heading" className="text-lg font-semibold text-ink">
              {t("publicProfile.title")}
            </h2>
            <p className="text-sm text-slate-700">{t("publicProfile.note")}</p>
            {publicOrganisationName(organisation) ? (
              <p className="text-sm text-slate-700">
                {t("publicProfile.shownNow")}{" "}
                <Link href={`/kolaborator/${organisation.id}`} className="font-semibold text-brand-700 hover:underline">
                  {t("publicProfile.viewPublic")}
                </Link>
              </p>
            ) : (
              <p className="text-sm text-slate-700">{t("publicProfile.hiddenNow")}</p>
            )}
            <PublicProfileForm
              description={organisation.publicDescription ?? ""}
              website={organisation.website ?? ""}
              logoSrc={organisation.logoUpdatedAt ? `/akun/logo?v=${organisation.logoUpdatedAt.getTime()}` : null}
              logoAlt={t("publicProfile.logoAlt", { name: organisation.name })}
            />
          </section>
        )}
        {staffMail && (
          <section aria-labelledby="staff-mail-heading" className={section}>
            <h2 id="staff-mail-heading" className="text-lg font-semibold text-ink">
              {t("staffMail.title")}
            </h2>
            <StaffMailForm current={staffMail} />
          </section>
        )}
        <section aria-labelledby="password-heading" className={section}>
          <h2 id="password-heading" className="text-lg font-semibold text-ink">
            {t("changePassword")}
          </h2>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="sessions-heading" className={section}>
          <h2 id="sessions-heading" className="text-lg font-semibold text-ink">
            {t("sessions")}
          </h2>
          <SignOutEverywhereForm />
        </section>
        {organisation.kind !== "INDIVIDUAL" && (
          <section aria-labelledby="members-heading" className={section}>
            <h2 id="members-heading" className="text-lg font-semibold text-ink">
              {t("members")}
            </h2>
            <ul className="divide-y divide-slate-100 text-sm">
              {organisation.users.map((member) => (
                <li key={member.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className="font-medium">{member.name}</span>
                  <span className="text-slate-600">
                    {member.email} · {t(`roles.${member.role}`)}
                  </span>
                </li>
              ))}
              {organisation.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap justify-between gap-2 py-2 text-slate-600">
                  <span>{invitation.email}</span>
                  <span>{format.dateTime(invitation.expiresAt, { dateStyle: "medium" })}</span>
                </li>
              ))}
            </ul>
            {isFirstUser ? <InviteMemberForm /> : <p className="text-sm text-slate-600">{t("inviteOnlyFirst")}</p>}
          </section>
        )}
      </div>
    </div>
  );
}
