"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { TextField } from "@/components/form/fields.tsx";
import { secondFactorSignInAction } from "@/lib/accounts/actions.ts";

export function SecondFactorForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(secondFactorSignInAction, null);
  return (
    <form action={action} className="space-y-4 card p-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        state={state}
        autoComplete="one-time-code"
        inputMode="text"
        autoFocus
        required
        maxLength={20}
        spellCheck={false}
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submitCode")}</SubmitButton>
    </form>
  );
}
