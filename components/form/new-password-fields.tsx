"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/fields.tsx";
import type { ActionState } from "@/lib/actions/state.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-policy-limits.ts";

export function NewPasswordFields({ state, label }: { state: ActionState; label?: string }) {
  const t = useTranslations("auth");
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label ?? t("password")}
        hint={t("passwordHint")}
        state={state}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
      />
      <TextField
        name="passwordConfirm"
        type="password"
        label={t("passwordConfirm")}
        state={state}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
      />
    </>
  );
}
