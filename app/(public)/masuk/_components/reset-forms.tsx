"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { NewPasswordFields } from "@/components/form/new-password-fields.tsx";
import { requestPasswordResetAction, resetPasswordAction } from "@/lib/recovery/actions.ts";

const card = "space-y-4 card p-6 ";

export function ResetRequestForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(requestPasswordResetAction, null);
  return (
    <form action={action} className={card} noValidate>
      <FormMessage state={state} />
      <TextField name="email" type="email" label={t("email")} state={state} autoComplete="email" required maxLength={254} />
      <SubmitButton pendingLabel={t("submitting")}>{t("reset.requestSubmit")}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className={card} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel={t("submitting")}>{t("reset.setSubmit")}</SubmitButton>
    </form>
  );
}
