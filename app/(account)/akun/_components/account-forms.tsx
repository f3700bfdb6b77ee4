"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FileField, TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import {
  changePasswordAction,
  inviteMemberAction,
  signOutEverywhereAction,
  updateOrganisationAction,
  updateProfileAction,
  updateStaffMailAction,
} from "@/lib/accounts/actions.ts";
import { NewPasswordFields } from "@/components/form/new-password-fields.tsx";
import { removeLogoAction, updatePublicProfileAction } from "@/lib/organisations/actions.ts";
import { LOGO_MAX_SIDE, MAX_LOGO_BYTES, PUBLIC_DESCRIPTION_MAX, WEBSITE_MAX } from "@/lib/organisations/limits.ts";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(updateProfileAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label={t("auth.name")} state={state} defaultValue={name} required maxLength={120} autoComplete="name" />
      <p className="text-sm text-slate-700">
        {t("auth.email")}: <span className="font-medium">{email}</span>
      </p>
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("account.save")}</SubmitButton>
    </form>
  );
}

export function StaffMailForm({ current }: { current: "IMMEDIATE" | "DAILY_DIGEST" }) {
  const t = useTranslations("account.staffMail");
  const tAuth = useTranslations("auth");
  const tAccount = useTranslations("account");
  const [state, action] = useActionState(updateStaffMailAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">{t("legend")}</legend>
        {(["DAILY_DIGEST", "IMMEDIATE"] as const).map((choice) => (
          <label key={choice} className="flex gap-3 text-sm">
            <input
              type="radio"
              name="staffMail"
              value={choice}
              defaultChecked={current === choice}
              className="mt-1 size-4 accent-brand-700"
            />
            <span>
              <span className="font-medium">{t(`${choice}.label`)}</span>
              <span className="block text-slate-600">{t(`${choice}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingLabel={tAuth("submitting")}>{tAccount("save")}</SubmitButton>
    </form>
  );
}

export function OrganisationForm({ name, phone, showPublicly }: { name: string; phone: string; showPublicly: boolean }) {
  const t = useTranslations();
  const [state, action] = useActionState(updateOrganisationAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="organisationName" label={t("auth.organisationName")} state={state} defaultValue={name} required maxLength={160} />
      <TextField name="phone" type="tel" label={t("auth.phoneOptional")} state={state} defaultValue={phone} maxLength={20} />
      <CheckboxField
        name="showPublicly"
        label={t("auth.showPublicly")}
        hint={t("auth.showPubliclyHint")}
        state={state}
        defaultChecked={showPublicly}
      />
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("account.save")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations();
  const [state, action] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="currentPassword"
        type="password"
        label={t("account.currentPassword")}
        state={state}
        required
        autoComplete="current-password"
      />
      <NewPasswordFields state={state} label={t("account.newPassword")} />
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("account.changePassword")}</SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const t = useTranslations();
  const [state, action] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{t("account.signOutEverywhereLead")}</p>
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("account.signOutEverywhere")}</SubmitButton>
    </form>
  );
}

export function InviteMemberForm() {
  const t = useTranslations();
  const [state, action] = useActionState(inviteMemberAction, null);
  const link = state?.ok ? state.data?.link : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <h3 className="font-semibold text-ink">{t("account.invite")}</h3>
      <FormMessage state={state} />
      {link && (
        <p className="break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm" data-testid="invitation-link">
          {typeof window === "undefined" ? link : `${window.location.origin}${link}`}
        </p>
      )}
      <TextField name="email" type="email" label={t("account.inviteEmail")} state={state} required maxLength={254} />
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("account.inviteSubmit")}</SubmitButton>
    </form>
  );
}

/** The organisation's public profile; the logo is previewed from /akun/logo, public or not. */
export function PublicProfileForm({
  description,
  website,
  logoSrc,
  logoAlt,
}: {
  description: string;
  website: string;
  logoSrc: string | null;
  logoAlt: string;
}) {
  // Not called t: lib/i18n/messages.test.ts reads every t call in this file as a full key.
  const tProfile = useTranslations("account.publicProfile");
  const t = useTranslations();
  const [state, action] = useActionState(updatePublicProfileAction, null);
  const [removed, remove] = useActionState(removeLogoAction, null);
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">{tProfile("currentLogo")}</h3>
        <FormMessage state={removed} />
        {logoSrc ? (
          <div className="flex flex-wrap items-center gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small stored logo, already re-encoded; not for the image optimiser */}
            <img
              src={logoSrc}
              alt={logoAlt}
              width={64}
              height={64}
              className="size-16 rounded-md border border-slate-200 bg-white object-contain"
            />
            <form action={remove}>
              <SubmitButton tone="secondary" pendingLabel={t("auth.submitting")}>
                {tProfile("removeLogo")}
              </SubmitButton>
            </form>
          </div>
        ) : (
          <p className="text-sm text-slate-700">{tProfile("noLogo")}</p>
        )}
      </div>
      <form action={action} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <TextAreaField
          name="publicDescription"
          label={tProfile("description")}
          hint={tProfile("descriptionHint", { max: PUBLIC_DESCRIPTION_MAX })}
          state={state}
          defaultValue={description}
          maxLength={PUBLIC_DESCRIPTION_MAX}
          rows={4}
        />
        <TextField
          name="website"
          type="url"
          inputMode="url"
          label={tProfile("website")}
          hint={tProfile("websiteHint")}
          state={state}
          defaultValue={website}
          maxLength={WEBSITE_MAX}
          autoComplete="url"
        />
        <FileField
          name="logo"
          label={tProfile("logo")}
          hint={tProfile("logoHint", { side: LOGO_MAX_SIDE })}
          state={state}
          accept="image/jpeg,image/png"
          maxBytes={MAX_LOGO_BYTES}
          tooLarge={tProfile("errors.logoTooLarge")}
        />
        <SubmitButton pendingLabel={t("auth.submitting")}>{t("account.save")}</SubmitButton>
      </form>
    </div>
  );
}
