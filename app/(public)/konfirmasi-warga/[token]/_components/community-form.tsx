"use client";

import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { confirmCommunityAction } from "@/lib/deliveries/actions.ts";

export function CommunityForm({ token, max, unitLabel }: { token: string; max: number; unitLabel: string }) {
  const t = useTranslations("community");
  const tAuth = useTranslations("auth");
  const [state, action] = useFormAction(confirmCommunityAction);
  // Done: the thanks replace the form, which the link no longer opens.
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-4 card p-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="quantityReceived"
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        required
        touch
        label={t("quantityReceived", { unit: unitLabel })}
        hint={t("quantityHint", { max })}
        state={state}
        defaultValue={String(max)}
      />
      <TextAreaField name="note" label={t("note")} hint={t("noteHint")} state={state} rows={3} maxLength={500} />
      <SubmitButton pendingLabel={tAuth("submitting")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
