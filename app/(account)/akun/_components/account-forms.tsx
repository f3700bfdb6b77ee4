"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, TextField } from "@/components/form/fields.tsx";
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
