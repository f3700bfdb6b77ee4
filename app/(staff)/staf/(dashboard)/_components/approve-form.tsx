"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { fieldError } from "@/components/form/fields.tsx";
import { FormMessage } from "@/components/form/form-status.tsx";
import { bulkReviewPledgesAction } from "@/lib/pledges/actions.ts";

/**
 * The inbox's pledges to review in one form: tick several and approve them together (the
 * review list's bulk review). Rejecting needs a reason, so it stays on the full list.
 */
export function ApproveForm({ children, hasPledges }: { children: React.ReactNode; hasPledges: boolean }) {
  const t = useTranslations("review");
  const [state, action, pending] = useActionState(bulkReviewPledgesAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      {fieldError(state, "pledge[]") && <p className="text-sm font-medium text-red-800">{fieldError(state, "pledge[]")}</p>}
      {children}
      {hasPledges && (
        <button
          type="submit"
          name="to"
          value="APPROVED"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {t("bulkApprove")}
        </button>
      )}
    </form>
  );
}
