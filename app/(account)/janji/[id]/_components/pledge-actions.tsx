"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ReasonField } from "@/components/form/reason-field.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { changePledgeStatusAction } from "@/lib/pledges/actions.ts";
import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";

const WITH_REASON: PledgeStatus[] = ["REJECTED", "CANCELLED"];

export function PledgeActions({ pledgeId, version, steps }: { pledgeId: string; version: number; steps: PledgeStatus[] }) {
  return (
    <div className="flex flex-wrap items-start gap-4 border-t border-slate-100 pt-3">
      {steps.map((step) => (
        <StepForm key={step} pledgeId={pledgeId} version={version} to={step} />
      ))}
    </div>
  );
}

function StepForm({ pledgeId, version, to }: { pledgeId: string; version: number; to: PledgeStatus }) {
  const t = useTranslations("pledge");
  const tAuth = useTranslations("auth");
  const [state, action] = useActionState(changePledgeStatusAction, null);
  const withReason = WITH_REASON.includes(to);
  return (
    <form action={action} className="min-w-0 flex-1 basis-56 space-y-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="to" value={to} />
      {withReason && <ReasonField label={t("reason")} requiredMark={t("requiredMark")} state={state} />}
      <SubmitButton pendingLabel={tAuth("submitting")} tone={withReason ? "danger" : "primary"}>
        {t(`action.${to as "APPROVED"}`)}
      </SubmitButton>
    </form>
  );
}
