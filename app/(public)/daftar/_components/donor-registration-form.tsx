"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { registerDonorAction } from "@/lib/accounts/actions.ts";
import { DONOR_KINDS } from "@/lib/accounts/kinds.ts";
import { NewPasswordFields } from "@/components/form/new-password-fields.tsx";

export function DonorRegistrationForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(registerDonorAction, null);
  return (
    <form action={action} className="space-y-4 card p-6" noValidate>
      <FormMessage state={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <SelectField name="kind" label={t("kind")} state={state} defaultValue="INDIVIDUAL" required>
        {DONOR_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="organisationName"
        label={t("organisationName")}
        hint={t("organisationNameHint")}
        state={state}
        maxLength={160}
        autoComplete="organization"
      />
      <TextField name="name" label={t("name")} state={state} required maxLength={120} autoComplete="name" />
      <TextField name="email" type="email" label={t("email")} state={state} required maxLength={254} autoComplete="email" />
      <TextField name="phone" type="tel" label={t("phoneOptional")} state={state} maxLength={20} autoComplete="tel" />
      <NewPasswordFields state={state} />
      <CheckboxField name="showPublicly" label={t("showPublicly")} hint={t("showPubliclyHint")} state={state} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submitRegister")}</SubmitButton>
    </form>
  );
}
