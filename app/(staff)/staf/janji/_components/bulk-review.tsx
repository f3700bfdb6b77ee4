"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { fieldError } from "@/components/form/fields.tsx";
import { FormMessage } from "@/components/form/form-status.tsx";
import { bulkReviewPledgesAction } from "@/lib/pledges/actions.ts";

/** Wraps the list of submitted pledges in one form: tick several, approve or reject them together. */
export function BulkReview({ children, hasPledges }: { children: React.ReactNode; hasPledges: boolean }) {
  const t = useTranslations("review");
  const [state, action] = useActionState(bulkReviewPledgesAction, null);
  const id = useId();
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {fieldError(state, "pledge[]") && <p className="text-sm font-medium text-red-800">{fieldError(state, "pledge[]")}</p>}
      {children}
      {hasPledges && (
        <fieldset className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">{t("selectedAction")}</legend>
          <button
            type="submit"
            name="to"
            value="APPROVED"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("bulkApprove")}
          </button>
          <div className="min-w-0 flex-1 basis-56">
            <label htmlFor={id} className="block text-sm font-medium">
              {t("bulkReason")}
            </label>
            <input
              id={id}
              name="reason"
              maxLength={1000}
              aria-invalid={fieldError(state, "reason") ? true : undefined}
              aria-describedby={fieldError(state, "reason") ? `${id}-error` : undefined}
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm aria-invalid:border-red-700"
            />
            {fieldError(state, "reason") && (
              <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
                {fieldError(state, "reason")}
              </p>
            )}
          </div>
          <button
            type="submit"
            name="to"
            value="REJECTED"
            className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900"
          >
            {t("bulkReject")}
          </button>
        </fieldset>
      )}
    </form>
  );
}
