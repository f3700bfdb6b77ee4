"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ReasonField } from "@/components/form/reason-field.tsx";
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
  const tPledge = useTranslations("pledge");
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="min-w-0 flex-1 basis-64 space-y-2" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="status" value={status} />
      <FormMessage state={state} />
      {withReason && <ReasonField label={t("reason")} requiredMark={tPledge("requiredMark")} state={state} />}
      <SubmitButton pendingLabel={tAuth("submitting")} tone={tone}>
        {label}
      </SubmitButton>
    </form>
  );
}
