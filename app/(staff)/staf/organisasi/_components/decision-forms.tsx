"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { fieldError } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import {
  reinstateOrganisationAction,
  rejectOrganisationAction,
  suspendOrganisationAction,
  verifyOrganisationAction,
} from "@/lib/organisations/actions.ts";
import type { ActionState } from "@/lib/actions/state.ts";

type Status = "PENDING" | "VERIFIED" | "REJECTED" | "SUSPENDED";
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function DecisionForms({ organisationId, status }: { organisationId: string; status: Status }) {
  const t = useTranslations("staff");
  return (
    <div className="flex flex-wrap items-start gap-4">
      {(status === "PENDING" || status === "REJECTED") && (
        <Decision organisationId={organisationId} status={status} action={verifyOrganisationAction} label={t("verify")} />
      )}
      {status === "PENDING" && (
        <Decision
          organisationId={organisationId}
          status={status}
          action={rejectOrganisationAction}
          label={t("reject")}
          withReason
          tone="danger"
        />
      )}
      {status === "VERIFIED" && (
        <Decision
          organisationId={organisationId}
          status={status}
          action={suspendOrganisationAction}
          label={t("suspend")}
          withReason
          tone="danger"
        />
      )}
      {status === "SUSPENDED" && (
        <Decision organisationId={organisationId} status={status} action={reinstateOrganisationAction} label={t("reinstate")} />
      )}
    </div>
  );
}

function Decision({
  organisationId,
  status,
  action,
  label,
  withReason,
  tone = "primary",
}: {
  organisationId: string;
  status: Status;
  action: Action;
  label: string;
  withReason?: boolean;
  tone?: "primary" | "danger";
}) {
  const t = useTranslations("staff");
  const tAuth = useTranslations("auth");
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  const error = fieldError(state, "reason");
  return (
    <form action={formAction} className="min-w-0 flex-1 basis-64 space-y-2" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="status" value={status} />
      <FormMessage state={state} />
      {withReason && (
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {t("reason")}
          </label>
          <textarea
            id={id}
            name="reason"
            rows={2}
            maxLength={1000}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm aria-invalid:border-red-700"
          />
          {error && (
            <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
              {error}
            </p>
          )}
        </div>
      )}
      <SubmitButton pendingLabel={tAuth("submitting")} tone={tone}>
        {label}
      </SubmitButton>
    </form>
  );
}
