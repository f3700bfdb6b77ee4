"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { enrolSecondFactorAction } from "@/lib/accounts/actions.ts";

export function EnrolSecondFactorForm({ next }: { next: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(enrolSecondFactorAction, null);
  if (state?.ok && state.data?.recoveryCodes) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4">
        <h3 className="font-semibold text-ink">{t("security.recoveryTitle")}</h3>
        <p className="text-sm text-slate-800">{t("security.recoveryLead")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5" data-testid="recovery-codes">
          {state.data.recoveryCodes.split(" ").map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Link
          href={state.data.next ?? "/staf"}
          className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("security.continue")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="code"
        label={t("auth.code")}
        state={state}
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        maxLength={20}
        spellCheck={false}
      />
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("security.confirm")}</SubmitButton>
    </form>
  );
}
