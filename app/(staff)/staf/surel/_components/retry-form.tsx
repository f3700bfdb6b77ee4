"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/form/form-status.tsx";
import { retryMailAction } from "@/lib/notifications/actions.ts";

/** Labels come from the server page, so the browser needs no "outbox" messages. */
export interface RetryLabels {
  retry: string;
  retrying: string;
  /** The button's accessible name, naming the address. */
  retryLabel: string;
}

export function RetryForm({ mailId, status, labels }: { mailId: string; status: string; labels: RetryLabels }) {
  const [state, formAction] = useActionState(retryMailAction, null);
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="mailId" value={mailId} />
      <input type="hidden" name="status" value={status} />
      <FormMessage state={state} />
      {!state?.ok && <RetryButton labels={labels} />}
    </form>
  );
}

function RetryButton({ labels }: { labels: RetryLabels }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      aria-label={labels.retryLabel}
      className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-slate-800 hover:bg-slate-100 disabled:opacity-70"
    >
      {pending ? labels.retrying : labels.retry}
    </button>
  );
}
