"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { NewPasswordFields } from "@/components/form/new-password-fields.tsx";
import { acceptInvitationAction } from "@/lib/accounts/actions.ts";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="space-y-4 card p-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="name" label={t("name")} state={state} required maxLength={120} autoComplete="name" />
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submitInvitation")}</SubmitButton>
    </form>
  );
}
