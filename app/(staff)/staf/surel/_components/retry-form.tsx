"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-status.tsx";
import { retryMailAction } from "@/lib/notifications/actions.ts";

export function RetryForm({ mailId, to, status }: { mailId: string; to: string; status: string }) {
  const [state, formAction] = useActionState(retryMailAction, null);
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="mailId" value={mailId} />
      <input type="hidden" name="status" value={status} />
      <FormMessage state={state} />
      {!state?.ok && <RetryButton to={to} />}
    </form>
  );
}

function RetryButton({ to }: { to: string }) {
  const t = useTranslations("outbox");
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      aria-label={t("retryLabel", { to })}
      className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-slate-800 hover:bg-slate-100 disabled:opacity-70"
    >
      {pending ? t("retrying") : t("retry")}
    </button>
  );
}
