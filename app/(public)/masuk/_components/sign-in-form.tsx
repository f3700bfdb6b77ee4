"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { TextField } from "@/components/form/fields.tsx";
import { signInAction } from "@/lib/accounts/actions.ts";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signInAction, null);
  return (
    <form action={action} className="space-y-4 card p-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" type="email" label={t("email")} state={state} autoComplete="email" required maxLength={254} />
      <TextField name="password" type="password" label={t("password")} state={state} autoComplete="current-password" required />
      <SubmitButton pendingLabel={t("submitting")}>{t("submitSignIn")}</SubmitButton>
    </form>
  );
}
