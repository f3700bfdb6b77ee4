"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { confirmEmailAction, resendConfirmationAction } from "@/lib/recovery/actions.ts";

/** Shown to a person whose address is not confirmed yet, with "send again". */
export function EmailConfirmationNotice({ email, next }: { email: string; next?: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(resendConfirmationAction, null);
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p>{t("confirm.notice", { email })}</p>
      <form action={action} className="space-y-3" noValidate>
        <FormMessage state={state} />
        {next && <input type="hidden" name="next" value={next} />}
        <SubmitButton tone="secondary" pendingLabel={t("submitting")}>
          {t("confirm.sendAgain")}
        </SubmitButton>
      </form>
    </div>
  );
}

export function ConfirmEmailForm({ token, next }: { token: string; next: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(confirmEmailAction, null);
  return (
    <form action={action} className="space-y-4 card p-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {next && <input type="hidden" name="next" value={next} />}
      <SubmitButton pendingLabel={t("submitting")}>{t("confirm.submit")}</SubmitButton>
    </form>
  );
}
